import type {
  Attribute,
  Block,
  BlockLabel,
  Comment,
  Expression,
  File,
  Identifier,
  ObjectField,
  Statement,
} from "./ast.js";
import type { Diagnostic } from "./diagnostics.js";
import { LineIndex, RangeAnchor, SourceRange, endOffset, startOffset, type Range } from "./positions.js";
import { Scanner, type TokenTable } from "./scanner.js";
import { decodeString, goQuote, isValidIdentifier } from "./strings.js";
import { Tok, binaryPrecedence, tokenName, type BinaryOperator } from "./tokens.js";

/**
 * Blocks, brackets and operators nest at most this deep. Deeper input gets a `parse/nesting-too-deep`
 * diagnostic (the deeper part is skipped) instead of exhausting the stack.
 */
export const MAX_NESTING_DEPTH = 1000;

/** Past every token index (token tables are typed arrays, shorter than this). */
const NO_TOKEN = 0x7fffffff;

export interface ParseOptions {
  /** Used in `File.filename` and by callers formatting diagnostics. Defaults to `"<input>"`. */
  readonly filename?: string;
}

export interface ParseResult {
  /** The AST; partial when there are error diagnostics. */
  readonly ast: File;
  /** Lexical and syntax errors in the order Alloy reports them. Empty for a valid file. */
  readonly diagnostics: Diagnostic[];
  /** Offset ↔ line/column conversion for the parsed text. */
  readonly lineIndex: LineIndex;
}

/** A block name being parsed: `a.b.c "label"`. */
interface BlockName {
  readonly parts: Identifier[];
  readonly label: BlockLabel | undefined;
}

/**
 * Alloy's parser: recursive descent over the scanner's token table, with Alloy's error messages and
 * recovery, so that the first error of a file is the one `alloy fmt` reports. One instance is reused.
 */
class Parser {
  private readonly scanner = new Scanner();
  private tokens!: TokenTable;
  private kinds!: Uint8Array;
  private starts!: Int32Array;
  private ends!: Int32Array;
  private lines!: Int32Array;
  /** The scanned text: the whole text, or for `parseSlice` a copy of the slice (see {@link scanBase}). */
  private text = "";
  private lineIndex!: LineIndex;
  /** The anchor of the ranges being made: the current top-level statement's, else the text's root anchor. */
  private anchor!: RangeAnchor;
  private i = 0;
  private tok: Tok = Tok.EOF;
  private nextScanError = 0;
  /** The token of the next scanner error to report ({@link NO_TOKEN}: none left), so `next` checks one number. */
  private nextScanErrorToken = NO_TOKEN;
  /** The index of the last token (EOF). */
  private lastToken = 0;
  /**
   * Where the scanned text (`text`) starts in the document: 0 for a whole text, the slice's start for
   * `parseSlice`. Token offsets are the document's; the scanner's error offsets and the comments' are the
   * scanned text's.
   */
  private scanBase = 0;
  /**
   * Set by the top-level body loop: whether it stopped at the end of input right after consuming a
   * TERMINATOR, i.e. no statement was still open when the tokens ran out.
   */
  private terminatedAtEnd = true;
  private lastErrorLine = -1;
  private depth = 0;
  /** {@link MAX_NESTING_DEPTH}, or lower when the stack turned out too small for it (see `parse`). */
  maxDepth = MAX_NESTING_DEPTH;
  private diagnostics: Diagnostic[] = [];
  /**
   * One stack shared by every list being built (statements, name parts, elements, fields, arguments): a list
   * pushes its items from `listTop`, and once complete is copied out exact-size and popped. Nested lists are
   * complete before their parent pushes the next item, so each list's items stay contiguous. Building lists
   * this way allocates one array per list instead of a growing array (V8 gives 16 spare slots to the first
   * push) and then an exact-size copy of it.
   */
  private readonly listStack: unknown[] = [];
  private listTop = 0;

  parse(text: string, filename: string): ParseResult {
    const tokens = this.scanner.scan(text);
    this.begin(tokens, text, new LineIndex(text, tokens.lineStarts));
    const body = this.parseTopLevel();
    const comments = this.commentsOf(tokens.comments);
    const ast: File = {
      kind: "File",
      filename,
      body,
      comments,
      range: this.range(0, text.length),
    };
    const result = { ast, diagnostics: this.diagnostics, lineIndex: this.lineIndex };
    this.end();
    return result;
  }

  /**
   * Parses the top-level statements of `text.slice(from, to)` as if it were a whole file, with ranges in
   * `text`'s offsets pointing at `lineIndex`.
   *
   * Without `allowErrors`, returns `undefined` when the slice has any lexical or syntax error. With it, a
   * slice with errors is returned with its diagnostics, unless the slice does not end cleanly before `to`
   * (a statement, string or comment still open when the slice's tokens ran out): then what follows `to`
   * in `text` would change the result, and the caller must parse the whole text.
   */
  parseSlice(text: string, from: number, to: number, lineIndex: LineIndex, allowErrors: boolean): SliceResult | undefined {
    const length = to - from;
    const region = copyOfSlice(text, from, to);
    const tokens = this.scanner.scan(region);
    if (tokens.errors.length > 0 && !allowErrors) return undefined;
    const { starts, ends, count } = tokens;
    for (let k = 0; k < count; k++) {
      starts[k] += from;
      ends[k] += from;
    }
    this.begin(tokens, region, lineIndex, from);
    const body = this.parseTopLevel();
    const diagnostics = this.diagnostics;
    let ok = diagnostics.length === 0;
    if (allowErrors) {
      // The top-level loop must have stopped at the end of input right after consuming a TERMINATOR (the
      // token before EOF), read from a newline or comment in the slice, not the one the scanner adds at the
      // end of input after a token left open (a raw string); and no block comment may run to the end.
      ok =
        to >= text.length ||
        (this.terminatedAtEnd && count >= 2 && starts[count - 2] < to && tokens.comments.every((span) => span.end < length));
    }
    const comments = ok ? this.commentsOf(tokens.comments) : [];
    this.end();
    return ok ? { body, comments, diagnostics } : undefined;
  }

  private begin(tokens: TokenTable, text: string, lineIndex: LineIndex, scanBase = 0): void {
    this.tokens = tokens;
    this.kinds = tokens.kinds;
    this.starts = tokens.starts;
    this.ends = tokens.ends;
    this.lines = tokens.lines;
    this.text = text;
    this.lineIndex = lineIndex;
    this.anchor = lineIndex.rootAnchor;
    this.diagnostics = [];
    this.nextScanError = 0;
    this.nextScanErrorToken = tokens.errors.length > 0 ? tokens.errors[0].tokenIndex : NO_TOKEN;
    this.lastToken = tokens.count - 1;
    this.scanBase = scanBase;
    this.terminatedAtEnd = true;
    this.lastErrorLine = -1;
    this.depth = 0;
    this.listTop = 0;
    this.i = -1;
    this.next();
  }

  private end(): void {
    this.tokens = undefined!;
    this.text = "";
    this.lineIndex = undefined!;
    this.anchor = undefined!;
  }

  /** The comments of the scanned text (`this.text`, offsets relative to it). */
  private commentsOf(spans: readonly { start: number; end: number }[]): Comment[] {
    const text = this.text;
    const base = this.scanBase;
    return spans.map(
      (span): Comment => ({
        kind: "Comment",
        style: text.charCodeAt(span.start + 1) === 42 ? "block" : "line",
        text: text.slice(span.start, span.end),
        range: this.range(span.start + base, span.end + base),
      }),
    );
  }

  // Tokens and positions

  private next(): void {
    if (this.i < this.lastToken) this.i++;
    this.tok = this.kinds[this.i] as Tok;
    if (this.i >= this.nextScanErrorToken) this.reportScanErrors();
  }

  /** Reports the scanner's errors up to the current token, as Alloy does when its parser reaches them. */
  private reportScanErrors(): void {
    const errors = this.tokens.errors;
    while (this.nextScanError < errors.length && errors[this.nextScanError].tokenIndex <= this.i) {
      const e = errors[this.nextScanError++];
      this.diagnostics.push({
        code: e.code,
        severity: "error",
        message: e.message,
        range: this.range(e.offset + this.scanBase, e.offset + this.scanBase + e.length),
      });
    }
    this.nextScanErrorToken = this.nextScanError < errors.length ? errors[this.nextScanError].tokenIndex : NO_TOKEN;
  }

  private range(start: number, end: number): SourceRange {
    return new SourceRange(this.anchor, start, end);
  }

  private rangeOf(i: number): SourceRange {
    return new SourceRange(this.anchor, this.starts[i], this.ends[i]);
  }

  /** A range from the start of token `from` to the end of token `to`. */
  private span(from: number, to: number): SourceRange {
    return new SourceRange(this.anchor, this.starts[from], this.ends[to]);
  }

  private emptyAt(i: number): SourceRange {
    return new SourceRange(this.anchor, this.starts[i], this.starts[i]);
  }

  /** Pushes an item of the list being built (see {@link listStack}). */
  private pushItem(item: unknown): void {
    this.listStack[this.listTop++] = item;
  }

  /** The items pushed since `base`, as an exact-size array; pops them. */
  private takeList<T>(base: number): T[] {
    const top = this.listTop;
    const stack = this.listStack;
    const list = stack.slice(base, top) as T[];
    // Not kept alive by the parser once parsed.
    for (let k = base; k < top; k++) stack[k] = undefined;
    this.listTop = base;
    return list;
  }

  /** Range from the start of `first` to the end of `last`. */
  private cover(first: Range, last: Range): SourceRange {
    return new SourceRange(this.anchor, startOffset(first), endOffset(last));
  }

  private textOf(i: number): string {
    return this.text.slice(this.starts[i] - this.scanBase, this.ends[i] - this.scanBase);
  }

  /** Records a syntax error at the current token; like Alloy, at most one per line. */
  private addError(code: string, message: string): void {
    const line = this.lines[this.i];
    if (line === this.lastErrorLine) return;
    this.lastErrorLine = line;
    this.diagnostics.push({ code, severity: "error", message, range: this.rangeOf(this.i) });
  }

  private addErrorAt(code: string, message: string, range: Range): void {
    this.diagnostics.push({ code, severity: "error", message, range });
  }

  /** Whether the current token is `kind` (a method, so TypeScript does not narrow `tok` across calls). */
  private at(kind: Tok): boolean {
    return this.tok === kind;
  }

  private unexpected(expected: string): void {
    this.addError("parse/unexpected-token", `expected ${expected}, got ${tokenName(this.tok)}`);
  }

  /** Consumes the current token, reporting an error when it is not `kind`. Returns its index. */
  private expect(kind: Tok): number {
    const at = this.i;
    if (this.tok !== kind) this.unexpected(tokenName(kind));
    this.next();
    return at;
  }

  /** Skips tokens up to (not including) `kind` or EOF. */
  private advanceTo(kind: Tok): void {
    while (this.tok !== Tok.EOF && this.tok !== kind) this.next();
  }

  /** Skips the rest of a statement: up to a TERMINATOR outside any bracket pair opened meanwhile. */
  private consumeStatement(): void {
    let curly = 0;
    let brack = 0;
    let paren = 0;
    while (this.tok !== Tok.EOF) {
      switch (this.tok) {
        case Tok.LCURLY:
          curly++;
          break;
        case Tok.RCURLY:
          curly--;
          break;
        case Tok.LBRACK:
          brack++;
          break;
        case Tok.RBRACK:
          brack--;
          break;
        case Tok.LPAREN:
          paren++;
          break;
        case Tok.RPAREN:
          paren--;
          break;
        case Tok.TERMINATOR:
          if (curly <= 0 && brack <= 0 && paren <= 0) return;
          break;
      }
      this.next();
    }
  }

  /**
   * Reports nesting beyond the depth limit and skips the too-deep part: up to the bracket that
   * closes the construct being parsed, or the end of the statement.
   */
  private skipTooDeep(): void {
    this.addError("parse/nesting-too-deep", `nesting too deep: more than ${this.maxDepth} levels`);
    let balance = 0;
    while (this.tok !== Tok.EOF) {
      const tok = this.tok;
      if (tok === Tok.LCURLY || tok === Tok.LBRACK || tok === Tok.LPAREN) balance++;
      else if (tok === Tok.RCURLY || tok === Tok.RBRACK || tok === Tok.RPAREN) {
        if (balance === 0) return;
        balance--;
      } else if (balance === 0 && (tok === Tok.TERMINATOR || tok === Tok.COMMA)) return;
      this.next();
    }
  }

  private badExpression(): Expression {
    return { kind: "BadExpression", range: this.emptyAt(this.i) };
  }

  // Statements

  /**
   * The top-level statements, up to the end of input. Each statement's ranges share an anchor of their own,
   * so that `reparse` can move the statement at once.
   */
  private parseTopLevel(): Statement[] {
    const base = this.listTop;
    let terminated = true;
    while (this.tok !== Tok.EOF) {
      this.anchor = new RangeAnchor(this.lineIndex);
      const statement = this.parseStatement();
      if (statement !== undefined) this.pushItem(statement);
      if (this.at(Tok.EOF)) {
        terminated = false;
        break;
      }
      terminated = this.endStatement();
    }
    this.anchor = this.lineIndex.rootAnchor;
    this.terminatedAtEnd = terminated;
    return this.takeList(base);
  }

  /** The statements of a block body, up to (not including) its `}`. */
  private parseBody(): Statement[] {
    const base = this.listTop;
    while (this.tok !== Tok.RCURLY && this.tok !== Tok.EOF) {
      const statement = this.parseStatement();
      if (statement !== undefined) this.pushItem(statement);
      if (this.at(Tok.RCURLY)) break;
      this.endStatement();
    }
    return this.takeList(base);
  }

  /**
   * After a statement: consumes its TERMINATOR, or reports the tokens before it and skips them. Returns
   * whether it consumed a TERMINATOR (else the input ended).
   */
  private endStatement(): boolean {
    if (this.tok !== Tok.TERMINATOR) {
      this.unexpected("TERMINATOR");
      this.consumeStatement();
    }
    const terminated = this.tok === Tok.TERMINATOR;
    this.next();
    return terminated;
  }

  private parseStatement(): Statement | undefined {
    const first = this.i;
    // `name = value`, the most common statement: no block name to gather.
    if (this.tok === Tok.IDENT && this.kinds[first + 1] === Tok.ASSIGN) {
      const name = this.identifierAt(first);
      this.next();
      this.next();
      return this.attributeValue(first, name);
    }
    const name = this.parseBlockName();
    if (name === undefined) {
      this.advanceTo(Tok.IDENT);
      return undefined;
    }

    if (this.tok === Tok.ASSIGN) {
      this.next();
      if (name.parts.length !== 1) {
        this.addErrorAt(
          "parse/invalid-attribute-name",
          'attribute names may only consist of a single identifier with no "."',
          this.cover(name.parts[0].range, name.parts[name.parts.length - 1].range),
        );
      } else if (name.label !== undefined) {
        this.addErrorAt("parse/invalid-attribute-name", "attribute names may not have labels", name.label.range);
      }
      return this.attributeValue(first, name.parts[0]);
    }

    if (this.tok === Tok.LCURLY) {
      if (this.depth >= this.maxDepth) {
        this.skipTooDeep();
        return undefined;
      }
      const open = this.i;
      this.next();
      this.depth++;
      const body = this.parseBody();
      this.depth--;
      const closeAt = this.i;
      const closed = this.at(Tok.RCURLY);
      this.expect(Tok.RCURLY);
      const closeBrace = closed ? this.rangeOf(closeAt) : this.emptyAt(closeAt);
      const block: Block = {
        kind: "Block",
        name: this.dottedName(name.parts),
        nameParts: name.parts,
        label: name.label,
        body,
        openBrace: this.rangeOf(open),
        closeBrace,
        range: this.range(this.starts[first], closeBrace.endOffset),
      };
      return block;
    }

    // Like Alloy, an empty label (`""`, or an unterminated `"`) still allows an attribute.
    if (name.parts.length === 1 && (name.label === undefined || name.label.raw.length <= 2)) {
      this.unexpected("attribute assignment or block body");
    } else {
      this.unexpected("block body");
    }
    this.advanceTo(Tok.IDENT);
    return undefined;
  }

  /** The value of an attribute named `name` (token `first`), after its `=`, and the attribute. */
  private attributeValue(first: number, name: Identifier): Attribute {
    const value = this.parseExpression();
    return {
      kind: "Attribute",
      name,
      value,
      range: this.range(this.starts[first], Math.max(endOffset(value.range), this.ends[first])),
    };
  }

  private identifierAt(i: number): Identifier {
    return { kind: "Identifier", name: this.textOf(i), range: this.rangeOf(i) };
  }

  private parseBlockName(): BlockName | undefined {
    if (this.tok !== Tok.IDENT) {
      this.unexpected("identifier");
      return undefined;
    }
    const base = this.listTop;
    while (this.tok === Tok.IDENT) {
      this.pushItem(this.identifierAt(this.i));
      this.next();
      if (!this.at(Tok.DOT)) break;
      this.next();
      if (this.tok !== Tok.IDENT) {
        this.unexpected("identifier");
        this.takeList(base);
        return undefined;
      }
    }
    const parts = this.takeList<Identifier>(base);

    let label: BlockLabel | undefined;
    if (!this.at(Tok.ASSIGN) && !this.at(Tok.LCURLY)) {
      if (this.at(Tok.STRING)) {
        const raw = this.textOf(this.i);
        if (raw.charCodeAt(0) !== 34) {
          this.addError(
            "parse/invalid-block-label",
            `expected block label to be a double quoted string, but got ${goQuote(raw)}`,
          );
        } else if (raw.length > 2) {
          const inner = raw.slice(1, -1);
          if (!isValidIdentifier(inner)) {
            this.addError(
              "parse/invalid-block-label",
              `expected block label to be a valid identifier, but got ${goQuote(inner)}`,
            );
          }
        }
        label = { kind: "BlockLabel", value: decodeString(raw), raw, range: this.rangeOf(this.i) };
      } else {
        this.unexpected("block label");
      }
      this.next();
    }
    return { parts, label };
  }

  /** `a.b.c` from the parts of a block name: the source text itself when written without spaces or comments. */
  private dottedName(parts: readonly Identifier[]): string {
    if (parts.length === 1) return parts[0].name;
    const start = startOffset(parts[0].range);
    const end = endOffset(parts[parts.length - 1].range);
    let length = parts.length - 1;
    for (const part of parts) length += part.name.length;
    return end - start === length ? this.text.slice(start - this.scanBase, end - this.scanBase) : parts.map((p) => p.name).join(".");
  }

  // Expressions
  //
  // Each nesting level costs as few stack frames as possible (parseBinary → parseUnary → parseBracketed):
  // prefix operators, `^` chains and postfix chains are loops, not recursion.

  parseExpression(): Expression {
    return this.parseBinary(1);
  }

  /** Precedence climbing over the left-associative operators (`||` … `* / %`), operands via `^` chains. */
  private parseBinary(minPrecedence: number): Expression {
    let left = this.parsePowerChain();
    let chain = 0;
    for (;;) {
      const precedence = binaryPrecedence(this.tok);
      if (precedence < minPrecedence || precedence === 0) return left;
      if (this.depth + ++chain > this.maxDepth) {
        this.skipTooDeep();
        return left;
      }
      const operatorAt = this.i;
      this.next();
      this.depth++;
      const right = this.parseBinary(precedence + 1);
      this.depth--;
      left = {
        kind: "BinaryExpression",
        operator: tokenName(this.kinds[operatorAt] as Tok) as BinaryOperator,
        operatorRange: this.rangeOf(operatorAt),
        left,
        right,
        range: this.cover(left.range, right.range),
      };
    }
  }

  /** `a ^ b ^ c`: right-associative, binding tighter than every other binary operator. */
  private parsePowerChain(): Expression {
    const first = this.parseUnary();
    if (this.tok !== Tok.POW) return first;
    const operands = [first];
    const operators: number[] = [];
    while (this.at(Tok.POW)) {
      if (this.depth + operators.length >= this.maxDepth) {
        this.skipTooDeep();
        break;
      }
      operators.push(this.i);
      this.next();
      operands.push(this.parseUnary());
    }
    let right = operands[operands.length - 1];
    for (let k = operators.length - 1; k >= 0; k--) {
      const left = operands[k];
      right = {
        kind: "BinaryExpression",
        operator: "^",
        operatorRange: this.rangeOf(operators[k]),
        left,
        right,
        range: this.cover(left.range, right.range),
      };
    }
    return right;
  }

  /** Prefix operators, a primary expression, then its `.name`, `[index]` and `(args)` suffixes. */
  private parseUnary(): Expression {
    let prefixes: number[] | undefined;
    while (this.tok === Tok.NOT || this.tok === Tok.SUB) {
      prefixes ??= [];
      if (this.depth + prefixes.length >= this.maxDepth) {
        const bad = this.badExpression();
        this.skipTooDeep();
        return bad;
      }
      prefixes.push(this.i);
      this.next();
    }

    let expression = this.parsePrimary();
    let chain = prefixes?.length ?? 0;
    suffixes: for (;;) {
      const tok = this.tok;
      if (tok !== Tok.DOT && tok !== Tok.LBRACK && tok !== Tok.LPAREN && tok !== Tok.STRING && tok !== Tok.LCURLY) {
        break;
      }
      if (this.depth + ++chain > this.maxDepth) {
        this.skipTooDeep();
        break;
      }
      switch (tok) {
        case Tok.DOT: {
          this.next();
          const nameAt = this.expect(Tok.IDENT);
          const property: Identifier = { kind: "Identifier", name: this.textOf(nameAt), range: this.rangeOf(nameAt) };
          expression = {
            kind: "AccessExpression",
            object: expression,
            property,
            range: this.cover(expression.range, property.range),
          };
          break;
        }
        case Tok.LBRACK: {
          this.next();
          this.depth++;
          const index = this.parseBinary(1);
          this.depth--;
          const close = this.expect(Tok.RBRACK);
          expression = {
            kind: "IndexExpression",
            object: expression,
            index,
            range: this.range(startOffset(expression.range), this.ends[close]),
          };
          break;
        }
        case Tok.LPAREN: {
          this.next();
          this.depth++;
          const args = this.tok !== Tok.RPAREN ? this.parseExpressionList(Tok.RPAREN) : [];
          this.depth--;
          const close = this.expect(Tok.RPAREN);
          expression = {
            kind: "CallExpression",
            callee: expression,
            args,
            range: this.range(startOffset(expression.range), this.ends[close]),
          };
          break;
        }
        default:
          this.parseBlockUsedAsExpression(expression);
          break suffixes;
      }
    }

    if (prefixes !== undefined) {
      for (let k = prefixes.length - 1; k >= 0; k--) {
        const operatorAt = prefixes[k];
        expression = {
          kind: "UnaryExpression",
          operator: this.kinds[operatorAt] === Tok.NOT ? "!" : "-",
          operand: expression,
          range: this.range(this.starts[operatorAt], endOffset(expression.range)),
        };
      }
    }
    return expression;
  }

  /**
   * `attr = prometheus.remote_write "x" { … }`: a block written where an expression belongs. Alloy reports
   * it at the start of the expression and skips the block.
   */
  private parseBlockUsedAsExpression(expression: Expression): void {
    if (this.tok === Tok.STRING) this.next();
    if (this.tok !== Tok.LCURLY) {
      this.expect(Tok.LCURLY);
      return;
    }
    this.addErrorAt("parse/block-as-expression", "cannot use a block as an expression", expression.range);
    if (this.depth >= this.maxDepth) {
      this.skipTooDeep();
      return;
    }
    this.next();
    this.depth++;
    this.parseBody();
    this.depth--;
    this.expect(Tok.RCURLY);
  }

  private parsePrimary(): Expression {
    const at = this.i;
    switch (this.tok) {
      case Tok.IDENT:
        this.next();
        return this.identifierAt(at);
      case Tok.STRING: {
        this.next();
        const raw = this.textOf(at);
        return {
          kind: "StringLiteral",
          value: decodeString(raw),
          raw,
          isRaw: raw.charCodeAt(0) === 96,
          range: this.rangeOf(at),
        };
      }
      case Tok.NUMBER:
      case Tok.FLOAT: {
        this.next();
        const raw = this.textOf(at);
        return { kind: "NumberLiteral", value: Number(raw), raw, isFloat: this.kinds[at] === Tok.FLOAT, range: this.rangeOf(at) };
      }
      case Tok.BOOL:
        this.next();
        return { kind: "BoolLiteral", value: this.text.charCodeAt(this.starts[at] - this.scanBase) === 116, range: this.rangeOf(at) };
      case Tok.NULL:
        this.next();
        return { kind: "NullLiteral", range: this.rangeOf(at) };
      case Tok.LPAREN:
      case Tok.LBRACK:
      case Tok.LCURLY:
        return this.parseBracketed(at);
    }
    this.unexpected("expression");
    const bad = this.badExpression();
    while (
      this.tok !== Tok.EOF &&
      this.tok !== Tok.TERMINATOR &&
      this.tok !== Tok.RPAREN &&
      this.tok !== Tok.RCURLY &&
      this.tok !== Tok.RBRACK &&
      this.tok !== Tok.COMMA
    ) {
      this.next();
    }
    return bad;
  }

  /** `( expression )`, `[ elements ]` or `{ fields }`, with the lists parsed inline to keep the stack shallow. */
  private parseBracketed(open: number): Expression {
    if (this.depth >= this.maxDepth) {
      const bad = this.badExpression();
      this.skipTooDeep();
      return bad;
    }
    const tok = this.tok;
    this.next();
    this.depth++;
    let expression: Expression;
    if (tok === Tok.LPAREN) {
      const inner = this.parseBinary(1);
      const close = this.expect(Tok.RPAREN);
      expression = { kind: "ParenExpression", expression: inner, range: this.span(open, close) };
    } else if (tok === Tok.LBRACK) {
      const base = this.listTop;
      while (this.tok !== Tok.RBRACK && this.tok !== Tok.EOF) {
        this.pushItem(this.parseBinary(1));
        if (this.at(Tok.RBRACK)) break;
        if (!this.at(Tok.COMMA)) this.addError("parse/missing-comma", "missing ',' in expression list");
        this.next();
      }
      const close = this.expect(Tok.RBRACK);
      expression = { kind: "ArrayExpression", elements: this.takeList(base), range: this.span(open, close) };
    } else {
      const base = this.listTop;
      while (this.tok !== Tok.RCURLY && this.tok !== Tok.EOF) {
        this.pushItem(this.parseField());
        if (this.at(Tok.RCURLY)) break;
        if (!this.at(Tok.COMMA)) this.addError("parse/missing-comma", "missing ',' in field list");
        this.next();
      }
      const close = this.expect(Tok.RCURLY);
      expression = { kind: "ObjectExpression", fields: this.takeList(base), range: this.span(open, close) };
    }
    this.depth--;
    return expression;
  }

  private parseExpressionList(until: Tok): Expression[] {
    const base = this.listTop;
    while (this.tok !== until && this.tok !== Tok.EOF) {
      this.pushItem(this.parseBinary(1));
      if (this.tok === until) break;
      if (this.tok !== Tok.COMMA) this.addError("parse/missing-comma", "missing ',' in expression list");
      this.next();
    }
    return this.takeList(base);
  }

  private parseField(): ObjectField {
    const at = this.i;
    let key = "";
    let keyRaw = "";
    let quoted = false;
    let keyRange: Range;
    if (this.tok === Tok.STRING || this.tok === Tok.IDENT) {
      keyRaw = this.textOf(at);
      quoted = this.tok === Tok.STRING;
      key = quoted ? decodeString(keyRaw) : keyRaw;
      keyRange = this.rangeOf(at);
      this.next();
    } else {
      this.unexpected("field name (string or identifier)");
      keyRange = this.emptyAt(at);
      this.advanceTo(Tok.ASSIGN);
    }
    this.expect(Tok.ASSIGN);
    const value = this.parseExpression();
    const range = this.range(startOffset(keyRange), Math.max(endOffset(value.range), endOffset(keyRange)));
    return { kind: "ObjectField", key, keyRaw, quoted, keyRange, value, range };
  }
}

const sharedParser = new Parser();
const STACK_SAFE_DEPTHS = [MAX_NESTING_DEPTH, 250, 60];

/** Runs `run` on the shared parser, lowering the nesting limit when the stack turns out too small for it. */
function withStackSafeDepth<T>(run: (parser: Parser) => T): T {
  for (const depth of STACK_SAFE_DEPTHS) {
    sharedParser.maxDepth = depth;
    try {
      return run(sharedParser);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    } finally {
      sharedParser.maxDepth = MAX_NESTING_DEPTH;
    }
  }
  throw new RangeError("the call stack is too small to parse Alloy files");
}

/** What {@link parseSlice} gives: the slice's top-level statements, comments and diagnostics. @internal */
export interface SliceResult {
  readonly body: Statement[];
  readonly comments: Comment[];
  readonly diagnostics: Diagnostic[];
}

/**
 * `text.slice(from, to)` in a string of its own. V8 makes a slice of 13 characters or more point into the
 * whole string, and so would every name and comment the parser slices from it: the statements `reparse`
 * parses again would keep each version of the text they were parsed from alive. A string built by
 * concatenation is copied into a flat string of its own when first read, and slices point into that copy.
 */
function copyOfSlice(text: string, from: number, to: number): string {
  const copy = " " + text.slice(from, to);
  return copy.slice(1);
}

/**
 * The top-level statements, comments and diagnostics of `text.slice(from, to)`, parsed on their own with
 * ranges in `text`; `undefined` when that slice has an error (or, with `allowErrors`, when it does not end
 * cleanly: see `Parser.parseSlice`). Used by `reparse`.
 * @internal
 */
export function parseSlice(text: string, from: number, to: number, lineIndex: LineIndex, allowErrors = false): SliceResult | undefined {
  return withStackSafeDepth((parser) => parser.parseSlice(text, from, to, lineIndex, allowErrors));
}

/**
 * Parses an Alloy (River) file. Never throws: problems come back as `diagnostics` (in Alloy's order and
 * wording) next to a partial AST.
 */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  const filename = options.filename ?? "<input>";
  // The limit fits Node's default stack; a host with a smaller stack (a worker, an embedder) gets a lower one.
  return withStackSafeDepth((parser) => parser.parse(text, filename));
}
