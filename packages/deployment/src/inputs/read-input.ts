import { isMap, isScalar } from "yaml";
import { scalarText, wholeFile } from "../embedded-text.js";
import { entriesOf, nodeAnchor, objectsOf, titleOf, yamlAnchor, type KubeObject } from "../objects.js";
import { parseYamlDocuments, valueOf, type YamlDocument } from "../yaml-document.js";
import { alloyResourceCharts, applicationCharts, helmReleaseCharts, kustomizeHelmChart, valuesFileCharts } from "./gitops.js";
import type { ChartInstance, ConfigMapData, DeploymentFile, DeploymentInput, FileReader } from "./input.js";
import { isKustomizationFile, isKustomizationObject, kustomizationIn, readKustomization } from "./kustomize.js";

/** Whether a file is an Alloy config by its name. */
export const isAlloyConfigFile = (path: string) => /\.(alloy|river)$/.test(path);

/** A ConfigMap object's keys: `data` (text), `binaryData` (not text). */
function configMapOf(object: KubeObject): ConfigMapData {
  const { document } = object;
  const data = valueOf(object.node, "data");
  const entries = entriesOf(data).map(({ key, keyNode, value }) => ({
    key,
    text: isScalar(value) && typeof value.value === "string" ? scalarText(document.source, value) : undefined,
    at: nodeAnchor(document, value ?? keyNode, `${titleOf(object)} ${key}`, keyNode),
    wholeFile: false,
  }));
  const binary = entriesOf(valueOf(object.node, "binaryData")).map(({ key, keyNode }) => ({
    key,
    text: undefined,
    at: nodeAnchor(document, keyNode, `${titleOf(object)} ${key}`),
    wholeFile: false,
  }));
  return {
    name: object.name,
    namespace: object.namespace,
    entries: [...entries, ...binary],
    at: yamlAnchor(document, object.node, data ? ["data"] : ["metadata", "name"], titleOf(object)),
    title: titleOf(object),
    document,
  };
}

/**
 * Reads the files of one input: every YAML document (multi-document manifests, `helm template` output), the
 * objects they hold, the kustomizations and what they name (`resources`, generator files, read with
 * `readFile` when not among `files`), the ConfigMaps (objects and generators), and the chart values of
 * values files, HelmReleases, Applications, Alloy resources, kustomize `helmCharts` and k8s-monitoring
 * collectors. `asChart`: a YAML document without `kind` holds chart values whatever its keys.
 */
export function readInput(files: readonly DeploymentFile[], readFile: FileReader = () => undefined, asChart = false): DeploymentInput {
  const given = new Map(files.map((f) => [f.file, f.text]));
  const sources = new Map<string, string>();
  const read = (path: string) => {
    const text = given.get(path) ?? sources.get(path) ?? readFile(path);
    if (text !== undefined) sources.set(path, text);
    return text;
  };
  const documents: YamlDocument[] = [];
  const objects: KubeObject[] = [];
  const configMaps: ConfigMapData[] = [];
  const charts: ChartInstance[] = [];
  const alloyDocuments = new Set<YamlDocument>();
  const alloyFiles: DeploymentFile[] = [];
  const valuesDocuments: YamlDocument[] = [];
  const visited = new Set<string>();

  const readFileOnce = (path: string, text: string) => {
    if (visited.has(path)) return;
    visited.add(path);
    sources.set(path, text);
    if (isAlloyConfigFile(path)) {
      alloyFiles.push({ file: path, text });
      return;
    }
    for (const document of parseYamlDocuments(wholeFile(path, text))) {
      documents.push(document);
      if (asChart) {
        valuesDocuments.push(document);
        continue;
      }
      const found = objectsOf(document);
      const kustomization = found.find(isKustomizationObject);
      if (kustomization || (found.length === 0 && isKustomizationFile(path) && isMap(document.document.contents))) {
        readKustomizationDocument(document);
      } else if (found.length > 0) {
        objects.push(...found);
      } else if (isMap(document.document.contents)) {
        valuesDocuments.push(document);
      }
    }
  };

  const readKustomizationDocument = (document: YamlDocument) => {
    const kustomization = readKustomization(document, read);
    configMaps.push(...kustomization.configMaps);
    if (kustomization.configMaps.some((c) => c.entries.some((e) => isAlloyConfigFile(e.key)))) alloyDocuments.add(document);
    for (const entry of kustomization.helmCharts) {
      const found = kustomizeHelmChart(document, entry, read);
      charts.push(...found);
    }
    for (const resource of kustomization.resources) {
      const text = read(resource);
      if (text !== undefined) {
        readFileOnce(resource, text);
        continue;
      }
      const nested = kustomizationIn(resource, read);
      if (nested) readFileOnce(nested.path, nested.text);
    }
  };

  for (const { file, text } of files) readFileOnce(file, text);

  configMaps.unshift(...objects.filter((o) => o.kind === "ConfigMap" && o.apiVersion === "v1").map(configMapOf));
  for (const object of objects) {
    const group = object.apiVersion.split("/")[0];
    let found: ChartInstance[] = [];
    if (object.kind === "HelmRelease" && group === "helm.toolkit.fluxcd.io") found = helmReleaseCharts(object, objects, configMaps);
    else if (object.kind === "Application" && group === "argoproj.io") found = applicationCharts(object, read);
    else if (object.kind === "Alloy" && group === "collectors.grafana.com") found = alloyResourceCharts(object);
    charts.push(...found);
  }
  // A values file that another instance reads as a layer (a kustomize valuesFile, an Application's value file)
  // deploys nothing of its own.
  const layered = new Set(charts.flatMap((c) => c.documents.slice(1).filter((d) => d.source.text === d.source.host.text).map((d) => d.source.file)));
  for (const document of valuesDocuments) {
    if (!layered.has(document.source.file)) charts.push(...valuesFileCharts(document, asChart));
  }
  for (const chart of charts) for (const document of chart.documents) alloyDocuments.add(document);
  for (const configMap of configMaps) {
    if (configMap.entries.some((e) => isAlloyConfigFile(e.key))) alloyDocuments.add(configMap.document);
  }
  return { documents, objects, configMaps, charts, alloyFiles, sources, alloyDocuments };
}
