import type { Node } from "./ast.js";
import type { Range } from "./positions.js";
import { childrenOf } from "./walk.js";

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Replaces every range of `node` and its descendants by `map(range)`, in source order: `range`, and a
 * block's `openBrace`/`closeBrace`, an object field's `keyRange`, a binary expression's `operatorRange`.
 * `reparse` moves the statements after an edit with it, and `parse` applies its `start` option.
 * @internal
 */
export function mapRanges(node: Node, map: (range: Range) => Range): void {
  const writable = node as Writable<Node>;
  writable.range = map(node.range);
  switch (node.kind) {
    case "Block": {
      const block = node as Writable<typeof node>;
      for (const part of node.nameParts) mapRanges(part, map);
      if (node.label) mapRanges(node.label, map);
      block.openBrace = map(node.openBrace);
      for (const statement of node.body) mapRanges(statement, map);
      block.closeBrace = map(node.closeBrace);
      return;
    }
    case "ObjectField":
      (node as Writable<typeof node>).keyRange = map(node.keyRange);
      break;
    case "BinaryExpression":
      mapRanges(node.left, map);
      (node as Writable<typeof node>).operatorRange = map(node.operatorRange);
      mapRanges(node.right, map);
      return;
  }
  for (const child of childrenOf(node)) mapRanges(child, map);
}
