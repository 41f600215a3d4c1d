import { isScalar, type Node } from "yaml";
import { scalarText, subText, wholeFile } from "../embedded-text.js";
import { nodeAnchor, yamlAnchor, type KubeObject } from "../objects.js";
import { itemsOf, stringOf, valueOf, type YamlDocument } from "../yaml-document.js";
import { baseName, directoryOf, joinPath, type ConfigMapData, type ConfigMapEntry, type FileReader } from "./input.js";

/** The names a kustomization file has (`kustomize build` reads the first it finds). */
export const KUSTOMIZATION_FILES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

/** Whether a file is a kustomization by its name. */
export function isKustomizationFile(path: string): boolean {
  return KUSTOMIZATION_FILES.includes(baseName(path));
}

/** Whether an object is a kustomization (`kind: Kustomization` or `Component` of `kustomize.config.k8s.io`). */
export function isKustomizationObject(object: KubeObject): boolean {
  return object.apiVersion.startsWith("kustomize.config.k8s.io/") && (object.kind === "Kustomization" || object.kind === "Component");
}

/** What a kustomization names: files and folders of resources, and the ConfigMaps its generators make. */
export interface Kustomization {
  /** Paths of `resources` (also the older `bases`, and `components`): files, or folders holding a kustomization. */
  readonly resources: readonly string[];
  readonly configMaps: readonly ConfigMapData[];
  /** `helmCharts` entries inflating the grafana/alloy chart: their inline values and values file. */
  readonly helmCharts: readonly { readonly name: string; readonly node: Node; readonly valuesFile: string | undefined }[];
}

/**
 * Reads a kustomization: `resources` resolved against its folder, and each `configMapGenerator` as a ConfigMap
 * of `files` (`path` or `key=path`, read with `readFile`) and `literals` (`key=value`). Remote resources
 * (URLs) are not read.
 */
export function readKustomization(document: YamlDocument, readFile: FileReader): Kustomization {
  const root = document.document.contents;
  const dir = directoryOf(document.source.file);
  const local = (path: string) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(path) && !path.startsWith("github.com/");
  const resources = ["resources", "bases", "components"]
    .flatMap((key) => itemsOf(valueOf(root, key)))
    .flatMap((item) => {
      const path = stringOf(item);
      return path !== undefined && local(path) ? [joinPath(dir, path)] : [];
    });

  const configMaps: ConfigMapData[] = [];
  itemsOf(valueOf(root, "configMapGenerator")).forEach((generator, index) => {
    const name = stringOf(valueOf(generator, "name"));
    if (name === undefined) return;
    const entries: ConfigMapEntry[] = [];
    for (const item of itemsOf(valueOf(generator, "files"))) {
      const spec = stringOf(item);
      if (spec === undefined) continue;
      const eq = spec.indexOf("=");
      const path = joinPath(dir, eq < 0 ? spec : spec.slice(eq + 1));
      const key = eq < 0 ? baseName(path) : spec.slice(0, eq);
      const text = readFile(path);
      entries.push({ key, text: text === undefined ? undefined : wholeFile(path, text), at: nodeAnchor(document, item, `configMapGenerator ${name}`), wholeFile: true });
    }
    for (const item of itemsOf(valueOf(generator, "literals"))) {
      if (!isScalar(item) || typeof item.value !== "string") continue;
      const literal = scalarText(document.source, item);
      const eq = literal.text.indexOf("=");
      if (eq < 0) continue;
      entries.push({ key: literal.text.slice(0, eq), text: subText(literal, eq + 1), at: nodeAnchor(document, item, `configMapGenerator ${name}`), wholeFile: false });
    }
    configMaps.push({
      name,
      namespace: stringOf(valueOf(generator, "namespace")) ?? stringOf(valueOf(root, "namespace")),
      entries,
      at: yamlAnchor(document, root as Node, ["configMapGenerator", index, "name"], `configMapGenerator ${name}`),
      title: `configMapGenerator "${name}"`,
      document,
    });
  });

  const helmCharts = itemsOf(valueOf(root, "helmCharts")).flatMap((chart) => {
    const name = stringOf(valueOf(chart, "name"));
    if (name === undefined) return [];
    const valuesFile = stringOf(valueOf(chart, "valuesFile"));
    return [{ name, node: chart, valuesFile: valuesFile === undefined ? undefined : joinPath(dir, valuesFile) }];
  });
  return { resources, configMaps, helmCharts };
}

/** The kustomization file of a folder named in `resources`, found as `kustomize build` finds it. */
export function kustomizationIn(folder: string, readFile: FileReader): { path: string; text: string } | undefined {
  for (const name of KUSTOMIZATION_FILES) {
    const path = joinPath(folder, name);
    const text = readFile(path);
    if (text !== undefined) return { path, text };
  }
  return undefined;
}
