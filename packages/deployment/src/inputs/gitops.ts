import { isMap, isScalar, type Node } from "yaml";
import { scalarText, wholeFile } from "../embedded-text.js";
import { sameNamespace, titleOf, type KubeObject } from "../objects.js";
import { fixedLayer, valuesAt, writtenLayer, type Located, type ValuesLayer } from "../values-document.js";
import { itemsOf, nodeIn, nodeRange, pairOf, parseYamlDocument, stringOf, valueOf, type YamlDocument } from "../yaml-document.js";
import { holdsAlloyChartValues } from "../values-document.js";
import type { ChartInstance, ConfigMapData, FileReader } from "./input.js";
import { holdsK8sMonitoringValues, k8sMonitoringCollectors } from "./k8s-monitoring.js";

/** The chart a GitOps object installs, by its name (`alloy`, `grafana/alloy`, `oci://…/alloy`, `operations/helm/charts/alloy`). */
export function chartNamed(name: string | undefined): "alloy" | "k8s-monitoring" | undefined {
  const last = name?.replace(/\/+$/, "").split("/").pop();
  return last === "alloy" || last === "k8s-monitoring" ? last : undefined;
}

/** Values found in a GitOps object: a written mapping (maybe none) over layers, with the place values are declared. */
interface FoundValues {
  readonly chart: "alloy" | "k8s-monitoring";
  readonly document: YamlDocument;
  readonly root: Node | null;
  readonly fallback: Located;
  readonly lower: readonly ValuesLayer[];
  readonly upper: readonly ValuesLayer[];
  readonly title: string;
  readonly namespace: string | undefined;
  readonly release: string | undefined;
  readonly chartVersion?: string;
  readonly documents: readonly YamlDocument[];
}

/** The chart instances of found values: the values themselves for the alloy chart, the collectors for k8s-monitoring. */
function instancesOf(found: FoundValues): ChartInstance[] {
  const { chart, document, root, fallback, lower, upper, title, namespace, release, chartVersion, documents } = found;
  if (chart === "k8s-monitoring") {
    return isMap(root) && holdsK8sMonitoringValues(root) ? k8sMonitoringCollectors(document, root, `${title} `, namespace) : [];
  }
  return [{ values: valuesAt(document, root, fallback, { lower, upper }), title, namespace, release, ...(chartVersion ? { chartVersion } : {}), documents }];
}

const located = (document: YamlDocument, node: Node | null | undefined): Located => ({ file: document.source.file, range: nodeRange(document.source, node) });

/** A values text (a ConfigMap key, an Application's `values` string, a values file) as a layer of written values. */
function textLayer(document: YamlDocument): ValuesLayer | undefined {
  const root = document.document.contents as Node | null;
  return isMap(root) ? writtenLayer(document, root) : undefined;
}

/**
 * A Flux `HelmRelease` of the grafana/alloy or grafana/k8s-monitoring chart (`spec.chart.spec.chart`, or the
 * OCIRepository of `spec.chartRef`): `spec.values` over the ConfigMaps of `spec.valuesFrom` that are in the input
 * (in order, each later one over the earlier ones).
 */
export function helmReleaseCharts(release: KubeObject, objects: readonly KubeObject[], configMaps: readonly ConfigMapData[]): ChartInstance[] {
  const doc = release.document;
  const spec = valueOf(release.node, "spec");
  let chartName = stringOf(nodeIn(spec, ["chart", "spec", "chart"]));
  const chartRef = valueOf(spec, "chartRef");
  if (chartName === undefined && chartRef) {
    const refName = stringOf(valueOf(chartRef, "name"));
    const repository = objects.find((o) => o.kind === stringOf(valueOf(chartRef, "kind")) && o.name === refName);
    chartName = (repository && stringOf(nodeIn(repository.node, ["spec", "url"]))) ?? stringOf(nodeIn(repository?.node, ["spec", "chart"])) ?? refName;
  }
  const chart = chartNamed(chartName);
  if (!chart) return [];
  const namespace = stringOf(valueOf(spec, "targetNamespace")) ?? release.namespace;
  const documents = [doc];
  const lower: ValuesLayer[] = [];
  for (const from of itemsOf(valueOf(spec, "valuesFrom")).reverse()) {
    if (stringOf(valueOf(from, "kind")) !== "ConfigMap" || valueOf(from, "targetPath") !== undefined) continue;
    const name = stringOf(valueOf(from, "name"));
    const key = stringOf(valueOf(from, "valuesKey")) ?? "values.yaml";
    const configMap = configMaps.find((c) => c.name === name && sameNamespace(c.namespace, release.namespace));
    const text = configMap?.entries.find((e) => e.key === key)?.text;
    if (!configMap || !text) continue;
    const layerDocument = parseYamlDocument(text);
    const layer = textLayer(layerDocument);
    if (layer) {
      lower.push(layer);
      documents.push(configMap.document, layerDocument);
    }
  }
  const values = valueOf(spec, "values");
  return instancesOf({
    chart,
    document: doc,
    root: isMap(values) ? values : null,
    fallback: located(doc, pairOf(spec, "values")?.key ?? pairOf(release.node, "spec")?.key),
    lower,
    upper: [],
    title: titleOf(release),
    namespace,
    // Flux names the release `<targetNamespace>-<name>` when it installs into another namespace.
    release: stringOf(valueOf(spec, "releaseName")) ?? (stringOf(valueOf(spec, "targetNamespace")) ? `${namespace}-${release.name}` : release.name),
    chartVersion: stringOf(nodeIn(spec, ["chart", "spec", "version"])),
    documents,
  });
}

/** A value of `--set` (an Argo CD parameter) as Helm types it: booleans, integers and `null`, else the string. */
function setValue(value: string, forceString: boolean): unknown {
  if (forceString) return value;
  if (value === "true" || value === "false") return value === "true";
  if (value === "null") return null;
  return /^-?(0|[1-9]\d*)$/.test(value) ? Number(value) : value;
}

/** A `--set` name (`alloy.clustering.enabled`, `alloy.extraArgs[0]`, `a\.b`) as a path. */
function setPath(name: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const part of name.split(/(?<!\\)\./)) {
    const m = /^(.*?)((?:\[\d+\])*)$/.exec(part.replace(/\\\./g, "."))!;
    if (m[1] !== "") path.push(m[1]);
    for (const index of m[2].matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
  }
  return path;
}

/** A parameter as values: the value at its path. */
function parameterLayer(document: YamlDocument, parameter: Node): ValuesLayer | undefined {
  const name = stringOf(valueOf(parameter, "name"));
  const valueNode = valueOf(parameter, "value");
  if (name === undefined || !isScalar(valueNode)) return undefined;
  const forceString = isScalar(valueOf(parameter, "forceString")) && (valueOf(parameter, "forceString") as { value: unknown }).value === true;
  let set: unknown = setValue(String(valueNode.value ?? ""), forceString);
  for (const part of setPath(name).reverse()) {
    if (typeof part === "number") {
      const list: unknown[] = [];
      list[part] = set;
      set = list;
    } else {
      set = { [part]: set };
    }
  }
  return fixedLayer(set, { key: located(document, pairOf(parameter, "name")?.value), value: located(document, valueNode) });
}

/**
 * An Argo CD `Application` (or each of its `sources`) installing the grafana/alloy or k8s-monitoring chart: its
 * `helm.valuesObject` over its `helm.values` string over its `helm.valueFiles` (read when the input has them:
 * `$ref/path` of a multi-source Application relative to the working folder, others relative to the source's
 * `path`), and its `helm.parameters` over all of them.
 */
export function applicationCharts(application: KubeObject, readFile: FileReader): ChartInstance[] {
  const doc = application.document;
  const spec = valueOf(application.node, "spec");
  const single = valueOf(spec, "source");
  const sources = single ? [{ node: single, title: titleOf(application) }] : itemsOf(valueOf(spec, "sources")).map((node, i) => ({ node, title: `${titleOf(application)} (sources[${i}])` }));
  const namespace = stringOf(nodeIn(spec, ["destination", "namespace"])) ?? application.namespace;
  return sources.flatMap(({ node, title }) => {
    const chart = chartNamed(stringOf(valueOf(node, "chart")) ?? stringOf(valueOf(node, "path")));
    const helm = valueOf(node, "helm");
    if (!chart) return [];
    const documents = [doc];
    const valuesObject = valueOf(helm, "valuesObject");
    const valuesString = valueOf(helm, "values");
    const stringDocument = isScalar(valuesString) && typeof valuesString.value === "string" ? parseYamlDocument(scalarText(doc.source, valuesString)) : undefined;
    const fileLayers = itemsOf(valueOf(helm, "valueFiles"))
      .reverse()
      .flatMap((item) => {
        const file = stringOf(item);
        if (file === undefined) return [];
        const path = file.startsWith("$") ? file.replace(/^\$[^/]*\//, "") : [stringOf(valueOf(node, "path")), file].filter(Boolean).join("/");
        const text = readFile(path);
        if (text === undefined) return [];
        const fileDocument = parseYamlDocument(wholeFile(path, text));
        documents.push(fileDocument);
        return textLayer(fileDocument) ?? [];
      });
    const upper = itemsOf(valueOf(helm, "parameters"))
      .reverse()
      .flatMap((p) => parameterLayer(doc, p) ?? []);
    const useObject = isMap(valuesObject);
    if (stringDocument) documents.push(stringDocument);
    const stringRoot = stringDocument?.document.contents as Node | null | undefined;
    const lower = [...(useObject && stringDocument ? [textLayer(stringDocument)].filter((l): l is ValuesLayer => l !== undefined) : []), ...fileLayers];
    const top = useObject ? { document: doc, root: valuesObject } : stringDocument && isMap(stringRoot) ? { document: stringDocument, root: stringRoot } : { document: doc, root: null };
    return instancesOf({
      chart,
      document: top.document,
      root: top.root,
      fallback: located(doc, pairOf(helm, useObject ? "valuesObject" : "values")?.key ?? pairOf(node, "helm")?.key ?? pairOf(spec, single ? "source" : "sources")?.key),
      lower,
      upper,
      title,
      namespace,
      release: stringOf(valueOf(helm, "releaseName")) ?? application.name,
      // A chart from a Helm repository: targetRevision is the chart version (from Git it is a branch or tag).
      chartVersion: stringOf(valueOf(node, "chart")) !== undefined ? stringOf(valueOf(node, "targetRevision")) : undefined,
      documents,
    });
  });
}

/** An `Alloy` resource of the Alloy operator (`collectors.grafana.com`): `spec` holds values of the grafana/alloy chart. */
export function alloyResourceCharts(resource: KubeObject): ChartInstance[] {
  const spec = valueOf(resource.node, "spec");
  const doc = resource.document;
  return [
    {
      values: valuesAt(doc, isMap(spec) ? spec : null, located(doc, pairOf(resource.node, "spec")?.key ?? pairOf(resource.node, "kind")?.value)),
      title: titleOf(resource),
      namespace: resource.namespace,
      // The operator installs the chart as a release named after the resource.
      release: resource.name,
      documents: [doc],
    },
  ];
}

/** A kustomize `helmCharts` entry of the grafana/alloy chart: `valuesInline` over its `valuesFile`. */
export function kustomizeHelmChart(document: YamlDocument, entry: { readonly name: string; readonly node: Node; readonly valuesFile: string | undefined }, readFile: FileReader): ChartInstance[] {
  const chart = chartNamed(entry.name);
  if (!chart) return [];
  const documents = [document];
  const lower: ValuesLayer[] = [];
  if (entry.valuesFile !== undefined) {
    const text = readFile(entry.valuesFile);
    if (text !== undefined) {
      const fileDocument = parseYamlDocument(wholeFile(entry.valuesFile, text));
      documents.push(fileDocument);
      const layer = textLayer(fileDocument);
      if (layer) lower.push(layer);
    }
  }
  const inline = valueOf(entry.node, "valuesInline");
  const releaseName = stringOf(valueOf(entry.node, "releaseName")) ?? entry.name;
  return instancesOf({
    chart,
    document,
    root: isMap(inline) ? inline : null,
    fallback: located(document, pairOf(entry.node, "valuesInline")?.key ?? pairOf(entry.node, "name")?.key),
    lower,
    upper: [],
    title: `helmCharts "${releaseName}"`,
    namespace: stringOf(valueOf(entry.node, "namespace")),
    release: releaseName,
    chartVersion: stringOf(valueOf(entry.node, "version")),
    documents,
  });
}

/** Whether the root of a document holds values of a chart this package reads (for values files with no `kind`). */
export function valuesFileCharts(document: YamlDocument, asChart: boolean): ChartInstance[] {
  const root = document.document.contents as Node | null;
  if (asChart || holdsAlloyChartValues(root)) {
    return [{ values: valuesAt(document, root, undefined), title: "the chart", namespace: undefined, release: undefined, documents: [document] }];
  }
  if (isMap(root) && holdsK8sMonitoringValues(root)) return k8sMonitoringCollectors(document, root, "", undefined);
  return [];
}
