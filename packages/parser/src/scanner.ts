import { Tok, endsStatementBeforeNewline } from "./tokens.js";

/** An error found while scanning, reported when the parser reaches token `tokenIndex`. */
export interface ScanError {
  readonly tokenIndex: number;
  readonly offset: number;
  /** Length of the offending text (at least 1, 0 at the end of input). */
  readonly length: number;
  readonly code: string;
  readonly message: string;
}

/** Start and end offsets of one comment. */
export interface CommentSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * The tokens of one text, kept in parallel typed arrays (no object per token): kind, start and end offset,
 * 1-based line and column of the start. A TERMINATOR is inserted where a newline ends a statement, as
 * Alloy's scanner does; its span is empty. The last token is always EOF. A scan without positions (see
 * {@link Scanner.scan}) leaves `lines`, `columns` and `lineStarts` unfilled.
 */
export interface TokenTable {
  readonly text: string;
  readonly count: number;
  readonly kinds: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly lines: Int32Array;
  readonly columns: Int32Array;
  readonly comments: CommentSpan[];
  readonly lineStarts: number[];
  readonly errors: ScanError[];
}

const CH_TAB = 9;
const CH_LF = 10;
const CH_CR = 13;
const CH_SPACE = 32;
const CH_BOM = 0xfeff;

const ASCII_LETTER = new Uint8Array(128);
const ASCII_DIGIT = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII_LETTER[c] = /[A-Za-z_]/.test(ch) ? 1 : 0;
  ASCII_DIGIT[c] = /[0-9]/.test(ch) ? 1 : 0;
}
const UNICODE_LETTER = /\p{L}/u;
const UNICODE_DIGIT = /\p{Nd}/u;

function isLetterAt(text: string, pos: number, c: number): boolean {
  if (c < 128) return ASCII_LETTER[c] === 1;
  return UNICODE_LETTER.test(String.fromCodePoint(text.codePointAt(pos)!));
}

function isLetterOrDigitAt(text: string, pos: number, c: number): boolean {
  if (c < 128) return ASCII_LETTER[c] === 1 || ASCII_DIGIT[c] === 1;
  const ch = String.fromCodePoint(text.codePointAt(pos)!);
  return UNICODE_LETTER.test(ch) || UNICODE_DIGIT.test(ch);
}

function isDecimal(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** Go's `%#U` of a code point: `U+003A ':'`, or `U+0000` when it is not printable. */
export function describeCodePoint(codePoint: number): string {
  const hex = codePoint.toString(16).toUpperCase().padStart(4, "0");
  const ch = String.fromCodePoint(codePoint);
  const printable = !/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u.test(ch) && (codePoint === 32 || !/\s/u.test(ch));
  return printable ? `U+${hex} '${ch}'` : `U+${hex}`;
}

/**
 * Alloy's scanner. One instance is reused for every text: its arrays only grow.
 * Call {@link Scanner.scan}; the returned table is valid until the next call.
 */
export class Scanner {
  private text = "";
  private pos = 0;
  private count = 0;
  private kinds = new Uint8Array(1024);
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private lines = new Int32Array(1024);
  private columns = new Int32Array(1024);
  private line = 1;
  private lineStart = 0;
  /** Line and line start where the token being scanned begins (a raw string may span lines). */
  private tokenLine = 1;
  private tokenLineStart = 0;
  private lineStarts: number[] = [0];
  private comments: CommentSpan[] = [];
  private errors: ScanError[] = [];
  /**
   * Whether the text holds a NUL, or a byte order mark past its first character: Alloy's scanner reports each
   * time it reads one (see {@link addReadErrors}), which only then needs the read order of the errors.
   */
  private hasReadErrors = false;
  /** For each error, when Alloy's scanner reports it within its token's scan (see {@link addReadErrors}). */
  private errorTimes: number[] = [];
  /** Whether the text starts with a byte order mark that Alloy's scanner skips. */
  private leadingBom = false;
  /** The last position `commentEndsLine` read, as Alloy's `findLineEnd` reads it. */
  private lookaheadEnd = 0;
  /** Whether this scan records each token's line and column and the line starts. */
  private positions = true;

  /**
   * Scans `text`. `wholeText` false scans a slice from the middle of a text (for `reparse`): a byte order
   * mark at its start is then an error like anywhere else, not the text's leading one (which is skipped).
   * `positions` false leaves out the tokens' lines and columns and the line starts, for a reader that needs
   * only the tokens' kinds and offsets (`statementCuts`).
   */
  scan(text: string, wholeText = true, positions = true): TokenTable {
    this.text = text;
    this.positions = positions;
    this.pos = 0;
    this.count = 0;
    this.line = 1;
    this.lineStart = 0;
    this.lineStarts = [0];
    this.comments = [];
    this.errors = [];
    this.errorTimes = [];
    this.leadingBom = wholeText && text.charCodeAt(0) === CH_BOM;
    this.hasReadErrors = text.indexOf("\0") !== -1 || text.indexOf("\uFEFF", this.leadingBom ? 1 : 0) !== -1;
    const capacity = Math.max(1024, (text.length >> 2) + 16);
    if (this.kinds.length < capacity) this.allocate(capacity);
    if (this.leadingBom) this.pos = 1;
    this.run();
    if (this.hasReadErrors) this.addReadErrors();
    return {
      text,
      count: this.count,
      kinds: this.kinds,
      starts: this.starts,
      ends: this.ends,
      lines: this.lines,
      columns: this.columns,
      comments: this.comments,
      lineStarts: this.lineStarts,
      errors: this.errors,
    };
  }

  private allocate(capacity: number): void {
    const grow = <T extends Uint8Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old.subarray(0, this.count));
      return next;
    };
    this.kinds = grow(this.kinds, (n) => new Uint8Array(n));
    this.starts = grow(this.starts, (n) => new Int32Array(n));
    this.ends = grow(this.ends, (n) => new Int32Array(n));
    this.lines = grow(this.lines, (n) => new Int32Array(n));
    this.columns = grow(this.columns, (n) => new Int32Array(n));
  }

  private emit(kind: Tok, start: number, end: number): void {
    if (this.count === this.kinds.length) this.allocate(this.kinds.length * 2);
    const i = this.count++;
    this.kinds[i] = kind;
    this.starts[i] = start;
    this.ends[i] = end;
    if (this.positions) {
      this.lines[i] = this.tokenLine;
      this.columns[i] = start - this.tokenLineStart + 1;
    }
  }

  /**
   * Records an error of the token being scanned. `readAt` is the last position Alloy's scanner has read when it
   * reports the error (it reads one character ahead): it orders the error among the NUL and byte order mark
   * errors of the same token (see {@link addReadErrors}).
   */
  private error(offset: number, length: number, code: string, message: string, readAt: number): void {
    this.errors.push({ tokenIndex: this.count, offset, length, code, message });
    this.errorTimes.push(readAt + 0.5);
  }

  /**
   * Alloy's scanner reports "illegal character NUL" and "illegal byte order mark" each time it reads such a
   * character: inside strings and comments too, and twice in a block comment it reads ahead of (to decide
   * whether a newline ends the statement before it). It reads one character ahead of the token it returns,
   * so a character right after a token is reported with that token, before the next. This adds those errors
   * to the token whose scan reads the character, in the order Alloy reports them.
   */
  private addReadErrors(): void {
    const text = this.text;
    const { kinds, starts, ends, count } = this;
    // readEnd(j): the last position Alloy's scanner has read once it returns token j.
    const readEnd = (j: number): number => {
      if (kinds[j] === Tok.EOF) return text.length;
      if (kinds[j] !== Tok.TERMINATOR) return ends[j];
      const at = starts[j];
      if (at >= text.length) return at;
      return text.charCodeAt(at) === CH_LF ? at + 1 : at;
    };
    // Characters read before the first token: the first one, and the one after a leading byte order mark.
    const readFirst = this.leadingBom ? 1 : 0;
    let token = 0;
    let tokenEnd = readEnd(0);
    for (let at = 0; at < text.length; at++) {
      const c = text.charCodeAt(at);
      if (c !== 0 && (c !== CH_BOM || (at === 0 && this.leadingBom))) continue;
      while (at > tokenEnd && token < count - 1) tokenEnd = readEnd(++token);
      this.errors.push({ tokenIndex: token, offset: at, length: 1, code: "parse/illegal-character", message: readErrorMessage(c) });
      this.errorTimes.push(at <= readFirst ? -1 : at);
    }
    const order = this.errors.map((_, k) => k);
    const errors = this.errors;
    const times = this.errorTimes;
    order.sort((a, b) => errors[a].tokenIndex - errors[b].tokenIndex || times[a] - times[b] || a - b);
    this.errors = order.map((k) => errors[k]);
  }

  /** Errors for the NUL and byte order mark characters `commentEndsLine` read, reported with token `tokenIndex`. */
  private addLookaheadReadErrors(from: number, to: number, tokenIndex: number, first: boolean): void {
    const text = this.text;
    for (let at = from; at <= to && at < text.length; at++) {
      const c = text.charCodeAt(at);
      if (c !== 0 && c !== CH_BOM) continue;
      this.errors.push({ tokenIndex, offset: at, length: 1, code: "parse/illegal-character", message: readErrorMessage(c) });
      // Read again when the comment itself is scanned, with the same token: these come first.
      this.errorTimes.push(first ? from - 1 + (0.5 * (at - from + 1)) / (to - from + 2) : at);
    }
  }

  private newline(at: number): void {
    this.line++;
    this.lineStart = at + 1;
    if (this.positions) this.lineStarts.push(at + 1);
  }

  private run(): void {
    const text = this.text;
    const length = text.length;
    let insertTerm = false;

    for (;;) {
      let c = text.charCodeAt(this.pos);
      while (c === CH_SPACE || c === CH_TAB || c === CH_CR || (c === CH_LF && !insertTerm)) {
        if (c === CH_LF) this.newline(this.pos);
        c = text.charCodeAt(++this.pos);
      }
      const start = this.pos;
      this.tokenLine = this.line;
      this.tokenLineStart = this.lineStart;
      if (start >= length) {
        if (insertTerm) this.emit(Tok.TERMINATOR, length, length);
        this.emit(Tok.EOF, length, length);
        return;
      }

      if (c === CH_LF) {
        this.emit(Tok.TERMINATOR, start, start);
        this.newline(start);
        this.pos++;
        insertTerm = false;
        continue;
      }

      if (c < 128 ? ASCII_LETTER[c] === 1 : isLetterAt(text, start, c)) {
        this.scanIdentifier();
        const len = this.pos - start;
        let kind = Tok.IDENT;
        if (len === 4) {
          if (text.startsWith("true", start)) kind = Tok.BOOL;
          else if (text.startsWith("null", start)) kind = Tok.NULL;
        } else if (len === 5 && text.startsWith("false", start)) kind = Tok.BOOL;
        this.emit(kind, start, this.pos);
        insertTerm = true;
        continue;
      }

      if (isDecimal(c) || (c === 46 /* . */ && isDecimal(text.charCodeAt(start + 1)))) {
        this.emit(this.scanNumber(), start, this.pos);
        insertTerm = true;
        continue;
      }

      let kind: Tok;
      this.pos++;
      const next = text.charCodeAt(this.pos);
      switch (c) {
        case 34 /* " */:
          this.scanString(start, 34);
          kind = Tok.STRING;
          break;
        case 96 /* ` */:
          this.scanRawString(start);
          kind = Tok.STRING;
          break;
        case 39 /* ' */:
          // An ILLEGAL token after which a newline ends the statement, as Alloy scans it.
          this.error(start, 1, "parse/single-quoted-string", "illegal single-quoted string; use double quotes", start + 1);
          this.scanString(start, 39);
          this.emit(Tok.ILLEGAL, start, this.pos);
          insertTerm = true;
          continue;
        case 47 /* / */:
          if (next === 47 || next === 42) {
            if (insertTerm) {
              const endsLine = this.commentEndsLine(start);
              if (this.hasReadErrors) this.addLookaheadReadErrors(start + 2, this.lookaheadEnd, this.count, !endsLine);
              if (endsLine) {
                this.pos = start;
                this.emit(Tok.TERMINATOR, start, start);
                insertTerm = false;
                continue;
              }
            }
            this.scanComment(start, next === 42);
            insertTerm = false;
            continue;
          }
          kind = Tok.DIV;
          break;
        case 61 /* = */:
          kind = next === 61 ? (this.pos++, Tok.EQ) : Tok.ASSIGN;
          break;
        case 33 /* ! */:
          kind = next === 61 ? (this.pos++, Tok.NEQ) : Tok.NOT;
          break;
        case 60 /* < */:
          kind = next === 61 ? (this.pos++, Tok.LTE) : Tok.LT;
          break;
        case 62 /* > */:
          kind = next === 61 ? (this.pos++, Tok.GTE) : Tok.GT;
          break;
        case 38 /* & */:
          if (next === 38) this.pos++;
          else this.error(this.pos, 1, "parse/incomplete-operator", "missing second & in &&", this.pos);
          kind = Tok.AND;
          break;
        case 124 /* | */:
          if (next === 124) this.pos++;
          else this.error(this.pos, 1, "parse/incomplete-operator", "missing second | in ||", this.pos);
          kind = Tok.OR;
          break;
        case 43:
          kind = Tok.ADD;
          break;
        case 45:
          kind = Tok.SUB;
          break;
        case 42:
          kind = Tok.MUL;
          break;
        case 37:
          kind = Tok.MOD;
          break;
        case 94:
          kind = Tok.POW;
          break;
        case 123:
          kind = Tok.LCURLY;
          break;
        case 125:
          kind = Tok.RCURLY;
          break;
        case 40:
          kind = Tok.LPAREN;
          break;
        case 41:
          kind = Tok.RPAREN;
          break;
        case 91:
          kind = Tok.LBRACK;
          break;
        case 93:
          kind = Tok.RBRACK;
          break;
        case 44:
          kind = Tok.COMMA;
          break;
        case 46:
          kind = Tok.DOT;
          break;
        default: {
          const codePoint = text.codePointAt(start)!;
          if (codePoint > 0xffff) this.pos++;
          // A NUL or a byte order mark was reported as it was read (see addReadErrors); a NUL is also an
          // illegal character, as Alloy reports it.
          if (codePoint !== CH_BOM) {
            this.error(start, this.pos - start, "parse/illegal-character", `illegal character ${describeCodePoint(codePoint)}`, this.pos);
          }
          // An illegal character keeps the statement-ending state it found, as Alloy does.
          this.emit(Tok.ILLEGAL, start, this.pos);
          continue;
        }
      }
      this.emit(kind, start, this.pos);
      insertTerm = endsStatementBeforeNewline(kind);
    }
  }

  private scanIdentifier(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c < 128) {
        if (ASCII_LETTER[c] === 1 || ASCII_DIGIT[c] === 1) {
          pos++;
          continue;
        }
        break;
      }
      if (Number.isNaN(c) || !isLetterOrDigitAt(text, pos, c)) break;
      pos += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
    this.pos = pos;
  }

  private scanDigits(): number {
    const text = this.text;
    const from = this.pos;
    while (isDecimal(text.charCodeAt(this.pos))) this.pos++;
    return this.pos - from;
  }

  private scanNumber(): Tok {
    const text = this.text;
    const start = this.pos;
    let kind = Tok.NUMBER;
    this.scanDigits();
    if (text.charCodeAt(this.pos) === 46 /* . */) {
      kind = Tok.FLOAT;
      this.pos++;
      this.scanDigits();
    }
    const e = text.charCodeAt(this.pos);
    if (e === 101 || e === 69) {
      kind = Tok.FLOAT;
      this.pos++;
      const sign = text.charCodeAt(this.pos);
      if (sign === 43 || sign === 45) this.pos++;
      // Reported at the number's start, as Alloy does.
      if (this.scanDigits() === 0) this.error(start, this.pos - start, "parse/invalid-number", "exponent has no digits", this.pos);
    }
    return kind;
  }

  private scanString(start: number, quote: number): void {
    const text = this.text;
    const length = text.length;
    for (;;) {
      if (this.pos >= length || text.charCodeAt(this.pos) === CH_LF) {
        this.error(start, this.pos - start, "parse/unterminated-string", "string literal not terminated", this.pos);
        return;
      }
      const c = text.charCodeAt(this.pos++);
      if (c === quote) return;
      if (c === 92 /* \ */) this.scanEscape();
    }
  }

  private scanEscape(): void {
    const text = this.text;
    const offset = this.pos;
    const c = text.charCodeAt(offset);
    let digits: number;
    let base: number;
    let max: number;
    switch (c) {
      case 97: // a
      case 98: // b
      case 102: // f
      case 110: // n
      case 114: // r
      case 116: // t
      case 118: // v
      case 92: // \
      case 34: // "
        this.pos++;
        return;
      case 120: // x
        this.pos++;
        [digits, base, max] = [2, 16, 255];
        break;
      case 117: // u
        this.pos++;
        [digits, base, max] = [4, 16, 0x10ffff];
        break;
      case 85: // U
        this.pos++;
        [digits, base, max] = [8, 16, 0x10ffff];
        break;
      default:
        if (c >= 48 && c <= 55) {
          [digits, base, max] = [3, 8, 255];
          break;
        }
        this.error(
          offset,
          1,
          "parse/invalid-escape",
          Number.isNaN(c) ? "escape sequence not terminated" : "unknown escape sequence",
          offset,
        );
        return;
    }
    let value = 0;
    for (; digits > 0; digits--) {
      const d = text.charCodeAt(this.pos);
      const digit = base === 8 ? (d >= 48 && d <= 55 ? d - 48 : 99) : isHex(d) ? parseInt(text[this.pos], 16) : 99;
      if (digit >= base) {
        const message = Number.isNaN(d)
          ? "escape sequence not terminated"
          : `illegal character ${describeCodePoint(text.codePointAt(this.pos)!)} in escape sequence`;
        this.error(offset, 1, "parse/invalid-escape", message, this.pos);
        return;
      }
      value = value * base + digit;
      this.pos++;
    }
    if (value > max || (value >= 0xd800 && value < 0xe000)) {
      this.error(offset, this.pos - offset, "parse/invalid-escape", "escape sequence is invalid Unicode code point", this.pos);
    }
  }

  private scanRawString(start: number): void {
    const text = this.text;
    const close = text.indexOf("`", this.pos);
    const end = close === -1 ? text.length : close;
    for (let nl = text.indexOf("\n", this.pos); nl !== -1 && nl < end; nl = text.indexOf("\n", nl + 1)) {
      this.newline(nl);
    }
    if (close === -1) {
      this.pos = text.length;
      this.error(start, 1, "parse/unterminated-string", "string literal not terminated", this.pos);
      return;
    }
    this.pos = close + 1;
  }

  private scanComment(start: number, block: boolean): void {
    const text = this.text;
    if (!block) {
      const nl = text.indexOf("\n", start);
      this.pos = nl === -1 ? text.length : nl;
      this.comments.push({ start, end: this.pos });
      return;
    }
    const close = text.indexOf("*/", start + 2);
    const end = close === -1 ? text.length : close + 2;
    for (let nl = text.indexOf("\n", start); nl !== -1 && nl < end; nl = text.indexOf("\n", nl + 1)) {
      this.newline(nl);
    }
    if (close === -1) this.error(start, 2, "parse/unterminated-comment", "block comment not terminated", text.length);
    this.pos = end;
    this.comments.push({ start, end });
  }

  /**
   * Whether the comment(s) starting at `start` reach the end of the line (or of the text) with nothing but
   * spaces and other comments in between. A newline after a statement-ending token is then reported at the
   * comment's start, as Alloy (and Go) do. Reads as far as Alloy's `findLineEnd` reads, and leaves the last
   * position it read in `lookaheadEnd`.
   */
  private commentEndsLine(start: number): boolean {
    const text = this.text;
    const length = text.length;
    let pos = start + 1;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 47 /* / */) break;
      if (c !== 42 /* * */) return this.lookedAheadTo(pos, false);
      const close = text.indexOf("*/", pos + 1);
      const nl = text.indexOf("\n", pos + 1);
      if (nl !== -1 && (close === -1 || nl < close)) return this.lookedAheadTo(nl, true);
      if (close === -1) return this.lookedAheadTo(length, true);
      pos = close + 2;
      let d = text.charCodeAt(pos);
      while (d === CH_SPACE || d === CH_TAB || d === CH_CR) d = text.charCodeAt(++pos);
      if (pos >= length || d === CH_LF) return this.lookedAheadTo(pos, true);
      if (d !== 47) return this.lookedAheadTo(pos, false);
      pos++;
    }
    return this.lookedAheadTo(pos, true);
  }

  private lookedAheadTo(pos: number, endsLine: boolean): boolean {
    this.lookaheadEnd = pos;
    return endsLine;
  }
}

function readErrorMessage(c: number): string {
  return c === 0 ? "illegal character NUL" : "illegal byte order mark";
}
