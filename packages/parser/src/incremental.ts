import type { Comment, File, Statement } from "./ast.js";
import { parse, parseSlice, type ParseOptions, type ParseResult } from "./parser.js";
import { SourceRange, endOffset, startOffset } from "./positions.js";

const CH_TAB = 9;
const CH_LF = 10;
const CH_CR = 13;
const CH_SPACE = 32;
const CH_SLASH = 47;

/**
 * Parses `text`, a new version of the text `previous` was parsed from, parsing again only the top-level
 * statements the change touches and reusing the others. The result is the same as `parse(text, options)`
 * would give (same AST, ranges, comments and diagnostics); only node identity differs: untouched statements
 * are the very objects of `previous`.
 *
 * `previous` is consumed: the statements after the change are moved to their new offsets and
 * `previous.lineIndex` now describes `text` (the result shares it). Do not read `previous` afterwards.
 *
 * Falls back to a full parse when the change cannot be isolated: `previous` had errors, the edited
 * statements do not parse on their own, or the change affects how a neighbouring statement ends.
 */
export function reparse(previous: ParseResult, text: string, options: ParseOptions = {}): ParseResult {
  return reparseIncrementally(previous, text, options.filename ?? previous.ast.filename) ?? parse(text, options);
}

function reparseIncrementally(previous: ParseResult, text: string, filename: string): ParseResult | undefined {
  if (previous.diagnostics.length > 0) return undefined;
  const old = previous.lineIndex.text;
  const lineIndex = previous.lineIndex;

  // The changed span: old[changeStart, oldChangeEnd) became text[changeStart, oldChangeEnd + delta).
  const oldLength = old.length;
  const newLength = text.length;
  const changeStart = commonPrefixLength(old, text);
  const common = commonSuffixLength(old, text, Math.min(oldLength, newLength) - changeStart);
  const oldChangeEnd = oldLength - common;
  const delta = newLength - oldLength;

  // The statements touched by the change (a statement ending or starting right at it counts).
  const body = previous.ast.body;
  const first = firstEndingAtOrAfter(body, changeStart);
  let last = lastStartingAtOrBefore(body, oldChangeEnd);
  if (last < first) last = first - 1; // the change is between two statements: only the gap is parsed again
  const regionStart = first > 0 ? endOffset(body[first - 1].range) : 0;
  const oldRegionEnd = last + 1 < body.length ? startOffset(body[last + 1].range) : oldLength;
  const regionEnd = oldRegionEnd + delta;

  // text[regionStart] is unchanged (regionStart < changeStart), so a slice never starts with a stray BOM the
  // scanner would skip: the previous version had no errors, hence no BOM after its first character.
  // The statement before the region must still end with a newline (or a line comment) right after it…
  if (first > 0 && !lineEndsAt(text, regionStart, regionEnd)) return undefined;

  const parsed = parseSlice(text, regionStart, regionEnd, lineIndex);
  if (parsed === undefined) return undefined;
  // …and the last statement of the region must be followed by a newline before the next statement.
  if (last + 1 < body.length && parsed.body.length > 0 && !newlineBefore(text, regionEnd, endOffset(parsed.body[parsed.body.length - 1].range))) {
    return undefined;
  }

  // Commit: from here on `previous` is consumed.
  lineIndex.resetText(text, updatedLineStarts(lineIndex.lineStarts, text, changeStart, oldChangeEnd, delta));
  const after = body.slice(last + 1);
  if (delta !== 0) for (const statement of after) moveStatement(statement, delta);

  const comments: Comment[] = [];
  for (const comment of previous.ast.comments) {
    if (endOffset(comment.range) <= regionStart) comments.push(comment);
    else break;
  }
  for (const comment of parsed.comments) comments.push(comment);
  for (const comment of previous.ast.comments) {
    if (startOffset(comment.range) >= oldRegionEnd) {
      if (delta !== 0) (comment.range as SourceRange).shift(delta);
      comments.push(comment);
    }
  }

  const statements: Statement[] = body.slice(0, first);
  for (const statement of parsed.body) statements.push(statement);
  for (const statement of after) statements.push(statement);
  const ast: File = { kind: "File", filename, body: statements, comments, range: new SourceRange(lineIndex, 0, newLength) };
  return { ast, diagnostics: [], lineIndex };
}

/**
 * The line starts of the new text from those of the old one: unchanged before the change, found again
 * inside it, moved by `delta` after it.
 */
function updatedLineStarts(old: readonly number[], text: string, changeStart: number, oldChangeEnd: number, delta: number): number[] {
  const starts: number[] = [];
  let i = 0;
  while (i < old.length && old[i] <= changeStart) starts.push(old[i++]);
  const newChangeEnd = oldChangeEnd + delta;
  for (let nl = text.indexOf("\n", changeStart); nl !== -1 && nl < newChangeEnd; nl = text.indexOf("\n", nl + 1)) starts.push(nl + 1);
  while (i < old.length && old[i] <= oldChangeEnd) i++;
  for (; i < old.length; i++) starts.push(old[i] + delta);
  return starts;
}

const CHUNK = 256;

/** Length of the longest common prefix of `a` and `b` (compared a chunk at a time, then per character). */
function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let n = 0;
  let step = CHUNK;
  while (step >= CHUNK) {
    if (n + step <= max && a.substring(n, n + step) === b.substring(n, n + step)) {
      n += step;
      step *= 2;
    } else {
      step >>= 1;
    }
  }
  while (n < max && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** Length of the longest common suffix of `a` and `b`, at most `max`. */
function commonSuffixLength(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  let n = 0;
  let step = CHUNK;
  while (step >= CHUNK) {
    if (n + step <= max && a.substring(la - n - step, la - n) === b.substring(lb - n - step, lb - n)) {
      n += step;
      step *= 2;
    } else {
      step >>= 1;
    }
  }
  while (n < max && a.charCodeAt(la - 1 - n) === b.charCodeAt(lb - 1 - n)) n++;
  return n;
}

/** Index of the first statement whose end is at or after `offset` (`body.length` if none). */
function firstEndingAtOrAfter(body: readonly Statement[], offset: number): number {
  let lo = 0;
  let hi = body.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (endOffset(body[mid].range) >= offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the last statement whose start is at or before `offset` (-1 if none). */
function lastStartingAtOrBefore(body: readonly Statement[], offset: number): number {
  let lo = 0;
  let hi = body.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOffset(body[mid].range) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Whether the scanner ends a statement right at `from`: only spaces, tabs and carriage returns before a
 * newline, a line comment, or the end of the text. (A block comment there is left to a full parse.)
 */
function lineEndsAt(text: string, from: number, to: number): boolean {
  let pos = from;
  while (pos < to) {
    const c = text.charCodeAt(pos);
    if (c === CH_SPACE || c === CH_TAB || c === CH_CR) pos++;
    else return c === CH_LF || (c === CH_SLASH && text.charCodeAt(pos + 1) === CH_SLASH);
  }
  return pos >= text.length;
}

/** Whether a newline separates `end` (after the last token of a statement) from `to`, with only blanks after it. */
function newlineBefore(text: string, to: number, end: number): boolean {
  for (let pos = to - 1; pos >= end; pos--) {
    const c = text.charCodeAt(pos);
    if (c === CH_LF) return true;
    if (c !== CH_SPACE && c !== CH_TAB && c !== CH_CR) return false;
  }
  return false;
}

/**
 * Moves a top-level statement by `delta`: all its ranges share one anchor (see `SourceRange`), so this is
 * one addition.
 */
function moveStatement(statement: Statement, delta: number): void {
  (statement.range as SourceRange).rangeAnchor.delta += delta;
}
