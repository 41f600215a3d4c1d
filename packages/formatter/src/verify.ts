import type { Comment, Expression, File, Node, Range, Statement } from "@alloy-toolkit/parser";
import { assertNever, endOffset, startOffset } from "@alloy-toolkit/parser";
import { commentTextAsAlloyKeepsIt } from "./comments.js";

/**
 * Safety checks around Alloy's layout algorithm. It places comments by source position, which is exact for
 * comments between statements and between the elements of arrays and objects, but a comment
 * inside an expression (between `foo` and `(`, after `=`, around an operator) can end up where it changes the
 * parse or moves on the next run. Files with such comments are checked after formatting (see `format.ts`).
 */

/** Whether some comment sits inside an expression or block header rather than between statements or elements. */
export function hasCommentsInsideExpressions(file: File): boolean {
  const comments = file.comments;
  const body = file.body;
  // Comments and statements are both in source order, so a cursor finds each comment's top-level statement.
  let next = 0;
  for (let i = 0; i < comments.length; i++) {
    const offset = startOffset(comments[i].range);
    while (next < body.length && endOffset(body[next].range) <= offset) next++;
    if (next === body.length) return false;
    const statement = body[next];
    if (startOffset(statement.range) <= offset && !isBetweenItemsOf(statement, offset)) return true;
  }
  return false;
}

function contains(range: Range, offset: number): boolean {
  return startOffset(range) <= offset && offset < endOffset(range);
}

/** The item of a sorted list whose range holds `offset`, if any. */
function itemAt<T extends { range: Range }>(items: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid];
    if (offset < startOffset(item.range)) hi = mid - 1;
    else if (offset >= endOffset(item.range)) lo = mid + 1;
    else return item;
  }
  return undefined;
}

/** Whether an offset inside a statement's range is between the statements or elements it holds. */
function isBetweenItemsOf(statement: Statement, offset: number): boolean {
  for (;;) {
    if (statement.kind === "Attribute") {
      return contains(statement.value.range, offset) && isBetweenElements(statement.value, offset);
    }
    if (offset < endOffset(statement.openBrace)) return false;
    const inner = itemAt(statement.body, offset);
    if (inner === undefined) return true;
    statement = inner;
  }
}

function isBetweenElements(expression: Expression, offset: number): boolean {
  let node: Expression = expression;
  for (;;) {
    switch (node.kind) {
      case "ArrayExpression": {
        const element = itemAt(node.elements, offset);
        if (element === undefined) return true;
        node = element;
        continue;
      }
      case "ObjectExpression": {
        const field = itemAt(node.fields, offset);
        if (field === undefined) return true;
        if (!contains(field.value.range, offset)) return false;
        node = field.value;
        continue;
      }
      case "CallExpression": {
        if (offset < endOffset(node.callee.range)) {
          node = node.callee;
          continue;
        }
        // Alloy positions a call's parentheses only approximately: a comment between arguments may move.
        const arg = itemAt(node.args, offset);
        if (arg === undefined) return false;
        node = arg;
        continue;
      }
      case "Identifier":
      case "StringLiteral":
      case "NumberLiteral":
      case "BoolLiteral":
      case "NullLiteral":
      case "AccessExpression":
      case "IndexExpression":
      case "UnaryExpression":
      case "BinaryExpression":
      case "ParenExpression":
      case "BadExpression":
        return false;
      default:
        return assertNever(node);
    }
  }
}

/**
 * A text that identifies a file's tree without positions, plus each comment with the statement it belongs
 * to: equal signatures mean the same program with the same comments at the same places.
 */
export function signature(file: File): string {
  const parts: string[] = [];
  shape(file, parts);
  parts.push("#comments");
  for (const comment of file.comments) parts.push(commentPlace(file, comment), commentTextAsAlloyKeepsIt(comment));
  return parts.join("\u0000");
}

function shape(node: Node, parts: string[]): void {
  switch (node.kind) {
    case "File":
      parts.push("F", String(node.body.length));
      for (const statement of node.body) shape(statement, parts);
      return;
    case "Block":
      // The label's value: Alloy's tree does not tell an empty label from none.
      parts.push("B", node.name, node.label?.value ?? "", String(node.body.length));
      for (const statement of node.body) shape(statement, parts);
      return;
    case "Attribute":
      parts.push("A", node.name.name);
      shape(node.value, parts);
      return;
    case "Identifier":
      parts.push("I", node.name);
      return;
    case "StringLiteral":
      parts.push("S", node.raw);
      return;
    case "NumberLiteral":
      parts.push("N", node.raw);
      return;
    case "BoolLiteral":
      parts.push(node.value ? "T" : "0");
      return;
    case "NullLiteral":
      parts.push("null");
      return;
    case "ArrayExpression":
      parts.push("[", String(node.elements.length));
      for (const element of node.elements) shape(element, parts);
      return;
    case "ObjectExpression":
      parts.push("{", String(node.fields.length));
      for (const field of node.fields) shape(field, parts);
      return;
    case "ObjectField":
      parts.push("=", node.keyRaw);
      shape(node.value, parts);
      return;
    case "AccessExpression":
      parts.push(".", node.property.name);
      shape(node.object, parts);
      return;
    case "IndexExpression":
      parts.push("[]");
      shape(node.object, parts);
      shape(node.index, parts);
      return;
    case "CallExpression":
      parts.push("()", String(node.args.length));
      shape(node.callee, parts);
      for (const arg of node.args) shape(arg, parts);
      return;
    case "UnaryExpression":
      parts.push("u", node.operator);
      shape(node.operand, parts);
      return;
    case "BinaryExpression":
      parts.push("b", node.operator);
      shape(node.left, parts);
      shape(node.right, parts);
      return;
    case "ParenExpression":
      parts.push("p");
      shape(node.expression, parts);
      return;
    case "Comment":
    case "BlockLabel":
    case "BadExpression":
      parts.push(node.kind);
      return;
    default:
      return assertNever(node);
  }
}

/** Path of the innermost statement holding the comment, and how many statements of its body precede it. */
function commentPlace(file: File, comment: Comment): string {
  const offset = startOffset(comment.range);
  let statements: readonly Statement[] = file.body;
  let path = "";
  for (;;) {
    let before = 0;
    while (before < statements.length && endOffset(statements[before].range) <= offset) before++;
    const statement = statements[before];
    if (statement === undefined || offset < startOffset(statement.range)) return `${path}@${before}`;
    path += `${before}/`;
    if (statement.kind === "Attribute" || offset < endOffset(statement.openBrace)) return path;
    statements = statement.body;
  }
}
