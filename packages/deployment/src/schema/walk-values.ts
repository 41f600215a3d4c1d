import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar } from "yaml";
import type { ValuesDocument } from "../values-document.js";
import type { ValuesKeySchema, ValuesSchema } from "./values-schema.js";

/** A key of the values met while walking them against the schema. */
export interface VisitedKey {
  readonly path: readonly string[];
  readonly pair: Pair<Scalar, Node | null>;
  /** The key's schema, `undefined` when the chart has no such key. */
  readonly schema: ValuesKeySchema | undefined;
}

/**
 * Visits every key of the values that the schema describes or should describe: the walk stops at unknown keys,
 * free-form objects and lists (their items are Kubernetes objects). Top-level keys that the object holding the
 * values reads itself (`values.wrapperKeys`) are not visited.
 */
export function walkValues(values: ValuesDocument, schema: ValuesSchema, visit: (key: VisitedKey) => void): void {
  const visitMap = (node: Node | null | undefined, parent: ValuesKeySchema, path: readonly string[]) => {
    if (!isMap(node)) return;
    for (const item of node.items) {
      if (!isPair(item) || !isScalar(item.key)) continue;
      const name = String(item.key.value);
      if (path.length === 0 && values.wrapperKeys?.has(name)) continue;
      const keySchema = parent.children?.[name];
      const keyPath = [...path, name];
      visit({ path: keyPath, pair: item as Pair<Scalar, Node | null>, schema: keySchema });
      if (keySchema && !keySchema.open && keySchema.children) visitMap(item.value as Node | null, keySchema, keyPath);
    }
  };
  visitMap(values.root, schema.root, []);
}

/** The YAML kind of a value node, in the schema's words. */
export function yamlKind(node: Node | null | undefined): "null" | "bool" | "int" | "string" | "list" | "object" | "other" {
  if (node === null || node === undefined) return "null";
  if (isMap(node)) return "object";
  if (isSeq(node)) return "list";
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return "null";
    if (typeof v === "boolean") return "bool";
    if (typeof v === "number") return "int";
    if (typeof v === "string") return "string";
  }
  return "other";
}

/** The key paths of a schema by their last segment, built once per schema (did-you-mean across sections). */
const pathsByName = new WeakMap<ValuesSchema, { exact: Map<string, string[][]>; folded: Map<string, string[][]> }>();

/** Key paths of the schema whose last segment is `name` (case-insensitively when asked), shortest first. */
export function pathsNamed(schema: ValuesSchema, name: string, caseInsensitive = false): readonly string[][] {
  let index = pathsByName.get(schema);
  if (!index) {
    const built = { exact: new Map<string, string[][]>(), folded: new Map<string, string[][]>() };
    const add = (map: Map<string, string[][]>, key: string, path: string[]) => {
      const list = map.get(key);
      if (list) list.push(path);
      else map.set(key, [path]);
    };
    const visit = (key: ValuesKeySchema, path: string[]) => {
      for (const [child, childSchema] of Object.entries(key.children ?? {})) {
        if (childSchema.deprecated) continue;
        const childPath = [...path, child];
        add(built.exact, child, childPath);
        add(built.folded, child.toLowerCase(), childPath);
        visit(childSchema, childPath);
      }
    };
    visit(schema.root, []);
    for (const map of [built.exact, built.folded]) for (const list of map.values()) list.sort((a, b) => a.length - b.length);
    pathsByName.set(schema, (index = built));
  }
  return (caseInsensitive ? index.folded.get(name.toLowerCase()) : index.exact.get(name)) ?? [];
}
