import type { AlloyVersion } from "@alloy-toolkit/catalog";
import type { CheckDiagnostic, Fix, RelatedInformation, TextEdit } from "@alloy-toolkit/checker";
import { parse, type Diagnostic, type Node as AlloyNode, type Range } from "@alloy-toolkit/parser";
import { buildConfigView, type ConfigSource } from "./config-view.js";
import { configTextsOf, type DeploymentConfigText } from "./config-text.js";
import { ConfigJoiner, type GivenConfig, type JoinedConfig } from "./configs.js";
import type { ChartInstance, DeploymentFile, DeploymentInput, FileReader } from "./inputs/input.js";
import { readInput } from "./inputs/read-input.js";
import { buildChartModel, type ChartModel } from "./model-chart.js";
import { alloyContainersOf, buildWorkloadModel } from "./model-workload.js";
import type { Anchor, DeploymentModel } from "./model.js";
import { deploymentRules } from "./rules/index.js";
import type { ConfigFix, DeploymentRule, ReportOptions, ValuesAnchor, ValuesFix } from "./rules/rule.js";
import { isAlloyChartValues, keyLocation, pairLocation, parseValuesDocument, valueLocation, type Located } from "./values-document.js";
import { yamlSyntaxDiagnostics, type YamlDocument } from "./yaml-document.js";

/** How the config checker is asked to check a config a deployment runs. */
export interface ConfigCheckContext {
  /** The catalog release the deployment's image runs, when its tag names one the catalog has. */
  readonly alloyVersion?: AlloyVersion;
  /**
   * Whether a deployment runs the config: its stability level and community components are then the deployment
   * rules' to judge (they know `--stability.level` and `--feature.community-components.enabled`), so check at
   * `experimental` with community components on, or they are reported twice. False for a config no deployment
   * of the input runs (a ConfigMap applied on its own): check it as any config.
   */
  readonly deployed: boolean;
}

/**
 * Checks the files that together form one Alloy config; ranges are in each file's text, `file` names it (the
 * only file when absent). The checker core fits here:
 * `(files, { alloyVersion, deployed }) => check(files, { alloyVersion, ...(deployed ? { stabilityLevel: "experimental", communityComponents: true } : {}) }).diagnostics`.
 * The default reports the parser's diagnostics only.
 */
export type ConfigChecker = (
  files: readonly { readonly filename: string; readonly text: string }[],
  context: ConfigCheckContext,
) => readonly (Diagnostic & Partial<Pick<CheckDiagnostic, "file" | "hint" | "related" | "fix">>)[];

/** An Alloy config file shipped beside chart values (`alloylint --values values.yaml config/`). */
export type ConfigFile = GivenConfig;

export interface CheckDeploymentOptions {
  /** Checks each config a deployment runs (and each ConfigMap's config) with every rule of the checker. */
  readonly checkConfig?: ConfigChecker;
  /** Reads the files the input names: a kustomization's resources and generator files, an Application's value files. */
  readonly readFile?: FileReader;
  readonly rules?: readonly DeploymentRule[];
  /** Deployment rule ids switched off. */
  readonly disable?: readonly string[];
}

export interface DeploymentCheckResult {
  /** Diagnostics of everything about Alloy in the input: deployments, their configs, ConfigMaps holding configs. */
  readonly diagnostics: readonly CheckDiagnostic[];
  /** Whether the input holds any Alloy at all (an nginx Deployment does not). */
  readonly holdsAlloy: boolean;
  /** YAML syntax errors of files that hold no Alloy (a host reports them for a file named explicitly). */
  readonly otherDiagnostics: readonly CheckDiagnostic[];
  readonly deployments: readonly DeploymentModel[];
  /** The text of every file read (those given, and those the input names), for excerpts. */
  readonly sources: ReadonlyMap<string, string>;
  /** The `.alloy` files checked here, as configs of deployments or ConfigMaps: a host does not check them again. */
  readonly checkedConfigFiles: ReadonlySet<string>;
  /** The configs checked that are written inside YAML, with their maps into it (see {@link findDeploymentConfigs}). */
  readonly configs: readonly DeploymentConfigText[];
}

const parserDiagnostics: ConfigChecker = (files) =>
  files.flatMap(({ filename, text }) => parse(text, { filename }).diagnostics.map((d) => ({ ...d, file: filename })));

/**
 * Checks Alloy as it is deployed on Kubernetes: every deployment the files describe (values of the grafana/alloy
 * chart, HelmReleases, Argo CD Applications, Alloy resources, kustomizations, k8s-monitoring collectors, and
 * Deployments, StatefulSets and DaemonSets running Alloy) with the deployment rules, each config they run with
 * the config checker, and the configs of ConfigMaps no deployment runs. Diagnostics inside YAML point into it,
 * through block scalars nested in block scalars. YAML that holds no Alloy gets none.
 */
export function checkDeployment(files: readonly DeploymentFile[], options: CheckDeploymentOptions = {}): DeploymentCheckResult {
  const input = readInput(files, options.readFile);
  const joiner = new ConfigJoiner(input);
  const run = new DeploymentRun(options);
  const alloyDocuments = new Set(input.alloyDocuments);
  for (const { model, joined, document } of joinDeployments(input, joiner)) {
    if (document) alloyDocuments.add(document);
    run.check(model, joined);
  }
  for (const { sources } of joiner.unusedConfigs()) run.checkConfigs(sources, [], { deployed: false });
  for (const source of run.checkedSources) {
    const document = input.documents.find((d) => d.source.file === source.file);
    if (document) alloyDocuments.add(document);
  }
  const other: CheckDiagnostic[] = [];
  const alloyFiles = new Set([...alloyDocuments].map((d) => d.source.file));
  for (const document of input.documents) {
    const found = yamlSyntaxDiagnostics(document, isValuesDocument(document, input) ? "values" : "deploy");
    (alloyFiles.has(document.source.file) ? run.diagnostics : other).push(...found);
  }
  return {
    diagnostics: sortDiagnostics(dedupe(run.diagnostics)),
    holdsAlloy: alloyDocuments.size > 0 || run.models.length > 0,
    otherDiagnostics: sortDiagnostics(other),
    deployments: run.models,
    sources: input.sources,
    checkedConfigFiles: joiner.usedFiles(),
    configs: configTextsOf(run.checkedSources),
  };
}

/**
 * The Alloy configs written inside the YAML of one input, as {@link checkDeployment} finds and checks them
 * (the configs its deployments run, the `.alloy`/`.river` keys of other ConfigMaps), with no check run: what
 * an editor needs to offer Alloy's features inside them.
 */
export function findDeploymentConfigs(files: readonly DeploymentFile[], options: Pick<CheckDeploymentOptions, "readFile"> = {}): readonly DeploymentConfigText[] {
  const input = readInput(files, options.readFile);
  const joiner = new ConfigJoiner(input);
  const sources = joinDeployments(input, joiner).flatMap(({ joined }) => joined.config?.sources ?? []);
  for (const unused of joiner.unusedConfigs()) sources.push(...unused.sources);
  return configTextsOf(sources);
}

/** Every deployment of the input (chart instances, then workloads running Alloy) joined with the config it runs. */
function joinDeployments(input: DeploymentInput, joiner: ConfigJoiner): { model: ChartModel; joined: JoinedConfig; document?: YamlDocument }[] {
  const found: { model: ChartModel; joined: JoinedConfig; document?: YamlDocument }[] = [];
  for (const chart of input.charts) found.push({ model: buildChartModel(chart.values, chart.title, chart.namespace, chart.chartVersion), joined: joiner.forChart(chart) });
  for (const object of input.objects) {
    for (const container of alloyContainersOf(object)) {
      const model = buildWorkloadModel(container, input.objects);
      found.push({ model, joined: joiner.forWorkload(model, object.namespace), document: object.document });
    }
  }
  return found;
}

/** Whether a document holds chart values (its YAML errors are `values/yaml-syntax`, as a values file's always were). */
function isValuesDocument(document: YamlDocument, input: DeploymentInput): boolean {
  return input.charts.some((c) => c.values.document === document);
}

export interface CheckValuesOptions {
  /** The values file's name, used in diagnostics. */
  readonly filename: string;
  /** Checks the Alloy config (inline content or `configs`) with every rule of the checker. */
  readonly checkConfig?: ConfigChecker;
  /** Treat the file as values of the grafana/alloy chart even without an `alloy:`/`controller:` mapping. */
  readonly chart?: boolean;
  /**
   * The config the deployment runs, when it is not inline (`alloy.configMap.create: false`, or a config kept in
   * its own files). When given, it is checked instead of `alloy.configMap.content`.
   */
  readonly configs?: readonly ConfigFile[];
  readonly rules?: readonly DeploymentRule[];
  readonly disable?: readonly string[];
}

export interface ValuesCheckResult {
  /** Whether the file was recognised (or declared) as values for the grafana/alloy chart. */
  readonly isChartValues: boolean;
  readonly diagnostics: readonly CheckDiagnostic[];
  readonly model?: DeploymentModel;
}

/**
 * Checks one values file of the grafana/alloy Helm chart: the values against the chart's schema, the inline
 * config (`alloy.configMap.content`, or `configs`) with the config checker, and the deployment rules over both.
 * A file without an `alloy:`, `controller:` or `agent:` mapping is not checked (`chart: true` checks it anyway).
 */
export function checkValuesFile(text: string, options: CheckValuesOptions): ValuesCheckResult {
  const values = parseValuesDocument(text, options.filename);
  const syntax = yamlSyntaxDiagnostics(values.document);
  if (!options.chart && !isAlloyChartValues(values)) return { isChartValues: false, diagnostics: syntax };
  const instance: ChartInstance = { values, title: "the chart", namespace: undefined, release: undefined, documents: [values.document] };
  const input: DeploymentInput = {
    documents: [values.document],
    objects: [],
    configMaps: [],
    charts: [instance],
    alloyFiles: [],
    sources: new Map([[options.filename, text]]),
    alloyDocuments: new Set([values.document]),
  };
  const run = new DeploymentRun(options);
  run.diagnostics.push(...syntax);
  const model = run.check(buildChartModel(values), new ConfigJoiner(input).forChart(instance, options.configs));
  return { isChartValues: true, diagnostics: sortDiagnostics(run.diagnostics), model };
}

/** The checks of a set of deployments: their configs with the config checker, then the deployment rules. */
class DeploymentRun {
  readonly diagnostics: CheckDiagnostic[] = [];
  readonly models: DeploymentModel[] = [];
  readonly checkedSources: ConfigSource[] = [];
  private readonly checkConfig: ConfigChecker;
  private readonly rules: readonly DeploymentRule[];

  constructor(options: { readonly checkConfig?: ConfigChecker; readonly rules?: readonly DeploymentRule[]; readonly disable?: readonly string[] }) {
    this.checkConfig = options.checkConfig ?? parserDiagnostics;
    const disabled = new Set(options.disable ?? []);
    this.rules = (options.rules ?? deploymentRules).filter((rule) => !disabled.has(rule.id));
  }

  check(base: ChartModel, joined: JoinedConfig): DeploymentModel {
    const model: DeploymentModel = { ...base, configMap: joined.configMap, config: joined.config };
    this.models.push(model);
    const sources = joined.config?.sources ?? [];
    if (sources.length > 0) this.checkConfigs(sources, joined.companions, { alloyVersion: model.image.alloyVersion, deployed: true });
    const config = sources.length > 0 ? buildConfigView(sources, model.image.alloyVersion) : undefined;
    for (const rule of this.rules) rule.check(this.context(rule, model, config));
    return model;
  }

  /** Runs the config checker on the files of one config, reporting its diagnostics in the files they are written in. */
  checkConfigs(sources: readonly ConfigSource[], companions: readonly { readonly name: string; readonly text: string }[], context: ConfigCheckContext): void {
    this.checkedSources.push(...sources);
    const files = [...companions.map((c) => ({ filename: c.name, text: c.text })), ...sources.map((s) => ({ filename: s.name, text: s.text }))];
    const byName = new Map(sources.map((s) => [s.name, s]));
    const hidden = new Set(companions.map((c) => c.name));
    for (const d of this.checkConfig(files, context)) {
      const name = d.file ?? sources[0].name;
      if (hidden.has(name)) continue;
      const source = byName.get(name);
      const locate = source ? (range: Range) => source.locate(range) : (range: Range) => range;
      const related: RelatedInformation[] | undefined = d.related
        ?.filter((r) => !hidden.has(r.file))
        .map((r) => {
          const relatedSource = byName.get(r.file);
          return relatedSource ? { ...r, file: relatedSource.file, range: relatedSource.locate(r.range) } : r;
        });
      const fixSource = d.fix && byName.get(d.fix.file);
      const fix = d.fix && fixSource ? moveFix(d.fix, fixSource) : undefined;
      this.diagnostics.push({
        code: d.code,
        severity: d.severity,
        message: d.message,
        file: source ? source.file : name,
        range: locate(d.range),
        ...(d.hint ? { hint: d.hint } : {}),
        ...(related && related.length > 0 ? { related } : {}),
        ...(fix ? { fix } : {}),
      });
    }
  }

  private context(rule: DeploymentRule, model: DeploymentModel, config: ReturnType<typeof buildConfigView> | undefined) {
    const push = (located: Located, message: string, options: ReportOptions = {}, fix?: Fix) => {
      const related = options.related?.filter((a) => a.written).map((a) => relatedAt(a));
      this.diagnostics.push({
        code: rule.id,
        severity: options.severity ?? rule.severity,
        message,
        file: located.file,
        range: located.range,
        ...(related && related.length > 0 ? { related } : {}),
        ...(fix ? { fix } : {}),
      });
    };
    const valuesLocation = (anchor: ValuesAnchor): Located => {
      const values = anchor.values ?? model.values!;
      if (anchor.pair) return pairLocation(values, anchor.pair, anchor.at ?? "key");
      return anchor.at === "value" ? valueLocation(values, anchor.path) : keyLocation(values, anchor.path);
    };
    return {
      model,
      config,
      report: (at: Anchor, part: "key" | "value", message: string, options?: ReportOptions) => push(part === "key" ? at.key() : at.value(), message, options),
      reportValue: (anchor: ValuesAnchor, message: string, options: ReportOptions & { readonly fix?: ValuesFix } = {}) => {
        const located = valuesLocation(anchor);
        const fixAt = options.fix && valuesLocation(options.fix.replace);
        const fix = options.fix && fixAt ? { title: options.fix.title, file: fixAt.file, edits: [{ range: fixAt.range, newText: options.fix.newText }] } : undefined;
        push(located, message, options, fix);
      },
      reportConfig: (source: ConfigSource, at: AlloyNode | Range, message: string, options: ReportOptions & { readonly fix?: ConfigFix } = {}) => {
        const range = "kind" in at ? (at as AlloyNode).range : (at as Range);
        const fix = options.fix && moveFix(options.fix, source);
        push({ file: source.file, range: source.locate(range) }, message, options, fix);
      },
    };
  }
}

/** A related place of a setting: its key, named by its label. */
function relatedAt(anchor: Anchor): RelatedInformation {
  const { file, range } = anchor.key();
  return { file, range, message: anchor.label };
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

/** Diagnostics by file, then position; ties keep the order they were found in. */
function sortDiagnostics(diagnostics: CheckDiagnostic[]): CheckDiagnostic[] {
  return diagnostics.sort((a, b) => (a.file === b.file ? a.range.start.offset - b.range.start.offset : a.file < b.file ? -1 : 1));
}

/** The first of identical diagnostics (one config run by two workloads is checked for each). */
function dedupe(diagnostics: readonly CheckDiagnostic[]): CheckDiagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}\0${d.range.start.offset}\0${d.range.end.offset}\0${d.code}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
