import type { File } from "./ast.js";
import { LineIndex, endOffset, startOffset, type Range } from "./positions.js";
import { Scanner } from "./scanner.js";
import { Tok, tokenName } from "./tokens.js";
import type { TextSpan } from "./statements.js";

/** What a token of the source is. Keywords (`true`, `false`, `null`) are literals of their own kind. */
export type SourceTokenKind = "identifier" | "number" | "string" | "bool" | "null" | "punctuation" | "comment" | "illegal";

/** A token (or a comment) of a source text, as Alloy's scanner reads it. */
export interface SourceToken {
  readonly kind: SourceTokenKind;
  /** Offsets in the text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** The token as written: `prometheus`, `"a"`, `{`, `==`, `// note`. */
  readonly text: string;
  /**
   * The token as Alloy's scanner names it: `IDENT`, `NUMBER`, `FLOAT`, `STRING`, `BOOL`, `NULL`, `ILLEGAL`,
   * the operator or bracket itself (`==`, `&&`, `{`, `.`), or `COMMENT`.
   */
  readonly name: string;
  /** False for a string or a block comment that the scanned span leaves open (the cursor is still in it). */
  readonly closed: boolean;
}

const scanner = new Scanner();

function tokenKind(kind: Tok): SourceTokenKind {
  switch (kind) {
    case Tok.IDENT:
      return "identifier";
    case Tok.NUMBER:
    case Tok.FLOAT:
      return "number";
    case Tok.STRING:
      return "string";
    case Tok.BOOL:
      return "bool";
    case Tok.NULL:
      return "null";
    case Tok.ILLEGAL:
      return "illegal";
    default:
      return "punctuation";
  }
}

/**
 * The tokens and comments of `text` between `start` and `end`, in source order (the line breaks Alloy reads
 * as statement ends are left out). `start` must not be inside a token, a string or a comment: the start of a
 * line outside them, or an offset from {@link tokenSpanAround}. A token cut by `end` is read up to `end` (a
 * string cut there is open), which is what a feature reading the text before a cursor wants.
 */
export function tokensIn(text: string, start = 0, end = text.length): SourceToken[] {
  const region = text.slice(start, end);
  const table = scanner.scan(region);
  const open = new Set<number>();
  for (const error of table.errors) {
    if (error.code === "parse/unterminated-string" || error.code === "parse/unterminated-comment") open.add(error.offset);
  }
  const tokens: SourceToken[] = [];
  const comments = table.comments;
  let c = 0;
  const pushComment = (span: { start: number; end: number }) => {
    tokens.push({ kind: "comment", start: start + span.start, end: start + span.end, text: region.slice(span.start, span.end), name: "COMMENT", closed: !open.has(span.start) });
  };
  for (let i = 0; i < table.count; i++) {
    const kind = table.kinds[i];
    if (kind === Tok.TERMINATOR) continue;
    const tokenStart = table.starts[i];
    while (c < comments.length && comments[c].start < tokenStart) pushComment(comments[c++]);
    if (kind === Tok.EOF) break;
    const tokenEnd = table.ends[i];
    tokens.push({
      kind: tokenKind(kind),
      start: start + tokenStart,
      end: start + tokenEnd,
      text: region.slice(tokenStart, tokenEnd),
      name: tokenName(kind),
      closed: !open.has(tokenStart),
    });
  }
  while (c < comments.length) pushComment(comments[c++]);
  return tokens;
}

/**
 * The span of `file`'s text around `offset` that a scan can start and end in: from the end of the top-level
 * statement before the offset to the start of the one after it. Scanning it alone gives the tokens a scan of
 * the whole text gives there, at the cost of one statement instead of the file.
 */
export function tokenSpanAround(file: File, offset: number): TextSpan {
  const body = file.body;
  let lo = 0;
  let hi = body.length;
  // The first statement that ends at or after the offset.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (endOffset(body[mid].range) < offset) lo = mid + 1;
    else hi = mid;
  }
  const start = lo > 0 ? endOffset(body[lo - 1].range) : 0;
  let after = lo;
  while (after < body.length && startOffset(body[after].range) <= offset) after++;
  const end = after < body.length ? startOffset(body[after].range) : endOffset(file.range);
  return { start, end: Math.max(start, end) };
}

/**
 * The token or comment of `file` (parsed from `text`) at `offset`: the one that holds it, else the one that
 * ends right at it (a cursor just after a name is on that name). `undefined` in blank space.
 */
export function tokenAt(file: File, text: string, offset: number): SourceToken | undefined {
  const span = tokenSpanAround(file, offset);
  let before: SourceToken | undefined;
  for (const token of tokensIn(text, span.start, span.end)) {
    if (token.start > offset) break;
    if (offset < token.end) return token;
    if (token.end === offset) before = token;
  }
  return before;
}

/** A token of {@link tokenize}: a {@link SourceToken} with its range. */
export interface Token extends SourceToken {
  readonly range: Range;
}

/**
 * Every token and comment of a text, in source order, with kinds and ranges: what a syntax highlighter
 * needs. Never throws: text Alloy's scanner rejects comes out as `illegal` tokens, and an unterminated
 * string or comment as a token with `closed: false`. The line breaks Alloy reads as statement ends are left
 * out. Pass `lineIndex` (a parse result's) to reuse it.
 */
export function tokenize(text: string, lineIndex: LineIndex = new LineIndex(text)): Token[] {
  return tokensIn(text).map((token) => ({ ...token, range: lineIndex.rangeAt(token.start, token.end) }));
}
