import type { Comment, File, Statement } from "./ast.js";
import type { Diagnostic } from "./diagnostics.js";
import { parse, parseSlice, startOf, type ParseOptions, type ParseResult, type SliceResult } from "./parser.js";
import { mapRanges } from "./map-ranges.js";
import { LineIndex, endOffset, startOffset, type Position, type Range } from "./positions.js";

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
 * `previous` is consumed: the statements after the change are given their new ranges in place. Do not read
 * `previous` afterwards. A `previous` parsed with a `start` option is parsed again in full.
 *
 * Files with syntax errors are handled too: the statements around the change are parsed again from the
 * start of a line where the parser is known to begin a fresh statement, up to the next such line, and
 * the diagnostics outside that region are reused.
 *
 * Falls back to a full parse when the change cannot be isolated: the edited statements do not parse on
 * their own into the same result (a bracket, string or comment left open swallows what follows), or the
 * change affects how a neighbouring statement ends.
 */
export function reparse(previous: ParseResult, text: string, options: ParseOptions = {}): ParseResult {
  if (options.start !== undefined || startOf(previous.ast) !== undefined) return parse(text, options);
  return reparseIncrementally(previous, text, options.filename ?? previous.ast.filename) ?? parse(text, options);
}

/** The changed span: `old[start, oldEnd)` became `text[start, oldEnd + delta)`. */
interface Change {
  readonly start: number;
  readonly oldEnd: number;
  readonly delta: number;
}

function reparseIncrementally(previous: ParseResult, text: string, filename: string): ParseResult | undefined {
  const oldIndex = previous.lineIndex;
  const old = oldIndex.text;
  const changeStart = commonPrefixLength(old, text);
  const common = commonSuffixLength(old, text, Math.min(old.length, text.length) - changeStart);
  const change: Change = { start: changeStart, oldEnd: old.length - common, delta: text.length - old.length };
  const lineIndex = new LineIndex(text, updatedLineStarts(oldIndex.lineStarts, text, change.start, change.oldEnd, change.delta));
  if (previous.diagnostics.length === 0) {
    const result = reparseBetweenStatements(previous, lineIndex, filename, change);
    if (result !== undefined) return result;
  }
  return reparseBetweenLineStarts(previous, lineIndex, filename, change);
}

/**
 * For a previous version without errors: parses again the touched statements and the gaps around them,
 * from the end of the statement before to the start of the statement after. `undefined` when the new
 * region has an error or the boundary conditions do not hold; nothing is changed then.
 */
function reparseBetweenStatements(previous: ParseResult, lineIndex: LineIndex, filename: string, change: Change): ParseResult | undefined {
  const old = previous.lineIndex.text;
  const text = lineIndex.text;
  const oldLength = old.length;
  const { start: changeStart, oldEnd: oldChangeEnd, delta } = change;

  // The statements touched by the change (a statement ending or starting right at it counts).
  const body = previous.ast.body;
  const first = firstEndingAtOrAfter(body, changeStart);
  let last = lastStartingAtOrBefore(body, oldChangeEnd);
  if (last < first) last = first - 1; // the change is between two statements: only the gap is parsed again
  const regionStart = first > 0 ? endOffset(body[first - 1].range) : 0;
  const oldRegionEnd = last + 1 < body.length ? startOffset(body[last + 1].range) : oldLength;
  const regionEnd = oldRegionEnd + delta;

  // The statement before the region must still end with a newline (or a line comment) right after it…
  if (first > 0 && !lineEndsAt(text, regionStart, regionEnd)) return undefined;

  const parsed = parseSlice(text, regionStart, regionEnd, lineIndex);
  if (parsed === undefined) return undefined;
  // …and the last statement of the region must be followed by a newline before the next statement.
  if (last + 1 < body.length && parsed.body.length > 0 && !newlineBefore(text, regionEnd, endOffset(parsed.body[parsed.body.length - 1].range))) {
    return undefined;
  }

  return commit(previous, lineIndex, filename, change, { first, next: last + 1, start: regionStart, oldEnd: oldRegionEnd, parsed }, NO_DIAGNOSTICS);
}

/**
 * Where `reparse` parsed again: `previous.ast.body.slice(first, next)` and the old text
 * `[start, oldEnd)` are replaced by `parsed`.
 */
interface Region {
  readonly first: number;
  readonly next: number;
  readonly start: number;
  readonly oldEnd: number;
  readonly parsed: SliceResult;
}

/** The previous diagnostics kept before and after a region. */
interface KeptDiagnostics {
  readonly before: readonly Diagnostic[];
  readonly after: readonly Diagnostic[];
}

const NO_DIAGNOSTICS: KeptDiagnostics = { before: [], after: [] };

/**
 * Builds the result from `previous` and the re-parsed region: gives what follows the region its ranges in
 * the new text (`lineIndex`), and joins statements, comments and diagnostics. From here on `previous` is
 * consumed.
 */
function commit(previous: ParseResult, lineIndex: LineIndex, filename: string, change: Change, region: Region, kept: KeptDiagnostics): ParseResult {
  const old = previous.ast;
  const text = lineIndex.text;
  // The comments before the region and those after it (in source order, so each a run of the list).
  const commentsBefore = firstWhere(old.comments, (comment) => endOffset(comment.range) > region.start);
  const commentsAfter = firstWhere(old.comments, (comment) => startOffset(comment.range) >= region.oldEnd);
  let after = kept.after;
  // Ranges are plain data: what follows the region gets new ones where its positions changed (its offsets,
  // or its lines and columns when the change added or removed line breaks).
  if (change.delta !== 0 || !sameLineStarts(previous.lineIndex.lineStarts, lineIndex.lineStarts)) {
    // Diagnostics first, as new ranges (they may hold a node's range, which is then moved in place).
    const move = (range: Range): Range => lineIndex.rangeAt(range.start.offset + change.delta, range.end.offset + change.delta);
    after = after.map((diagnostic) => ({ ...diagnostic, range: move(diagnostic.range) }));
    // Every position after the change moves by the same offset and line count; only those on the line where the
    // change ends get a new column. Each range has positions of its own, so they are moved in place: no
    // allocation and no line search for the tens of thousands of statements after an edit near a file's top.
    const lineDelta = lineIndex.lineCount - previous.lineIndex.lineCount;
    const changeEndLine = previous.lineIndex.lineAt(change.oldEnd);
    const movePosition = (position: Position): void => {
      const moved = position as { offset: number; line: number; column: number };
      const onChangeEndLine = moved.line === changeEndLine;
      moved.offset += change.delta;
      moved.line += lineDelta;
      if (onChangeEndLine) moved.column = moved.offset - lineIndex.lineStart(moved.line) + 1;
    };
    const moveInPlace = (range: Range): Range => {
      movePosition(range.start);
      movePosition(range.end);
      return range;
    };
    for (let k = region.next; k < old.body.length; k++) mapRanges(old.body[k], moveInPlace);
    for (let k = commentsAfter; k < old.comments.length; k++) mapRanges(old.comments[k], moveInPlace);
  }
  // Each list made at once at its size: a file's statements and comments are thousands on large configs.
  const comments = old.comments.slice(0, commentsBefore).concat(region.parsed.comments, old.comments.slice(commentsAfter));
  const statements = old.body.slice(0, region.first).concat(region.parsed.body, old.body.slice(region.next));
  const diagnostics = [...kept.before, ...region.parsed.diagnostics, ...after];
  const ast: File = { kind: "File", filename, body: statements, comments, range: lineIndex.rangeAt(0, text.length) };
  return { ast, diagnostics, lineIndex };
}

function sameLineStarts(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * The line starts of the new text from those of the old one: unchanged before the change, found again
 * inside it, moved by `delta` after it.
 */
function updatedLineStarts(old: readonly number[], text: string, changeStart: number, oldChangeEnd: number, delta: number): number[] {
  // Unchanged: old[0, before); gone: old[before, after); moved by delta: old[after, …).
  let before = 0;
  while (before < old.length && old[before] <= changeStart) before++;
  let after = before;
  while (after < old.length && old[after] <= oldChangeEnd) after++;
  const inserted: number[] = [];
  const newChangeEnd = oldChangeEnd + delta;
  for (let nl = text.indexOf("\n", changeStart); nl !== -1 && nl < newChangeEnd; nl = text.indexOf("\n", nl + 1)) inserted.push(nl + 1);
  // One array at its size (a large config has tens of thousands of lines), then the moved part shifted.
  const starts = old.slice(0, before).concat(inserted, old.slice(after));
  if (delta !== 0) for (let k = before + inserted.length; k < starts.length; k++) starts[k] += delta;
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

/**
 * Index of the first statement or comment for which `after` holds (`items.length` if none), by binary
 * search: `after` must be false for a prefix of the items and true for the rest, as a bound on their
 * offsets is (statements and comments are in source order and do not overlap).
 */
function firstWhere<T>(items: readonly T[], after: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(items[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the first statement whose end is at or after `offset` (`body.length` if none). */
function firstEndingAtOrAfter(body: readonly Statement[], offset: number): number {
  return firstWhere(body, (statement) => endOffset(statement.range) >= offset);
}

/** Index of the first statement whose start is at or after `offset` (`body.length` if none). */
function firstStartingAtOrAfter(body: readonly Statement[], offset: number): number {
  return firstWhere(body, (statement) => startOffset(statement.range) >= offset);
}

/** Index of the last statement whose start is at or before `offset` (-1 if none). */
function lastStartingAtOrBefore(body: readonly Statement[], offset: number): number {
  return firstWhere(body, (statement) => startOffset(statement.range) > offset) - 1;
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
 * For any previous version, errors included: parses again from the start of the last statement at or
 * before the change up to the start of the first statement at or after it that begins its line. At a
 * statement's start the parser begins afresh at the top level, after a TERMINATOR and a newline, so every
 * error before it is on an earlier line (Alloy reports at most one per line) and the parse of the region
 * does not depend on what precedes it. The region's parse must also end cleanly (a TERMINATOR read from the
 * text last, no statement, bracket, string or comment still open) so that it does not depend on what
 * follows; then the statements after it parse as they did. `undefined` when this does not hold; nothing is
 * changed then.
 */
function reparseBetweenLineStarts(previous: ParseResult, lineIndex: LineIndex, filename: string, change: Change): ParseResult | undefined {
  const old = previous.lineIndex.text;
  const text = lineIndex.text;
  const body = previous.ast.body;
  const { start: changeStart, oldEnd: oldChangeEnd, delta } = change;

  const before = lastStartingAtOrBefore(body, changeStart);
  const first = Math.max(0, before);
  const regionStart = before >= 0 ? startOffset(body[before].range) : 0;
  // The region must end at the start of a line: the scanner looks past a comment for a newline to decide
  // whether it ends a statement, and that look must not reach the end of the region.
  let next = firstStartingAtOrAfter(body, Math.max(oldChangeEnd, regionStart));
  while (next < body.length && !beginsLine(text, startOffset(body[next].range) + delta)) next++;
  if (regionStart === 0 && next === body.length) return undefined; // the whole text: a plain parse
  const oldRegionEnd = next < body.length ? startOffset(body[next].range) : old.length;

  const parsed = parseSlice(text, regionStart, oldRegionEnd + delta, lineIndex, true);
  if (parsed === undefined) return undefined;

  // The previous diagnostics before and after the region (read before anything moves).
  // When the region runs to the end of the text, its parse gives the errors at the end of input again.
  const diagnosticsBefore: Diagnostic[] = [];
  const diagnosticsAfter: Diagnostic[] = [];
  const toEnd = next === body.length;
  for (const diagnostic of previous.diagnostics) {
    const start = startOffset(diagnostic.range);
    if (start < regionStart) diagnosticsBefore.push(diagnostic);
    else if (!toEnd && start >= oldRegionEnd) diagnosticsAfter.push(diagnostic);
  }
  const kept = { before: diagnosticsBefore, after: diagnosticsAfter };
  return commit(previous, lineIndex, filename, change, { first, next, start: regionStart, oldEnd: oldRegionEnd, parsed }, kept);
}

/** Whether only spaces and tabs precede `offset` on its line. */
function beginsLine(text: string, offset: number): boolean {
  for (let pos = offset - 1; pos >= 0; pos--) {
    const c = text.charCodeAt(pos);
    if (c === CH_LF) return true;
    if (c !== CH_SPACE && c !== CH_TAB) return false;
  }
  return true;
}
