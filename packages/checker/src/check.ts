import { analyzeDocuments, parseDocuments, resolveOptions } from "./analyze.js";
import type { CheckDiagnostic } from "./diagnostic.js";
import { Directives } from "./directives.js";
import type { SemanticModel, SourceDocument, SourceInput } from "./model.js";
import type { AsyncImportResolver, CheckOptions, ImportResolver } from "./options.js";
import type { Phase, Report, Rule } from "./rule.js";
import { rules } from "./rules/index.js";

/** The diagnostics of a config and the model they were computed on (the language server reuses it). */
export interface CheckResult {
  readonly diagnostics: CheckDiagnostic[];
  readonly model: SemanticModel;
}

const PHASES: Record<Phase, number> = { node: 0, body: 1, references: 2, extra: 3 };

/**
 * Checks one config: a single file, or several files that together form one config (a directory, as
 * `alloy validate` reads it). Returns the parser's diagnostics when a file has syntax errors (as Alloy
 * does), otherwise every enabled rule's diagnostics in `alloy validate`'s order. Pure and synchronous.
 */
export function check(files: readonly SourceInput[], options: CheckOptions = {}): CheckResult {
  const resolved = resolveOptions(options);
  return checkModel(analyzeDocuments(parseDocuments(files), resolved));
}

/** {@link CheckOptions} with an import resolver that may return promises. */
export type AsyncCheckOptions = Omit<CheckOptions, "resolveImport"> & { resolveImport?: AsyncImportResolver };

/**
 * {@link check} with an asynchronous import resolver. The result is the one `check` gives with a resolver
 * answering the same: each import the analysis asks for is awaited (those of one round together), then the
 * config is analyzed again with the answers, until the imports of the modules read ask for nothing new.
 * Each `(filename, importingFile)` is asked once.
 */
export async function checkAsync(files: readonly SourceInput[], options: AsyncCheckOptions = {}): Promise<CheckResult> {
  const { resolveImport, ...rest } = options;
  const documents = parseDocuments(files);
  if (resolveImport === undefined) return checkModel(analyzeDocuments(documents, resolveOptions(rest)));
  const answers = new Map<string, ReturnType<ImportResolver>>();
  for (;;) {
    const missing = new Map<string, [string, string]>();
    const resolver: ImportResolver = (filename, importingFile) => {
      const key = `${importingFile}\0${filename}`;
      if (answers.has(key)) return answers.get(key);
      missing.set(key, [filename, importingFile]);
      return undefined;
    };
    const model = analyzeDocuments(documents, resolveOptions({ ...rest, resolveImport: resolver }));
    if (missing.size === 0) return checkModel(model);
    const keys = [...missing.keys()];
    const resolved = await Promise.all([...missing.values()].map(([filename, importingFile]) => resolveImport(filename, importingFile)));
    keys.forEach((key, k) => answers.set(key, resolved[k]));
  }
}

/** Runs the rules on a model built by {@link analyze}. */
export function checkModel(model: SemanticModel): CheckResult {
  const steps = checkModelInSteps(model);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * {@link checkModel} one rule at a time: the generator yields after each rule, so that a host with other
 * work (the language server answering requests) can run it between them, and returns the same result.
 */
export function* checkModelInSteps(model: SemanticModel): Generator<void, CheckResult> {
  if (model.hasSyntaxErrors) return { model, diagnostics: syntaxDiagnostics(model.documents) };
  const directives = new Map<SourceDocument, Directives>();
  const collected: { report: Report; rule: Rule; seq: number }[] = [];
  let seq = 0;
  for (const rule of enabledRules(model)) {
    rule.check({
      model,
      report(report) {
        collected.push({ report, rule, seq: seq++ });
      },
    });
    yield;
  }
  collected.sort(
    (a, b) =>
      a.report.order - b.report.order ||
      PHASES[a.report.phase] - PHASES[b.report.phase] ||
      (a.report.rank ?? 0) - (b.report.rank ?? 0) ||
      (a.report.key ?? 0) - (b.report.key ?? 0) ||
      a.seq - b.seq,
  );
  const diagnostics: CheckDiagnostic[] = [];
  for (const { report, rule } of collected) {
    let fileDirectives = directives.get(report.document);
    if (!fileDirectives) {
      fileDirectives = new Directives(report.document);
      directives.set(report.document, fileDirectives);
    }
    if (!fileDirectives.isEmpty && fileDirectives.isDisabled(rule.id, report.range.start.line)) continue;
    const override = model.options.severity[rule.id];
    diagnostics.push({
      code: rule.id,
      severity: override !== undefined && override !== "off" ? override : (report.severity ?? rule.severity),
      message: report.message,
      file: report.document.filename,
      range: report.range,
      ...(report.hint ? { hint: report.hint } : {}),
      ...(report.related ? { related: report.related } : {}),
      ...(report.fix ? { fix: report.fix } : {}),
    });
  }
  return { model, diagnostics };
}

function enabledRules(model: SemanticModel): Rule[] {
  const { disable, alloyCompatible, severity } = model.options;
  return rules
    .concat(model.options.rules)
    .filter((rule) => !disable.has(rule.id) && severity[rule.id] !== "off" && (rule.alloy || !alloyCompatible));
}

function syntaxDiagnostics(documents: readonly SourceDocument[]): CheckDiagnostic[] {
  return documents.flatMap((document) =>
    document.parseDiagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      file: document.filename,
      range: d.range,
    })),
  );
}
