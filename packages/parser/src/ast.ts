import type { Range } from "./positions.js";
import type { BinaryOperator, UnaryOperator } from "./tokens.js";

/**
 * The Alloy AST: a discriminated union on `kind`. Every node has a `range` (see {@link Range}: offsets are
 * 0-based, lines and columns 1-based, end exclusive).
 */

/** A whole file. `comments` holds every comment in source order; `body` the top-level statements. */
export interface File {
  readonly kind: "File";
  readonly filename: string;
  readonly body: Statement[];
  readonly comments: Comment[];
  readonly range: Range;
}

/** A `// line` or `/* block *\/` comment. `text` is the comment exactly as written, delimiters included. */
export interface Comment {
  readonly kind: "Comment";
  readonly style: "line" | "block";
  readonly text: string;
  readonly range: Range;
}

export type Statement = Attribute | Block;

/** `name = value` */
export interface Attribute {
  readonly kind: "Attribute";
  readonly name: Identifier;
  readonly value: Expression;
  readonly range: Range;
}

/** `a.b.c "label" { body }` */
export interface Block {
  readonly kind: "Block";
  /** The dotted name, e.g. `prometheus.remote_write`. */
  readonly name: string;
  /** Each part of the dotted name with its own range. */
  readonly nameParts: Identifier[];
  /** The label, or `undefined` when the block has none. */
  readonly label: BlockLabel | undefined;
  readonly body: Statement[];
  /** Range of the `{`. */
  readonly openBrace: Range;
  /** Range of the `}`; empty (start === end) when it is missing in a file with errors. */
  readonly closeBrace: Range;
  readonly range: Range;
}

/** The string label of a block. `value` is without quotes; `range` covers the quotes. */
export interface BlockLabel {
  readonly kind: "BlockLabel";
  readonly value: string;
  readonly raw: string;
  readonly range: Range;
}

export type Expression =
  | Identifier
  | StringLiteral
  | NumberLiteral
  | BoolLiteral
  | NullLiteral
  | ArrayExpression
  | ObjectExpression
  | AccessExpression
  | IndexExpression
  | CallExpression
  | UnaryExpression
  | BinaryExpression
  | ParenExpression
  | BadExpression;

/** An identifier: a reference in an expression, an attribute name, or a part of a block name. */
export interface Identifier {
  readonly kind: "Identifier";
  readonly name: string;
  readonly range: Range;
}

/** A `"quoted"` or `` `raw` `` string. `value` is decoded; `raw` is the source text with its quotes. */
export interface StringLiteral {
  readonly kind: "StringLiteral";
  readonly value: string;
  readonly raw: string;
  readonly isRaw: boolean;
  readonly range: Range;
}

/** An integer (`42`) or float (`1.5`, `.5`, `1e10`). `raw` is the source text. */
export interface NumberLiteral {
  readonly kind: "NumberLiteral";
  readonly value: number;
  readonly raw: string;
  readonly isFloat: boolean;
  readonly range: Range;
}

export interface BoolLiteral {
  readonly kind: "BoolLiteral";
  readonly value: boolean;
  readonly range: Range;
}

export interface NullLiteral {
  readonly kind: "NullLiteral";
  readonly range: Range;
}

/** `[a, b, c]` */
export interface ArrayExpression {
  readonly kind: "ArrayExpression";
  readonly elements: Expression[];
  readonly range: Range;
}

/** `{ key = value, "quoted key" = value }` */
export interface ObjectExpression {
  readonly kind: "ObjectExpression";
  readonly fields: ObjectField[];
  readonly range: Range;
}

/** One `key = value` of an object. `key` is unquoted; `quoted` tells whether it was written as a string. */
export interface ObjectField {
  readonly kind: "ObjectField";
  readonly key: string;
  /** The key as written (with quotes when quoted). */
  readonly keyRaw: string;
  readonly quoted: boolean;
  readonly keyRange: Range;
  readonly value: Expression;
  readonly range: Range;
}

/** `value.name` */
export interface AccessExpression {
  readonly kind: "AccessExpression";
  readonly object: Expression;
  readonly property: Identifier;
  readonly range: Range;
}

/** `value[index]` */
export interface IndexExpression {
  readonly kind: "IndexExpression";
  readonly object: Expression;
  readonly index: Expression;
  readonly range: Range;
}

/** `callee(arg, …)` */
export interface CallExpression {
  readonly kind: "CallExpression";
  readonly callee: Expression;
  readonly args: Expression[];
  readonly range: Range;
}

/** `!operand`, `-operand` */
export interface UnaryExpression {
  readonly kind: "UnaryExpression";
  readonly operator: UnaryOperator;
  readonly operand: Expression;
  readonly range: Range;
}

/** `left op right` */
export interface BinaryExpression {
  readonly kind: "BinaryExpression";
  readonly operator: BinaryOperator;
  readonly operatorRange: Range;
  readonly left: Expression;
  readonly right: Expression;
  readonly range: Range;
}

/** `( expression )` */
export interface ParenExpression {
  readonly kind: "ParenExpression";
  readonly expression: Expression;
  readonly range: Range;
}

/** Stands where an expression could not be parsed (only in files with error diagnostics). */
export interface BadExpression {
  readonly kind: "BadExpression";
  readonly range: Range;
}

export type Node = File | Comment | Statement | BlockLabel | Expression | ObjectField;
export type NodeKind = Node["kind"];

export const isFile = (node: Node): node is File => node.kind === "File";
export const isBlock = (node: Node): node is Block => node.kind === "Block";
export const isAttribute = (node: Node): node is Attribute => node.kind === "Attribute";
export const isStatement = (node: Node): node is Statement => node.kind === "Block" || node.kind === "Attribute";
export const isComment = (node: Node): node is Comment => node.kind === "Comment";
export const isIdentifier = (node: Node): node is Identifier => node.kind === "Identifier";
export const isStringLiteral = (node: Node): node is StringLiteral => node.kind === "StringLiteral";
export const isNumberLiteral = (node: Node): node is NumberLiteral => node.kind === "NumberLiteral";
export const isBoolLiteral = (node: Node): node is BoolLiteral => node.kind === "BoolLiteral";
export const isNullLiteral = (node: Node): node is NullLiteral => node.kind === "NullLiteral";
export const isArrayExpression = (node: Node): node is ArrayExpression => node.kind === "ArrayExpression";
export const isObjectExpression = (node: Node): node is ObjectExpression => node.kind === "ObjectExpression";
export const isObjectField = (node: Node): node is ObjectField => node.kind === "ObjectField";
export const isAccessExpression = (node: Node): node is AccessExpression => node.kind === "AccessExpression";
export const isIndexExpression = (node: Node): node is IndexExpression => node.kind === "IndexExpression";
export const isCallExpression = (node: Node): node is CallExpression => node.kind === "CallExpression";
export const isUnaryExpression = (node: Node): node is UnaryExpression => node.kind === "UnaryExpression";
export const isBinaryExpression = (node: Node): node is BinaryExpression => node.kind === "BinaryExpression";
export const isParenExpression = (node: Node): node is ParenExpression => node.kind === "ParenExpression";
export const isBadExpression = (node: Node): node is BadExpression => node.kind === "BadExpression";

const EXPRESSION_KINDS: ReadonlySet<string> = new Set([
  "Identifier",
  "StringLiteral",
  "NumberLiteral",
  "BoolLiteral",
  "NullLiteral",
  "ArrayExpression",
  "ObjectExpression",
  "AccessExpression",
  "IndexExpression",
  "CallExpression",
  "UnaryExpression",
  "BinaryExpression",
  "ParenExpression",
  "BadExpression",
]);

export const isExpression = (node: Node): node is Expression => EXPRESSION_KINDS.has(node.kind);

/** For exhaustive switches over node kinds. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
