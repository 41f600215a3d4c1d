import type { CheckDiagnostic } from "@alloy-toolkit/checker/core";
import type { DeploymentCheckResult } from "@alloy-toolkit/deployment";
import type { Range as SourceRange, Severity } from "@alloy-toolkit/parser";
import type { Diagnostic, TextEdit } from "vscode-languageserver";
import { DiagnosticSeverity, DiagnosticTag } from "../lsp.js";
import { MAX_DIAGNOSTICS_PER_FILE, MAX_DOCUMENT_SIZE } from "../limits.js";
import { ruleDocumentationUrl } from "../rule-docs.js";
import { checkerFilename, uriOfCheckerFile, type ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { toLspRange } from "../lsp-positions.js";
import type { Settings } from "../settings.js";

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
    results.get(doc.uri)!.push(fromChecker(doc, d, ctx));
    if (d.code.startsWith("parse/")) withParseDiagnostics.add(doc.uri);
  }
  for (const doc of documents) {
    if (!withParseDiagnostics.has(doc.uri) && doc.parse.diagnostics.length > 0) results.get(doc.uri)!.unshift(...parseDiagnostics(doc));
  }
  const ordered = first === undefined ? documents : [...documents.filter((d) => d.uri === first), ...documents.filter((d) => d.uri !== first)];
  return ordered.map((doc) => ({
    uri: doc.uri,
    ...(doc.version >= 0 ? { version: doc.version } : {}),
    diagnostics: capped(applyRuleSettings(results.get(doc.uri)!, settings)),
  }));
}

/** The one diagnostic of a document too large to check, at its start. */
export function tooLargeDiagnostics(doc: ParsedDocument): FileDiagnostics {
  const mib = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  return {
    uri: doc.uri,
    ...(doc.version >= 0 ? { version: doc.version } : {}),
    diagnostics: [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        code: "server/file-too-large",
        source: "alloy",
        message: `This file is ${mib(doc.tooLarge!)}, over the ${mib(MAX_DOCUMENT_SIZE)} the language server reads: it is not checked, and editor features are off for it (alloylint checks it).`,
      },
    ],
  };
}

/**
 * At most {@link MAX_DIAGNOSTICS_PER_FILE} diagnostics, the most severe first, then one saying how many more
 * there are: editors slow to a crawl on hundreds of thousands.
 */
function capped(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS_PER_FILE) return diagnostics;
  const kept = [...diagnostics].sort((a, b) => (a.severity ?? 1) - (b.severity ?? 1)).slice(0, MAX_DIAGNOSTICS_PER_FILE);
  kept.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const more = diagnostics.length - MAX_DIAGNOSTICS_PER_FILE;
  const keptSet = new Set(kept);
  const firstLeftOut = diagnostics.find((d) => !keptSet.has(d))!;
  kept.push({
    range: firstLeftOut.range,
    severity: DiagnosticSeverity.Information,
    code: "server/too-many-diagnostics",
    source: "alloy",
    message: `${more} more problems in this file are not shown: the language server publishes ${MAX_DIAGNOSTICS_PER_FILE} per file (alloylint lists them all).`,
  });
  return kept;
}

/**
 * Diagnostics of a Kubernetes input (a folder's YAML and `.alloy` files) from the deployment checks: in each
 * YAML file, its YAML errors, the configs written in it (every config rule) and the deployment rules; in each
 * `.alloy` file a deployment runs, the deployment rules' only (its config's own diagnostics are its folder
 * config's). Every file of the input is listed, so a fixed one is cleared.
 */
export function deploymentDiagnostics(documents: readonly ParsedDocument[], result: DeploymentCheckResult, ctx: FeatureContext): FileDiagnostics[] {
  const settings = ctx.workspace.settings;
  const byUri = new Map<string, { doc: ParsedDocument; found: Diagnostic[] }>();
  for (const doc of documents) if (doc.tooLarge === undefined) byUri.set(doc.uri, { doc, found: [] });
  for (const d of result.diagnostics) {
    const uri = uriOfCheckerFile(d.file);
    let entry = byUri.get(uri);
    if (!entry) {
      // A file the input read from elsewhere (a kustomization's base).
      const doc = ctx.workspace.documents.get(uri);
      if (!doc || doc.tooLarge !== undefined) continue;
      entry = { doc, found: [] };
      byUri.set(uri, entry);
    }
    if (ctx.workspace.isAlloy(uri) && !isDeploymentCode(d.code)) continue;
    entry.found.push(fromChecker(entry.doc, d, ctx));
  }
  return [...byUri.values()].map(({ doc, found }) => ({
    uri: doc.uri,
    ...(doc.version >= 0 ? { version: doc.version } : {}),
    diagnostics: capped(applyRuleSettings(found, settings)),
  }));
}

/** Whether a code is the deployment checks' own (a rule, or YAML syntax), not the config checker's. */
function isDeploymentCode(code: string): boolean {
  return code.startsWith("deploy/") || code.startsWith("values/");
}

function parseDiagnostics(doc: ParsedDocument): Diagnostic[] {
  return doc.parse.diagnostics.map((d) => lspDiagnostic(doc, d.code, d.severity, d.message, d.range));
}

/**
 * A checker diagnostic as an LSP one. Its ranges are offsets into the text of the file it names (the
 * document's own text for a values file, the inline config mapped back into it), converted with that
 * document's lines; related places in other files with theirs.
 */
function fromChecker(doc: ParsedDocument, d: CheckDiagnostic, ctx: FeatureContext): Diagnostic {
  const message = d.hint ? `${d.message} (${d.hint})` : d.message;
  const fix = d.fix && d.fix.file === d.file ? { title: d.fix.title, edits: d.fix.edits.map((e) => ({ range: toLspRange(doc.lsp, e.range), newText: e.newText })) } : undefined;
  const related = d.related?.flatMap((r) => {
    const uri = uriOfCheckerFile(r.file);
    const lines = uri === doc.uri ? doc.lsp : ctx.workspace.documents.get(uri)?.lsp;
    return lines ? [{ location: { uri, range: toLspRange(lines, r.range) }, message: r.message }] : [];
  });
  return {
    ...lspDiagnostic(doc, d.code, d.severity, message, d.range),
    ...(fix ? { data: { fix } satisfies DiagnosticData } : {}),
    ...(related && related.length > 0 ? { relatedInformation: related } : {}),
  };
}

function lspDiagnostic(doc: ParsedDocument, code: string, severity: Severity, message: string, range: SourceRange): Diagnostic {
  const tag = DIAGNOSTIC_TAGS[code];
  const href = ruleDocumentationUrl(code);
  return {
    range: toLspRange(doc.lsp, range),
    severity: SEVERITIES[severity],
    code,
    ...(href ? { codeDescription: { href } } : {}),
    source: "alloy",
    message,
    ...(tag ? { tags: [tag] } : {}),
  };
}

/** Rules whose findings editors show faded (unused) or struck through (deprecated). */
const DIAGNOSTIC_TAGS: Readonly<Record<string, DiagnosticTag>> = {
  "check/unused-component": DiagnosticTag.Unnecessary,
  "check/deprecated-function": DiagnosticTag.Deprecated,
  "values/deprecated-key": DiagnosticTag.Deprecated,
};

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
