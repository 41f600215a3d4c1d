import { isMap, isScalar, type Node, type Pair, type Scalar, type YAMLMap } from "yaml";
import type { Located } from "./values-document.js";
import type { Anchor } from "./model.js";
import { itemsOf, nodeIn, nodeRange, pairOf, stringOf, valueOf, type YamlDocument } from "./yaml-document.js";

/** A Kubernetes object of the input: a document of a manifest (or an item of a `List`). */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string | undefined;
  readonly node: YAMLMap;
  readonly document: YamlDocument;
}

/** The objects of a YAML document: itself when it has `apiVersion` and `kind`, the items of a `List`. */
export function objectsOf(document: YamlDocument, node: unknown = document.document.contents): KubeObject[] {
  if (!isMap(node)) return [];
  const apiVersion = stringOf(valueOf(node, "apiVersion"));
  const kind = stringOf(valueOf(node, "kind"));
  if (apiVersion === undefined || kind === undefined) return [];
  if (kind === "List" || kind.endsWith("List")) return itemsOf(valueOf(node, "items")).flatMap((item) => objectsOf(document, item));
  const metadata = valueOf(node, "metadata");
  return [
    {
      apiVersion,
      kind,
      name: stringOf(valueOf(metadata, "name")) ?? "",
      namespace: stringOf(valueOf(metadata, "namespace")),
      node: node as YAMLMap,
      document,
    },
  ];
}

/** The API group of an object (`apps` of `apps/v1`, `` of `v1`). */
export function apiGroupOf(object: KubeObject): string {
  const slash = object.apiVersion.indexOf("/");
  return slash < 0 ? "" : object.apiVersion.slice(0, slash);
}

/** How an object is named in messages: `StatefulSet "alloy"`. */
export function titleOf(object: KubeObject): string {
  return `${object.kind} "${object.name}"`;
}

/** Whether two namespaces may be the same one (an object without a namespace goes where it is applied). */
export function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/**
 * An anchor at a path of keys (and list indexes) below a mapping of a document: the key and value when
 * written, else the nearest written ancestor's key, else `fallback`.
 */
export function yamlAnchor(document: YamlDocument, base: Node, path: readonly (string | number)[], label: string, fallback?: Located): Anchor {
  const { source } = document;
  let lookedUp: { pair: Pair<Scalar, Node | null> | undefined; node: Node | null | undefined; ancestor: Node | undefined } | undefined;
  const lookup = () => {
    if (lookedUp) return lookedUp;
    let ancestor: Node | undefined;
    let pair: Pair<Scalar, Node | null> | undefined;
    let current: Node | null | undefined = base;
    for (const part of path) {
      if (typeof part === "number") {
        const item: Node | undefined = itemsOf(current)[part];
        pair = undefined;
        if (item === undefined) return (lookedUp = { pair: undefined, node: undefined, ancestor });
        ancestor = item;
        current = item;
      } else {
        pair = pairOf(current, part);
        if (!pair) return (lookedUp = { pair: undefined, node: undefined, ancestor });
        ancestor = pair.key;
        current = pair.value;
      }
    }
    return (lookedUp = { pair, node: current, ancestor });
  };
  const at = (node: Node | null | undefined): Located => ({ file: source.file, range: nodeRange(source, node) });
  const orFallback = (node: Node | null | undefined): Located => (node ? at(node) : (fallback ?? at(base)));
  return {
    label,
    get written() {
      return lookup().node !== undefined;
    },
    key() {
      const { pair, node, ancestor } = lookup();
      return orFallback(pair?.key ?? (node === undefined ? ancestor : node));
    },
    value() {
      const { pair, node, ancestor } = lookup();
      return orFallback(node ?? pair?.key ?? ancestor);
    },
  };
}

/** An anchor at one node (an item of `args`, a key of `data`). */
export function nodeAnchor(document: YamlDocument, node: Node, label: string, key: Node = node): Anchor {
  const { source } = document;
  return {
    label,
    written: true,
    key: () => ({ file: source.file, range: nodeRange(source, key) }),
    value: () => ({ file: source.file, range: nodeRange(source, node) }),
  };
}

/** The keys of a mapping with their key nodes (a ConfigMap's `data`). */
export function entriesOf(node: unknown): { readonly key: string; readonly keyNode: Scalar; readonly value: Node | null }[] {
  if (!isMap(node)) return [];
  const entries: { key: string; keyNode: Scalar; value: Node | null }[] = [];
  for (const item of node.items) {
    if (isScalar(item.key) && (typeof item.key.value === "string" || typeof item.key.value === "number")) {
      entries.push({ key: String(item.key.value), keyNode: item.key, value: item.value as Node | null });
    }
  }
  return entries;
}

/** The labels a selector or the pod template sets. */
export function labelsAt(node: unknown): Map<string, string> {
  const labels = new Map<string, string>();
  for (const { key, value } of entriesOf(node)) {
    if (isScalar(value) && value.value !== null) labels.set(key, String(value.value));
  }
  return labels;
}

/** The node at a path below an object. */
export function fieldOf(object: KubeObject, path: readonly (string | number)[]): Node | null | undefined {
  return nodeIn(object.node, path);
}
