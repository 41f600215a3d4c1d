import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar } from "yaml";
import type { ValuesDocument } from "../values-document.js";
import type { ValuesKeySchema, ValuesSchema } from "./values-schema.js";

/** A key of the values file met while walking it against the schema. */
export interface VisitedKey {
  readonly path: readonly string[];
  readonly pair: Pair<Scalar, Node | null>;
  /** The key's schema, `undefined` when the chart has no such key. */
  readonly schema: ValuesKeySchema | undefined;
}

/**
 * Visits every key of the values file that the schema describes or should describe: the walk stops
 * at unknown keys, free-form objects and lists (their items are Kubernetes objects).
 */
export function walkValues(values: ValuesDocument, schema: ValuesSchema, visit: (key: VisitedKey) => void): void {
  const visitMap = (node: Node | null | undefined, parent: ValuesKeySchema, path: readonly string[]) => {
    if (!isMap(node)) return;
    for (const item of node.items) {
      if (!isPair(item) || !isScalar(item.key)) continue;
      const name = String(item.key.value);
      const keySchema = parent.children?.[name];
      const keyPath = [...path, name];
      visit({ path: keyPath, pair: item as Pair<Scalar, Node | null>, schema: keySchema });
      if (keySchema && !keySchema.open && keySchema.children) visitMap(item.value as Node | null, keySchema, keyPath);
    }
  };
  visitMap(values.document.contents as Node | null, schema.root, []);
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

/** Key paths of the schema whose last segment is `name` (for did-you-mean across sections). */
export function pathsNamed(schema: ValuesSchema, name: string, caseInsensitive = false): string[][] {
  const found: string[][] = [];
  const visit = (key: ValuesKeySchema, path: string[]) => {
    for (const [child, childSchema] of Object.entries(key.children ?? {})) {
      if (childSchema.deprecated) continue;
      const childPath = [...path, child];
      if (caseInsensitive ? child.toLowerCase() === name.toLowerCase() : child === name) found.push(childPath);
      visit(childSchema, childPath);
    }
  };
  visit(schema.root, []);
  return found.sort((a, b) => a.length - b.length);
}

