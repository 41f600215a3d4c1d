import type {
  ArrayExpression,
  Attribute,
  Block,
  CallExpression,
  Expression,
  ObjectExpression,
  Range,
  Statement,
} from "@alloy-toolkit/parser";
import { assertNever, endOffset, startOffset } from "@alloy-toolkit/parser";
import { Printer, Space, Tok } from "./printer.js";

/**
 * Walks the AST and feeds the printer Alloy's layout decisions: what goes on one line, where lines break,
 * what is indented and which cells align. Line breaks inside expressions follow the source: an element that
 * starts on a new line in the source starts on a new line in the output.
 */
export class NodePrinter {
  /**
   * Set when a statement or an object field's value spans several source lines but prints on one
   * (`a =⏎ 1`, `x +⏎ y`, `b {⏎}`). Alloy ends alignment runs after multi-line statements and values, judged
   * from the source, so such output may align differently when formatted again: the caller then formats
   * until nothing changes, as Alloy's `.expect` files are its printer's fixpoints.
   */
  joinedLines = false;
  /** Line breaks written when the current statement's or field's first token was. */
  private breaksAtStart = 0;

  constructor(
    private readonly p: Printer,
    private readonly text: string,
  ) {}

  statements(statements: readonly Statement[]): void {
    const p = this.p;
    let previousEndLine = 0;
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i];
      const range = statement.range;
      // Each line is looked up once, in source order, which keeps the printer's line lookups short.
      const start = startOffset(range);
      const startLine = p.lineAt(start);
      // Blocks are always set apart by a blank line; other statements keep one blank line if they had any.
      if (i > 0 && (statement.kind === "Block" || startLine - previousEndLine > 1)) p.space(Space.Formfeed);
      this.statement(statement, start);
      const endLine = p.lineAt(lastOffset(range));
      const multiLine = endLine > startLine;
      if (multiLine && !this.joinedLines && p.lineBreaks === this.breaksAtStart) {
        // An empty block printed as `b { }` sits alone on its line, so whether a run of aligned lines ends after
        // it makes no difference, unless a trailing comment follows it and could align with the next ones.
        if (statement.kind === "Attribute" || this.commentFollowsOnLine(endOffset(range))) {
          this.joinedLines = true;
        }
      }
      // A statement over several lines ends the run of aligned attributes.
      p.space(multiLine ? Space.Formfeed : Space.Newline);
      previousEndLine = endLine;
    }
  }

  /** `start`: the statement's offset. */
  private statement(statement: Statement, start: number): void {
    switch (statement.kind) {
      case "Attribute":
        return this.attribute(statement, start);
      case "Block":
        return this.block(statement, start);
      default:
        return assertNever(statement);
    }
  }

  /** `start`: the attribute's offset, which is its name's. */
  private attribute(attribute: Attribute, start: number): void {
    const p = this.p;
    p.at(start);
    p.token(attribute.name.name);
    this.breaksAtStart = p.lineBreaks;
    p.space(Space.VTab);
    p.token("=");
    p.space(Space.Blank);
    this.expression(attribute.value);
  }

  private block(block: Block, start: number): void {
    const p = this.p;
    p.at(start);
    p.token(block.name);
    this.breaksAtStart = p.lineBreaks;
    // Alloy's tree has no label and an empty one alike (`b "" {}` is `b {}`), and prints neither.
    if (block.label !== undefined && block.label.value !== "") {
      p.space(Space.Blank);
      p.at(startOffset(block.label.range));
      p.stringLiteral(block.label.raw);
    }
    p.space(Space.Blank);
    p.at(startOffset(block.openBrace));
    p.token("{");
    p.space(Space.Indent);
    if (block.body.length > 0) {
      p.space(Space.Formfeed);
      this.statements(block.body);
    } else {
      p.space(Space.Blank);
    }
    p.space(Space.Unindent);
    p.at(startOffset(block.closeBrace));
    p.token("}", Tok.RCurly);
  }

  private expression(expression: Expression): void {
    const p = this.p;
    switch (expression.kind) {
      case "Identifier":
        p.at(startOffset(expression.range));
        p.token(expression.name);
        return;
      case "StringLiteral":
        p.at(startOffset(expression.range));
        p.stringLiteral(expression.raw);
        return;
      case "NumberLiteral":
        p.at(startOffset(expression.range));
        p.token(expression.raw);
        return;
      case "BoolLiteral":
        p.at(startOffset(expression.range));
        p.token(expression.value ? "true" : "false");
        return;
      case "NullLiteral":
        p.at(startOffset(expression.range));
        p.token("null");
        return;
      case "ArrayExpression":
        return this.array(expression);
      case "ObjectExpression":
        return this.object(expression);
      case "AccessExpression":
        this.expression(expression.object);
        p.token(".");
        p.token(expression.property.name);
        return;
      case "IndexExpression":
        this.expression(expression.object);
        p.at(this.findToken(endOffset(expression.object.range), "["));
        p.token("[");
        this.expression(expression.index);
        p.at(endOffset(expression.range) - 1);
        p.token("]", Tok.RBrack);
        return;
      case "CallExpression":
        return this.call(expression);
      case "UnaryExpression":
        p.at(startOffset(expression.range));
        p.token(expression.operator);
        this.expression(expression.operand);
        return;
      case "BinaryExpression":
        this.expression(expression.left);
        p.space(Space.Blank);
        p.at(startOffset(expression.operatorRange));
        p.token(expression.operator);
        p.space(Space.Blank);
        this.expression(expression.right);
        return;
      case "ParenExpression":
        p.trulyAt(startOffset(expression.range));
        p.token("(");
        this.expression(expression.expression);
        p.trulyAt(endOffset(expression.range) - 1);
        p.token(")", Tok.RParen);
        return;
      case "BadExpression":
        // Only in files with parse errors, which are never formatted.
        throw new Error("cannot print a BadExpression");
      default:
        return assertNever(expression);
    }
  }

  private array(array: ArrayExpression): void {
    const p = this.p;
    const open = startOffset(array.range);
    const close = endOffset(array.range) - 1;
    p.at(open);
    p.token("[");
    let previousEnd = open;
    const elements = array.elements;
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i];
      const onNewLine = this.differentLines(previousEnd, startOffset(element.range));
      if (onNewLine) {
        // Indent before the line break so that comments written before the element are indented too.
        p.space(Space.Indent);
        p.space(Space.Formfeed);
      } else if (i > 0) {
        p.space(Space.Blank);
      }
      previousEnd = lastOffset(element.range);
      this.expression(element);
      if (i + 1 < elements.length) p.token(",", Tok.Comma);
      if (onNewLine) p.space(Space.Unindent);
    }
    if (elements.length > 0 && this.differentLines(previousEnd, close)) {
      p.token(",", Tok.Comma);
      p.space(Space.Indent);
      p.space(Space.Formfeed);
      p.space(Space.Unindent);
    }
    p.at(close);
    p.token("]", Tok.RBrack);
  }

  private object(object: ObjectExpression): void {
    const p = this.p;
    const open = startOffset(object.range);
    const close = endOffset(object.range) - 1;
    p.at(open);
    p.token("{");
    p.space(Space.Indent);
    let previousEnd = open;
    let previousValueMultiLine = false;
    const fields = object.fields;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i];
      const keyStart = startOffset(field.keyRange);
      if (this.differentLines(previousEnd, keyStart)) {
        // Keys on consecutive lines align their `=` unless the previous value spanned several lines.
        p.space(i > 0 && !previousValueMultiLine ? Space.Newline : Space.Formfeed);
      } else if (i > 0) {
        p.space(Space.Blank);
      }
      // Alloy measures from the end of the key, not of the value: a field after a value that ends on a later
      // line, and the closing brace, then start a line of their own (with a trailing comma before the brace).
      previousEnd = lastOffset(field.keyRange);
      p.at(keyStart);
      if (field.quoted) p.stringLiteral(field.keyRaw);
      else p.token(field.keyRaw);
      const breaksAtKey = p.lineBreaks;
      p.space(Space.VTab);
      p.token("=");
      p.space(Space.Blank);
      const value = field.value;
      const valueStartLine = p.lineAt(startOffset(value.range));
      this.expression(value);
      const valueMultiLine = p.lineAt(lastOffset(value.range)) > valueStartLine;
      if (valueMultiLine && !this.joinedLines && p.lineBreaks === breaksAtKey) this.joinedLines = true;
      previousValueMultiLine = valueMultiLine;
      if (i + 1 < fields.length) p.token(",", Tok.Comma);
    }
    if (fields.length > 0 && this.differentLines(previousEnd, close)) {
      p.token(",", Tok.Comma);
      p.space(Space.Formfeed);
    }
    p.space(Space.Unindent);
    p.at(close);
    p.token("}", Tok.RCurly);
  }

  private call(call: CallExpression): void {
    const p = this.p;
    this.expression(call.callee);
    const open = this.findToken(endOffset(call.callee.range), "(");
    const close = endOffset(call.range) - 1;
    p.token("(");
    let previousEnd = open;
    const args = call.args;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      const onNewLine = this.differentLines(previousEnd, startOffset(arg.range));
      if (onNewLine) {
        p.space(Space.Formfeed);
        p.space(Space.Indent);
      }
      this.expression(arg);
      previousEnd = lastOffset(arg.range);
      if (i + 1 < args.length) {
        p.token(",", Tok.Comma);
        p.space(Space.Blank);
      }
      if (onNewLine) p.space(Space.Unindent);
    }
    if (this.differentLines(previousEnd, close)) {
      p.token(",", Tok.Comma);
      p.space(Space.Formfeed);
    }
    p.trulyAt(close);
    p.token(")", Tok.RParen);
  }

  private commentFollowsOnLine(from: number): boolean {
    const lineEnd = this.text.indexOf("\n", from);
    return this.text.slice(from, lineEnd === -1 ? this.text.length : lineEnd).includes("/");
  }

  /** Offset of the next `char` at or after `from`, skipping whitespace and comments. */
  private findToken(from: number, char: string): number {
    const text = this.text;
    let i = from;
    while (i < text.length) {
      const c = text[i];
      if (c === char) return i;
      if (c === "/" && text[i + 1] === "/") {
        const end = text.indexOf("\n", i);
        i = end === -1 ? text.length : end;
      } else if (c === "/" && text[i + 1] === "*") {
        const end = text.indexOf("*/", i + 2);
        i = end === -1 ? text.length : end + 2;
      } else {
        i++;
      }
    }
    return from;
  }

  private differentLines(a: number, b: number): boolean {
    return this.p.lineAt(a) !== this.p.lineAt(b);
  }
}

/** Offset of the last character of a range (its start when empty). */
function lastOffset(range: Range): number {
  const end = endOffset(range);
  const start = startOffset(range);
  return end > start ? end - 1 : start;
}
