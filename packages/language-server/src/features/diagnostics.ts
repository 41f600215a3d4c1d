import { parse, type Range as SourceRange, type Severity } from "@alloy-toolkit/parser";
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from "vscode-languageserver";
import { URI } from "vscode-uri";
import { basicChecks } from "../basic-checks.js";
import type { CheckerApi, CheckerDiagnostic } from "../checker-adapter.js";
import { fsPathOf, type ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { toLspRange } from "../lsp-positions.js";
import type { Settings } from "../settings.js";

/** What the quick fixes read back from a diagnostic. */
export interface DiagnosticData {
  /** A replacement for the diagnostic's range (did-you-mean, deprecated name). */
  readonly replacement?: string;
  /** Required arguments missing from the block the diagnostic is on. */
  readonly missing?: readonly string[];
  /** The checker's own fix, already in LSP ranges. */
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
 * checker rule, filtered and re-levelled by the `rules` setting. Without the checker, the server's basic checks.
 */
export function configDiagnostics(uri: string, checker: CheckerApi | undefined, ctx: FeatureContext): FileDiagnostics[] {
  const workspace = ctx.workspace;
  const settings = workspace.settings;
  const documents = workspace.configDocuments(uri);
  const byFile = new Map<string, ParsedDocument>();
  const results = new Map<string, Diagnostic[]>();
  for (const doc of documents) {
    byFile.set(checkerFilename(doc.uri), doc);
    results.set(doc.uri, []);
  }
  if (checker) {
    const found = checker.check(
      documents.map((d) => ({
        filename: checkerFilename(d.uri),
        text: d.text,
        ast: d.ast,
        lineIndex: d.lineIndex,
        parseDiagnostics: d.parse.diagnostics,
      })),
      {
        alloyVersion: settings.alloyVersion,
        stabilityLevel: settings.stabilityLevel,
        communityComponents: settings.communityComponents,
        disable: disabledRules(settings),
        resolveImport: (filename, importing) => resolveImport(ctx, filename, importing),
      },
    );
    for (const d of found) {
      const doc = byFile.get(d.file);
      if (doc) results.get(doc.uri)!.push(fromChecker(doc, d));
    }
    for (const doc of documents) {
      if (!found.some((d) => d.code.startsWith("parse/") && d.file === checkerFilename(doc.uri))) {
        results.get(doc.uri)!.unshift(...parseDiagnostics(doc));
      }
    }
  } else {
    const model = workspace.model(uri);
    for (const doc of documents) {
      const list = results.get(doc.uri)!;
      list.push(...parseDiagnostics(doc));
      for (const d of basicChecks(doc, model, settings.alloyVersion)) {
        list.push({ ...lspDiagnostic(doc, d.code, d.severity, d.message, d.range), ...(d.data ? { data: d.data } : {}) });
      }
    }
  }
  return documents.map((doc) => ({
    uri: doc.uri,
    ...(doc.version >= 0 ? { version: doc.version } : {}),
    diagnostics: applyRuleSettings(results.get(doc.uri)!, settings),
  }));
}

/** Diagnostics of a Helm values file: its inline `alloy.configMap.content` and the deployment rules. */
export function valuesFileDiagnostics(doc: ParsedDocument, checker: CheckerApi | undefined, ctx: FeatureContext): FileDiagnostics {
  const settings = ctx.workspace.settings;
  if (!checker?.checkValuesFile) return { uri: doc.uri, diagnostics: [] };
  const filename = checkerFilename(doc.uri);
  const options = {
    alloyVersion: settings.alloyVersion,
    stabilityLevel: settings.stabilityLevel,
    communityComponents: settings.communityComponents,
    disable: disabledRules(settings),
  };
  const result = checker.checkValuesFile(doc.text, {
    filename,
    // The checker has called this with `(files)` and with `(text, { filename })`: accept both.
    checkConfig: (first: unknown, second?: { filename: string }) => {
      const files = Array.isArray(first) ? (first as { filename: string; text: string }[]) : [{ filename: second!.filename, text: first as string }];
      return checker.check(
        files.map((file) => {
          const parsed = parse(file.text, { filename: file.filename });
          return { ...file, ast: parsed.ast, lineIndex: parsed.lineIndex, parseDiagnostics: parsed.diagnostics };
        }),
        options,
      );
    },
  });
  const diagnostics = result.diagnostics.filter((d) => d.file === filename).map((d) => fromChecker(doc, d, true));
  return { uri: doc.uri, ...(doc.version >= 0 ? { version: doc.version } : {}), diagnostics: applyRuleSettings(diagnostics, settings) };
}

function parseDiagnostics(doc: ParsedDocument): Diagnostic[] {
  return doc.parse.diagnostics.map((d) => lspDiagnostic(doc, d.code, d.severity, d.message, d.range));
}

function fromChecker(doc: ParsedDocument, d: CheckerDiagnostic, rangesInText = false): Diagnostic {
  const diagnostic = rangesInText ? lineColumnDiagnostic(d) : lspDiagnostic(doc, d.code, d.severity, d.message, d.range);
  const message = d.hint ? `${d.message} (${d.hint})` : d.message;
  const fix = d.fix && d.fix.file === d.file && !rangesInText
    ? { title: d.fix.title, edits: d.fix.edits.map((e) => ({ range: toLspRange(doc.lineIndex, e.range), newText: e.newText })) }
    : undefined;
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
function lineColumnDiagnostic(d: CheckerDiagnostic): Diagnostic {
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

function disabledRules(settings: Settings): string[] {
  return Object.entries(settings.rules)
    .filter(([, value]) => value === false || value === "off")
    .map(([code]) => code);
}

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

/** The file name the checker sees: the file-system path for files, the URI otherwise. */
function checkerFilename(uri: string): string {
  return fsPathOf(uri) ?? uri;
}

function uriOfCheckerFile(file: string): string {
  return file.includes("://") || file.startsWith("untitled:") ? file : URI.file(file).toString();
}

function resolveImport(ctx: FeatureContext, filename: string, importing: string): string | undefined {
  const docs = ctx.workspace.loadModule(uriOfCheckerFile(importing), filename);
  return docs.length === 1 ? docs[0].text : undefined;
}
