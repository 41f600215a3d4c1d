import { analyzeDocuments, parseDocuments, resolveOptions } from "./analyze.js";
import type { CheckDiagnostic } from "./diagnostic.js";
import { Directives } from "./directives.js";
import type { SemanticModel, SourceDocument, SourceInput } from "./model.js";
import type { CheckOptions } from "./options.js";
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
