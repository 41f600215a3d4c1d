import { check, type CheckDiagnostic } from "@alloy-toolkit/checker/core";
import type { Range as SourceRange, Severity } from "@alloy-toolkit/parser";
import type { Diagnostic, TextEdit } from "vscode-languageserver";
import { DiagnosticSeverity } from "../lsp.js";
import { checkerFilename, uriOfCheckerFile, type ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { toLspRange } from "../lsp-positions.js";
import { disabledRules, type Settings } from "../settings.js";

/** What a published diagnostic carries for the code actions: the checker's fix, in LSP ranges of its file. */
export interface DiagnosticData {
  readonly fix?: { readonly title: string; readonly edits: readonly TextEdit[] };
}

export interface FileDiagnostics {
  readonly uri: string;
  /** The document version the diagnostics were computed for (open documents only). */
  readonly version?: number;
  readonly diagnostics: Diagnostic[];
}

/**
 * Diagnostics of a whole config (every `.alloy` file of the folder `uri` is in): parse errors and every
 * checker rule, filtered and re-levelled by the `rules` setting. `first`, when given, comes first in the
 * result (the edited document is published before its siblings).
 */
export function configDiagnostics(uri: string, ctx: FeatureContext, first?: string): FileDiagnostics[] {
  const settings = ctx.workspace.settings;
  const analysis = ctx.workspace.analysis(uri);
  const documents = analysis.documents;
  const byFile = new Map<string, ParsedDocument>();
  const results = new Map<string, Diagnostic[]>();
  for (const doc of documents) {
    byFile.set(checkerFilename(doc.uri), doc);
    results.set(doc.uri, []);
  }
  const found = analysis.diagnostics();
  const withParseDiagnostics = new Set<string>();
  for (const d of found) {
    const doc = byFile.get(d.file);
    if (!doc) continue;
    results.get(doc.uri)!.push(fromChecker(doc, d));
    if (d.code.startsWith("parse/")) withParseDiagnostics.add(doc.uri);
  }
  for (const doc of documents) {
    if (!withParseDiagnostics.has(doc.uri) && doc.parse.diagnostics.length > 0) results.get(doc.uri)!.unshift(...parseDiagnostics(doc));
  }
  const ordered = first === undefined ? documents : [...documents.filter((d) => d.uri === first), ...documents.filter((d) => d.uri !== first)];
  return ordered.map((doc) => ({
    uri: doc.uri,
    ...(doc.version >= 0 ? { version: doc.version } : {}),
    diagnostics: applyRuleSettings(results.get(doc.uri)!, settings),
  }));
}

/**
 * Diagnostics of a Helm values file: its inline `alloy.configMap.content` and the deployment rules. The
 * deployment checks (and their YAML parser) load on first use, so `.alloy`-only sessions start faster.
 */
export async function valuesFileDiagnostics(doc: ParsedDocument, ctx: FeatureContext): Promise<FileDiagnostics> {
  const { checkValuesFile } = await import("@alloy-toolkit/deployment");
  const settings = ctx.workspace.settings;
  const filename = checkerFilename(doc.uri);
  const options = {
    alloyVersion: settings.alloyVersion,
    stabilityLevel: settings.stabilityLevel,
    communityComponents: settings.communityComponents,
    disable: disabledRules(settings),
  };
  const result = checkValuesFile(doc.text, { filename, checkConfig: (files) => check(files, options).diagnostics });
  const diagnostics = result.diagnostics.filter((d) => d.file === filename).map((d) => fromChecker(doc, d, true));
  return { uri: doc.uri, ...(doc.version >= 0 ? { version: doc.version } : {}), diagnostics: applyRuleSettings(diagnostics, settings) };
}

function parseDiagnostics(doc: ParsedDocument): Diagnostic[] {
  return doc.parse.diagnostics.map((d) => lspDiagnostic(doc, d.code, d.severity, d.message, d.range));
}

/**
 * A checker diagnostic as an LSP one. `rangesInText`: its ranges are positions of the document's own text (a
 * values file's, the inline config mapped back into it), read by line and column.
 */
function fromChecker(doc: ParsedDocument, d: CheckDiagnostic, rangesInText = false): Diagnostic {
  const diagnostic = rangesInText ? lineColumnDiagnostic(d) : lspDiagnostic(doc, d.code, d.severity, d.message, d.range);
  const message = d.hint ? `${d.message} (${d.hint})` : d.message;
  const range = (r: SourceRange) => (rangesInText ? lineColumnRange(r) : toLspRange(doc.lineIndex, r));
  const fix = d.fix && d.fix.file === d.file ? { title: d.fix.title, edits: d.fix.edits.map((e) => ({ range: range(e.range), newText: e.newText })) } : undefined;
  const related = d.related
    ?.filter((r) => !rangesInText)
    .map((r) => ({ location: { uri: uriOfCheckerFile(r.file), range: lineColumnRange(r.range) }, message: r.message }));
  return {
    ...diagnostic,
    message,
    ...(fix ? { data: { fix } satisfies DiagnosticData } : {}),
    ...(related && related.length > 0 ? { relatedInformation: related } : {}),
  };
}

function lspDiagnostic(doc: ParsedDocument, code: string, severity: Severity, message: string, range: SourceRange): Diagnostic {
  return { range: toLspRange(doc.lineIndex, range), severity: SEVERITIES[severity], code, source: "alloy", message };
}

/** For ranges in another text (a values file's inline config mapped back): use their line and column. */
function lineColumnDiagnostic(d: CheckDiagnostic): Diagnostic {
  return { range: lineColumnRange(d.range), severity: SEVERITIES[d.severity], code: d.code, source: "alloy", message: d.message };
}

function lineColumnRange(range: SourceRange) {
  return {
    start: { line: range.start.line - 1, character: range.start.column - 1 },
    end: { line: range.end.line - 1, character: range.end.column - 1 },
  };
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function applyRuleSettings(diagnostics: Diagnostic[], settings: Settings): Diagnostic[] {
  if (Object.keys(settings.rules).length === 0) return diagnostics;
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const setting = settings.rules[String(d.code)];
    if (setting === false || setting === "off") continue;
    if (typeof setting === "string") out.push({ ...d, severity: SEVERITIES[setting] });
    else out.push(d);
  }
  return out;
}
