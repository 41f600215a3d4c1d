import type { Range } from "@alloy-toolkit/parser";
import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from "yaml";
import { wholeFile, type EmbeddedText } from "./embedded-text.js";
import { nodeRange, parseYamlDocument, type YamlDocument } from "./yaml-document.js";

/** A key path in chart values: `["alloy", "clustering", "enabled"]`, list items by index. */
export type ValuesPath = readonly (string | number)[];

/** A place in a file. */
export interface Located {
  readonly file: string;
  readonly range: Range;
}

/**
 * Values set below the ones written where the deployment is declared, and where each is set: a ConfigMap that
 * a HelmRelease's `valuesFrom` names, the `values` string under an Application's `valuesObject`, a preset of a
 * k8s-monitoring collector. Helm merges them as it merges values files: maps key by key, anything else replaced.
 */
export interface ValuesLayer {
  /** The value this layer sets at a path, `undefined` when it sets none. */
  valueAt(path: ValuesPath): unknown;
  /** Where this layer sets a path, `undefined` when it sets none. */
  locate(path: ValuesPath): { readonly key: Located; readonly value: Located } | undefined;
  /** The values as written, when the layer is a YAML mapping: the values rules check them too. */
  readonly written?: ValuesDocument;
}

/**
 * Values of the grafana/alloy chart, with source positions: a values file, or the values inside a HelmRelease,
 * an Argo CD Application, an Alloy resource or a k8s-monitoring collector (`root`). Rules read values through
 * {@link valueAt} (every layer merged) and point at them through {@link keyLocation} and {@link valueLocation}.
 */
export interface ValuesDocument {
  /** The file the values are written in. */
  readonly file: string;
  readonly source: EmbeddedText;
  readonly document: YamlDocument;
  /** The mapping of the values: the document's root for a values file. */
  readonly root: Node | null;
  /** Where a path none of whose keys is written points: the key holding `root` (the text's start by default). */
  readonly fallback?: Located;
  /** Values beneath the written ones, highest first. */
  readonly lower: readonly ValuesLayer[];
  /** Values above the written ones, highest first (an Argo CD Application's `parameters`). */
  readonly upper?: readonly ValuesLayer[];
  /** Keys of `root` that the object holding the values reads itself (a k8s-monitoring collector's `presets`…). */
  readonly wrapperKeys?: ReadonlySet<string>;
}

/** Parses a values file; YAML syntax errors are in `document.document.errors`. */
export function parseValuesDocument(text: string, file: string): ValuesDocument {
  const source = wholeFile(file, text);
  const document = parseYamlDocument(source);
  return { file, source, document, root: document.document.contents as Node | null, lower: [] };
}

/** Values at `root` of a document (`spec.values` of a HelmRelease…), pointing at `fallback` when nothing is written. */
export function valuesAt(
  document: YamlDocument,
  root: Node | null,
  fallback: Located | undefined,
  layers: { readonly lower?: readonly ValuesLayer[]; readonly upper?: readonly ValuesLayer[]; readonly wrapperKeys?: ReadonlySet<string> } = {},
): ValuesDocument {
  return { file: document.source.file, source: document.source, document, root, fallback, lower: layers.lower ?? [], ...layers.upper ? { upper: layers.upper } : {}, ...layers.wrapperKeys ? { wrapperKeys: layers.wrapperKeys } : {} };
}

/** The written values of a document and of its layers written as YAML: what the values rules check. */
export function writtenValues(values: ValuesDocument): ValuesDocument[] {
  return [values, ...[...(values.upper ?? []), ...values.lower].flatMap((layer) => (layer.written ? [layer.written] : []))];
}

/**
 * Whether a mapping holds values for the `grafana/alloy` chart: an `alloy:`, `controller:` or (the deprecated
 * spelling) `agent:` mapping.
 */
export function holdsAlloyChartValues(root: unknown): boolean {
  if (!isMap(root)) return false;
  return root.items.some((pair) => {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    return (key === "alloy" || key === "controller" || key === "agent") && isMap(pair.value);
  });
}

/** Whether a values document is for the `grafana/alloy` chart (see {@link holdsAlloyChartValues}). */
export function isAlloyChartValues(values: ValuesDocument): boolean {
  return holdsAlloyChartValues(values.root);
}

/** The written key/value pair at a key path, the last one when a key is repeated (as Helm reads it); `alloy` falls back to `agent`. */
export function pairAt(values: ValuesDocument, path: ValuesPath): Pair<Node, Node> | undefined {
  return pairBelow(values.root, path);
}

function pairBelow(root: Node | null, path: ValuesPath): Pair<Node, Node> | undefined {
  const [head, ...rest] = path;
  const roots = head === "alloy" ? ["alloy", "agent"] : [head];
  for (const name of roots) {
    const found = findPair(root, [name, ...rest]);
    if (found) return found;
  }
  return undefined;
}

function findPair(node: Node | null, path: ValuesPath): Pair<Node, Node> | undefined {
  let current: Node | null = node;
  let pair: Pair<Node, Node> | undefined;
  for (const part of path) {
    if (isMap(current)) {
      pair = undefined;
      for (const item of current.items) {
        if (isPair(item) && isScalar(item.key) && item.key.value === part) pair = item as Pair<Node, Node>;
      }
      if (!pair) return undefined;
      current = pair.value as Node | null;
    } else if (isSeq(current) && typeof part === "number") {
      const item = current.items[part] as Node | undefined;
      if (!item) return undefined;
      pair = { key: item, value: item } as unknown as Pair<Node, Node>;
      current = item;
    } else {
      return undefined;
    }
  }
  return pair;
}

/** The written value at a path as JavaScript (`undefined` when absent). */
function writtenValueAt(root: Node | null, path: ValuesPath): unknown {
  const node = path.length === 0 ? root : (pairBelow(root, path)?.value as Node | undefined);
  return node === undefined || node === null ? undefined : (node as Node).toJSON();
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** `high` over `low` as Helm merges values: mappings key by key, anything else replaced. */
function mergeValues(high: unknown, low: unknown): unknown {
  if (!isPlainObject(high) || !isPlainObject(low)) return high === undefined ? low : high;
  const merged: Record<string, unknown> = { ...low };
  // Only keys both sides set recurse: the work is bounded by the smaller side, whatever the aliases expand to.
  for (const [key, value] of Object.entries(high)) merged[key] = key in low ? mergeValues(value, low[key]) : value;
  return merged;
}

/** The value at a key path (`undefined` when no layer sets it), layers merged. */
export function valueAt(values: ValuesDocument, path: ValuesPath): unknown {
  let value: unknown;
  for (const layer of values.upper ?? []) {
    value = mergeValues(value, layer.valueAt(path));
    if (value !== undefined && !isPlainObject(value)) return value;
  }
  value = mergeValues(value, writtenValueAt(values.root, path));
  for (const layer of values.lower) {
    if (value !== undefined && !isPlainObject(value)) break;
    value = mergeValues(value, layer.valueAt(path));
  }
  return value;
}

/** The layers but the written root, highest first. */
const otherLayers = (values: ValuesDocument): readonly ValuesLayer[] => (values.upper ? [...values.upper, ...values.lower] : values.lower);

/** Whether a path is written in the values or one of their layers. */
export function isWritten(values: ValuesDocument, path: ValuesPath): boolean {
  return pairAt(values, path) !== undefined || otherLayers(values).some((layer) => layer.locate(path) !== undefined);
}

/** Where a key path is: its key when written, else where a layer sets it, else the nearest written ancestor's key. */
export function keyLocation(values: ValuesDocument, path: ValuesPath): Located {
  const pair = pairAt(values, path);
  if (pair) return { file: values.file, range: nodeRange(values.source, pair.key) };
  for (const layer of otherLayers(values)) {
    const found = layer.locate(path);
    if (found) return found.key;
  }
  for (let n = path.length - 1; n > 0; n--) {
    const ancestor = pairAt(values, path.slice(0, n));
    if (ancestor) return { file: values.file, range: nodeRange(values.source, ancestor.key) };
  }
  return values.fallback ?? { file: values.file, range: nodeRange(values.source, undefined) };
}

/** Where a key path's value is, else as {@link keyLocation}. */
export function valueLocation(values: ValuesDocument, path: ValuesPath): Located {
  const pair = pairAt(values, path);
  if (pair?.value) return { file: values.file, range: nodeRange(values.source, pair.value) };
  if (!pair) {
    for (const layer of otherLayers(values)) {
      const found = layer.locate(path);
      if (found) return found.value;
    }
  }
  return keyLocation(values, path);
}

/** The key and value of a written pair (a key met walking the values), without looking the path up again. */
export function pairLocation(values: ValuesDocument, pair: Pair<unknown, unknown>, at: "key" | "value"): Located {
  const node = at === "value" && pair.value ? pair.value : pair.key;
  return { file: values.file, range: nodeRange(values.source, node as Node) };
}

/** A layer of written values: a mapping of a YAML document (a ConfigMap's values, an Application's `values` string). */
export function writtenLayer(document: YamlDocument, root: Node | null, fallback?: Located, wrapperKeys?: ReadonlySet<string>): ValuesLayer {
  const layerValues = valuesAt(document, root, fallback, wrapperKeys ? { wrapperKeys } : {});
  return {
    written: layerValues,
    valueAt: (path) => writtenValueAt(root, path),
    locate(path) {
      const pair = pairAt(layerValues, path);
      if (!pair) return undefined;
      return { key: { file: document.source.file, range: nodeRange(document.source, pair.key) }, value: valueLocation(layerValues, path) };
    },
  };
}

/**
 * A layer of values that are not written in the input (a k8s-monitoring preset, an Argo CD parameter): every
 * path it sets points at `at` (the preset's name in `presets`, the parameter).
 */
export function fixedLayer(set: unknown, at: { readonly key: Located; readonly value: Located }): ValuesLayer {
  const get = (path: ValuesPath): unknown => {
    let current = set;
    for (const part of path) {
      if (typeof part === "number") current = Array.isArray(current) ? current[part] : undefined;
      else current = isPlainObject(current) ? current[part] : undefined;
      if (current === undefined) return undefined;
    }
    return current;
  };
  return { valueAt: get, locate: (path) => (get(path) === undefined ? undefined : at) };
}
