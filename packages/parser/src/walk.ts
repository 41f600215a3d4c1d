import { assertNever, type File, type Node } from "./ast.js";

/** The direct children of a node, in source order. Comments are not children (see `File.comments`). */
export function childrenOf(node: Node): Node[] {
  switch (node.kind) {
    case "File":
      return node.body;
    case "Block":
      return node.label ? [...node.nameParts, node.label, ...node.body] : [...node.nameParts, ...node.body];
    case "Attribute":
      return [node.name, node.value];
    case "ArrayExpression":
      return node.elements;
    case "ObjectExpression":
      return node.fields;
    case "ObjectField":
      return [node.value];
    case "AccessExpression":
      return [node.object, node.property];
    case "IndexExpression":
      return [node.object, node.index];
    case "CallExpression":
      return [node.callee, ...node.args];
    case "UnaryExpression":
      return [node.operand];
    case "BinaryExpression":
      return [node.left, node.right];
    case "ParenExpression":
      return [node.expression];
    case "Comment":
    case "BlockLabel":
    case "Identifier":
    case "StringLiteral":
    case "NumberLiteral":
    case "BoolLiteral":
    case "NullLiteral":
    case "BadExpression":
      return [];
    default:
      return assertNever(node);
  }
}

export interface Visitor {
  /** Called before a node's children. Return `false` to skip them. */
  enter?(node: Node, parent: Node | undefined): boolean | void;
  /** Called after a node's children. */
  leave?(node: Node, parent: Node | undefined): void;
}

/** Visits `node` and its descendants depth-first, in source order. */
export function walk(node: Node, visitor: Visitor, parent?: Node): void {
  if (visitor.enter?.(node, parent) === false) {
    visitor.leave?.(node, parent);
    return;
  }
  for (const child of childrenOf(node)) walk(child, visitor, node);
  visitor.leave?.(node, parent);
}

/** The source text a node was parsed from (`text` must be the text given to `parse`). */
export function sourceOf(text: string, node: Node): string {
  return text.slice(node.range.start.offset, node.range.end.offset);
}

/**
 * The chain of nodes containing `offset`, outermost (the file) first, innermost last.
 * A node contains the offsets from its start up to and including its end.
 */
export function nodePathAt(file: File, offset: number): Node[] {
  const path: Node[] = [file];
  let current: Node = file;
  for (;;) {
    const child: Node | undefined = childrenOf(current).find(
      (c) => c.range.start.offset <= offset && offset <= c.range.end.offset,
    );
    if (child === undefined) return path;
    path.push(child);
    current = child;
  }
}
