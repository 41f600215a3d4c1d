import type { Node, ParseResult } from "@alloy-toolkit/parser";
import { childrenOf } from "@alloy-toolkit/parser";

const POSITION_KEYS = new Set(["range", "keyRange", "openBrace", "closeBrace", "operatorRange", "filename"]);

/** The AST as plain data without positions, to compare the trees of an input and its formatted output. */
export function shapeOf(node: Node): unknown {
  const shape: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (POSITION_KEYS.has(key) || key === "comments") continue;
    shape[key] = shapeValue(value);
  }
  return shape;
}

function shapeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeValue);
  if (value !== null && typeof value === "object" && "kind" in value) return shapeOf(value as Node);
  return value;
}

/** Texts of all comments in order. */
export function commentTexts(result: ParseResult): string[] {
  return result.ast.comments.map((comment) => comment.text);
}

/** Number of nodes, to make sure the shape compared is not trivially empty. */
export function countNodes(node: Node): number {
  let count = 1;
  for (const child of childrenOf(node)) count += countNodes(child);
  return count;
}
