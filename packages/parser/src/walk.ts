import { assertNever, type File, type Node, type NodeKind } from "./ast.js";

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

/** The node of a kind: `NodeOfKind<"Block">` is `Block`. */
export type NodeOfKind<K extends NodeKind> = Extract<Node, { kind: K }>;

/**
 * What to do on nodes of one kind: a function called before the node's children (return `false` to skip
 * them), or `{ enter, leave }`. `ancestors` are the nodes containing it, outermost first (the array is
 * reused during the walk: copy it to keep it).
 */
export type KindHandler<N extends Node> =
  | ((node: N, ancestors: readonly Node[]) => boolean | void)
  | {
      enter?(node: N, ancestors: readonly Node[]): boolean | void;
      leave?(node: N, ancestors: readonly Node[]): void;
    };

/**
 * A visitor: `enter`/`leave` for every node, and handlers by node kind (`Block`, `Attribute`,
 * `StringLiteral`…). For each node, `enter` runs before its kind's handler; children are skipped when either
 * returns `false`; then the kind's `leave` runs before `leave`.
 */
export type Visitor = {
  /** Called before a node's children. Return `false` to skip them. */
  enter?(node: Node, parent: Node | undefined, ancestors: readonly Node[]): boolean | void;
  /** Called after a node's children. */
  leave?(node: Node, parent: Node | undefined, ancestors: readonly Node[]): void;
} & { readonly [K in NodeKind]?: KindHandler<NodeOfKind<K>> };

/**
 * Visits `node` and its descendants depth-first, in source order (comments are not visited: they are in
 * `File.comments`). `parent` is the node `node` is a child of, when the walk starts below the file.
 */
export function walk(node: Node, visitor: Visitor, parent?: Node): void {
  visitNode(node, visitor, parent === undefined ? [] : [parent]);
}

function visitNode(node: Node, visitor: Visitor, ancestors: Node[]): void {
  const parent = ancestors.length > 0 ? ancestors[ancestors.length - 1] : undefined;
  const handler = visitor[node.kind] as KindHandler<Node> | undefined;
  let skip = visitor.enter?.(node, parent, ancestors) === false;
  if (!skip && handler !== undefined) skip = (typeof handler === "function" ? handler(node, ancestors) : handler.enter?.(node, ancestors)) === false;
  if (!skip) {
    const children = childrenOf(node);
    if (children.length > 0) {
      ancestors.push(node);
      for (const child of children) visitNode(child, visitor, ancestors);
      ancestors.pop();
    }
  }
  if (handler !== undefined && typeof handler !== "function") handler.leave?.(node, ancestors);
  visitor.leave?.(node, parent, ancestors);
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
