import { endOffset, parse, startOffset, type Diagnostic, type Node as AlloyNode, type Range } from "@alloy-toolkit/parser";
import { buildConfigView, type ConfigSource } from "./config-view.js";
import type { CheckDiagnostic, Fix, RelatedInformation, TextEdit } from "../diagnostic.js";
import { buildDeploymentModel, type DeploymentModel } from "./model.js";
import { deploymentRules } from "./rules/index.js";
import type { DeploymentRule, DeploymentRuleContext, ValuesAnchor } from "./rules/rule.js";
import { inlineConfigOf } from "./inline-config.js";
import type { TemplateAction } from "./template.js";
import {
  isAlloyChartValues,
  keyRange,
  pairAt,
  parseValuesDocument,
  valueRange,
  type ValuesDocument,
} from "./values-document.js";

/**
 * Checks the files that together form one Alloy config; ranges are in each file's text, `file` names it
 * (the only file when absent). The checker core fits here:
 * `(files) => check(files, { stabilityLevel: "experimental", communityComponents: true }).diagnostics`
 * (stability and community components are the deployment rules' job: they know `alloy.stabilityLevel`
 * and `alloy.extraArgs`). The default reports the parser's diagnostics only.
 */
export type ConfigChecker = (
  files: readonly { readonly filename: string; readonly text: string }[],
) => readonly (Diagnostic & Partial<Pick<CheckDiagnostic, "file" | "hint" | "related" | "fix">>)[];

/** An Alloy config file shipped beside the values (`alloylint --values values.yaml config/`). */
export interface ConfigFile {
  readonly file: string;
  readonly text: string;
}

export interface CheckValuesOptions {
  /** The values file's name, used in diagnostics. */
  readonly filename: string;
  /** Checks the Alloy config (inline content or `configs`) with every rule of the checker. */
  readonly checkConfig?: ConfigChecker;
  /** Treat the file as values of the grafana/alloy chart even without an `alloy:`/`controller:` mapping. */
  readonly chart?: boolean;
  /**
   * The config the deployment runs, when it is not inline (`alloy.configMap.create: false`, or a
   * config kept in its own files). When given, it is checked instead of `alloy.configMap.content`.
   */
  readonly configs?: readonly ConfigFile[];
  readonly rules?: readonly DeploymentRule[];
}

export interface ValuesCheckResult {
  /** Whether the file was recognised (or declared) as values for the grafana/alloy chart. */
  readonly isChartValues: boolean;
  readonly diagnostics: readonly CheckDiagnostic[];
  readonly model?: DeploymentModel;
}

const parserDiagnostics: ConfigChecker = (files) =>
  files.flatMap(({ filename, text }) => parse(text, { filename }).diagnostics.map((d) => ({ ...d, file: filename })));

/**
 * Checks a values file of the grafana/alloy Helm chart: the values against the chart's schema, the
 * inline config (`alloy.configMap.content`) with the config checker, and the deployment rules over
 * both. Diagnostics inside the inline config point into the values file.
 */
export function checkValuesFile(text: string, options: CheckValuesOptions): ValuesCheckResult {
  const values = parseValuesDocument(text, options.filename);
  const diagnostics: CheckDiagnostic[] = yamlSyntaxDiagnostics(values);
  if (!options.chart && !isAlloyChartValues(values)) return { isChartValues: false, diagnostics };

  const model = buildDeploymentModel(values);
  const checkConfig = options.checkConfig ?? parserDiagnostics;
  const sources: ConfigSource[] = [];
  let inline: DeploymentRuleContext["inline"];

  if (options.configs) {
    for (const config of options.configs) {
      const { ast } = parse(config.text, { filename: config.file });
      sources.push({ file: config.file, text: config.text, ast, locate: (range) => range, moveEdit: (edit) => edit });
    }
    const files = options.configs.map((c) => ({ filename: c.file, text: c.text }));
    const byFile = new Map(sources.map((s) => [s.file, s]));
    for (const d of checkConfig(files)) {
      const file = d.file ?? files[0].filename;
      diagnostics.push(configDiagnostic(d, file, byFile.get(file)));
    }
  } else if (model.inlineConfig) {
    const found = inlineSource(values);
    if (found) {
      inline = found;
      sources.push(found.source);
      for (const d of checkConfig([{ filename: values.file, text: found.source.text }])) {
        const inContent = d.file === undefined || d.file === values.file;
        diagnostics.push(configDiagnostic(d, d.file ?? values.file, inContent ? found.source : undefined));
      }
    }
  }
  const config = sources.length > 0 ? buildConfigView(sources) : undefined;

  const relatedOf = (anchors: readonly ValuesAnchor[] | undefined) =>
    anchors
      ?.filter((a) => pairAt(values, a.path))
      .map((a) => ({ file: values.file, range: anchorRange(values, a), message: a.path.join(".") }));
  for (const rule of options.rules ?? deploymentRules) {
    rule.check({
      model,
      config,
      inline,
      reportValue(anchor, message, related, fix) {
        const rel = relatedOf(related);
        diagnostics.push({
          code: rule.id,
          severity: rule.severity,
          message,
          file: values.file,
          range: anchorRange(values, anchor),
          ...(rel && rel.length > 0 ? { related: rel } : {}),
          ...(fix ? { fix: { title: fix.title, file: values.file, edits: [{ range: anchorRange(values, fix.replace), newText: fix.newText }] } } : {}),
        });
      },
      reportConfig(source, at, message, related, fix) {
        const range = "kind" in at ? (at as AlloyNode).range : (at as Range);
        const rel = relatedOf(related);
        const moved = fix && moveFix(fix, source);
        diagnostics.push({
          code: rule.id,
          severity: rule.severity,
          message,
          file: source.file,
          range: source.locate(range),
          ...(rel && rel.length > 0 ? { related: rel } : {}),
          ...(moved ? { fix: moved } : {}),
        });
      },
    });
  }
  diagnostics.sort((a, b) => (a.file === b.file ? a.range.start.offset - b.range.start.offset : a.file < b.file ? -1 : 1));
  return { isChartValues: true, diagnostics, model };
}

/**
 * A diagnostic of the config checker as reported in `file`: when the config was read from `source` (its own
 * file, or the inline content of the values file), its range, related places and fix are moved there.
 */
function configDiagnostic(d: ReturnType<ConfigChecker>[number], file: string, source: ConfigSource | undefined): CheckDiagnostic {
  const locate = source ? source.locate : (range: Range) => range;
  const related: RelatedInformation[] | undefined = d.related?.map((r) => (r.file === file && source ? { ...r, range: locate(r.range) } : r));
  const fix = d.fix && d.fix.file === file && source ? moveFix(d.fix, source) : undefined;
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file,
    range: locate(d.range),
    ...(d.hint ? { hint: d.hint } : {}),
    ...(related && related.length > 0 ? { related } : {}),
    ...(fix ? { fix } : {}),
  };
}

/** A fix of a config text moved into the file its diagnostics are reported in; `undefined` when it cannot be. */
function moveFix(fix: Omit<Fix, "file">, source: ConfigSource): Fix | undefined {
  const edits: TextEdit[] = [];
  for (const edit of fix.edits) {
    const moved = source.moveEdit(edit);
    if (!moved) return undefined;
    edits.push(moved);
  }
  return { title: fix.title, file: source.file, edits };
}

function anchorRange(values: ValuesDocument, anchor: ValuesAnchor): Range {
  return anchor.at === "value" ? valueRange(values, anchor.path) : keyRange(values, anchor.path);
}

/**
 * The inline config as a config source: its text (Helm actions blanked out), and a `locate` that maps ranges
 * of that text into the values file.
 */
function inlineSource(values: ValuesDocument): { source: ConfigSource; templateActions: readonly TemplateAction[] } | undefined {
  const inline = inlineConfigOf(values);
  if (!inline) return undefined;
  const { ast } = parse(inline.text, { filename: values.file });
  const position = (offset: number) => values.lineIndex.positionAt(offset);
  const locate = (range: Range): Range => {
    const start = startOffset(range);
    const end = endOffset(range);
    const yamlStart = inline.toValuesOffset(start);
    const yamlEnd = end > start ? inline.toValuesEndOffset(end - 1) : yamlStart;
    return { start: position(yamlStart), end: position(Math.max(yamlStart, yamlEnd)) };
  };
  /**
   * An edit of the content as an edit of the values file. Text that adds lines gets the YAML indentation of the
   * line it goes into after each line break, which only a block scalar (`|`) has as blanks before the content:
   * other styles get no edit.
   */
  const moveEdit = (edit: TextEdit): TextEdit | undefined => {
    if (!inline.exact) return undefined;
    const range = locate(edit.range);
    if (!edit.newText.includes("\n")) return { range, newText: edit.newText };
    const prefix = inline.lineIndentation(startOffset(edit.range));
    if (prefix === undefined) return undefined;
    return { range, newText: edit.newText.replace(/\n/g, `\n${prefix}`) };
  };
  return { source: { file: values.file, text: inline.text, ast, locate, moveEdit }, templateActions: inline.templateActions };
}

function yamlSyntaxDiagnostics(values: ValuesDocument): CheckDiagnostic[] {
  return [...values.document.errors, ...values.document.warnings].map((e) => ({
    code: e.name === "YAMLWarning" ? "values/yaml-warning" : "values/yaml-syntax",
    severity: e.name === "YAMLWarning" ? "warning" : "error",
    message: e.message.split("\n")[0],
    file: values.file,
    range: { start: values.lineIndex.positionAt(e.pos[0]), end: values.lineIndex.positionAt(e.pos[1]) },
  }));
}
