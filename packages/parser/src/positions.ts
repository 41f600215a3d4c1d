/**
 * A point in a source text.
 *
 * - `offset`: 0-based index into the JavaScript string (UTF-16 code units).
 * - `line`: 1-based line number (lines end at `\n`; a `\r` before it belongs to the line).
 * - `column`: 1-based column in UTF-16 code units, so `column - 1 === offset - lineStartOffset`.
 *
 * LSP positions are 0-based line and 0-based UTF-16 character: `{ line: line - 1, character: column - 1 }`.
 * Alloy's own diagnostics count columns in UTF-8 bytes: see {@link LineIndex.byteColumn}.
 */
export interface Position {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** A span of source text: `start` is inclusive, `end` is exclusive (the point just after the last character). */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/**
 * The range type the parser produces: two offsets and the text's {@link LineIndex}; `start` and `end`
 * positions are computed when read. One small object per node keeps parsing fast on large files.
 *
 * The offsets are kept relative to an anchor shared by every range of one top-level statement, so that
 * `reparse` moves a whole reused statement by changing its anchor once.
 */
export class SourceRange implements Range {
  private readonly anchor: RangeAnchor;
  private start0: number;
  private end0: number;

  constructor(index: LineIndex | RangeAnchor, startOffset: number, endOffset: number) {
    this.anchor = index instanceof RangeAnchor ? index : index.rootAnchor;
    this.start0 = startOffset - this.anchor.delta;
    this.end0 = endOffset - this.anchor.delta;
  }

  get startOffset(): number {
    return this.start0 + this.anchor.delta;
  }

  get endOffset(): number {
    return this.end0 + this.anchor.delta;
  }

  get start(): Position {
    return this.anchor.index.positionAt(this.startOffset);
  }

  get end(): Position {
    return this.anchor.index.positionAt(this.endOffset);
  }

  toJSON(): Range {
    return { start: this.start, end: this.end };
  }

  /** @internal Moves this range alone by `delta` characters. */
  shift(delta: number): void {
    this.start0 += delta;
    this.end0 += delta;
  }

  /** @internal The anchor of this range (the one of its top-level statement, for the parser's ranges). */
  get rangeAnchor(): RangeAnchor {
    return this.anchor;
  }
}

/**
 * Makes a range of the parser's: every range the parser and `reparse` create comes from here, so that how
 * ranges are represented is decided in one place.
 * @internal
 */
export function makeRange(anchor: RangeAnchor, startOffset: number, endOffset: number): SourceRange {
  return new SourceRange(anchor, startOffset, endOffset);
}

/**
 * What the ranges of one top-level statement are relative to: the text's line index and how far the
 * statement moved since it was parsed (`reparse` adds to `delta` when an edit before it changes length).
 * @internal
 */
export class RangeAnchor {
  delta = 0;
  constructor(readonly index: LineIndex) {}
}

/** The start offset of a range; for the parser's ranges, without computing line and column. */
export function startOffset(range: Range): number {
  return range instanceof SourceRange ? range.startOffset : range.start.offset;
}

/** The end offset of a range; for the parser's ranges, without computing line and column. */
export function endOffset(range: Range): number {
  return range instanceof SourceRange ? range.endOffset : range.end.offset;
}

/**
 * Converts between offsets and line/column positions of one text. Build it once per text.
 *
 * Every line number this API takes or gives is 1-based, as in {@link Position} and Alloy's messages (the
 * first line is line 1); columns are 1-based too. Only the `lineStarts` array is indexed from 0, as arrays
 * are: line `n` starts at `lineStarts[n - 1]` (or use {@link LineIndex.lineStart}).
 */
export class LineIndex {
  /** Offsets at which each line starts, line `n` at index `n - 1`; `lineStarts[0] === 0`. */
  readonly lineStarts: readonly number[];

  /** @internal The anchor of ranges that do not move with a statement (comments, diagnostics, the file). */
  readonly rootAnchor: RangeAnchor = new RangeAnchor(this);

  constructor(readonly text: string, lineStarts?: readonly number[]) {
    this.lineStarts = lineStarts ?? computeLineStarts(text);
  }

  /**
   * Makes this index describe a new version of its text. `reparse` does this so that the ranges of the
   * statements it reuses (which point at this index) give positions in the new text.
   * @internal
   */
  resetText(text: string, lineStarts: readonly number[]): void {
    const mutable = this as { text: string; lineStarts: readonly number[] };
    mutable.text = text;
    mutable.lineStarts = lineStarts;
  }

  /** The position of an offset (clamped to the text). */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    return { offset: clamped, line, column: clamped - this.lineStarts[line - 1] + 1 };
  }

  /** The offset of a 1-based line and column (clamped to the line). */
  offsetAt(line: number, column: number): number {
    if (line < 1) return 0;
    if (line > this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[line - 1];
    const next = line < this.lineStarts.length ? this.lineStarts[line] : this.text.length + 1;
    return Math.min(start + Math.max(0, column - 1), next - 1, this.text.length);
  }

  /** The number of lines (at least 1: an empty text has one empty line). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The offset where a 1-based line starts (clamped to the first and last lines). */
  lineStart(line: number): number {
    return this.lineStarts[Math.min(Math.max(line, 1), this.lineStarts.length) - 1];
  }

  /** The 1-based line holding `offset`. */
  lineAt(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /**
   * {@link lineAt} for an offset whose line is likely near the 1-based line `near`, as for lookups that move
   * little (a printer's, a pass over comments in order): the search widens from `near` in steps that double,
   * then bisects, instead of bisecting every line.
   */
  lineAtNear(offset: number, near: number): number {
    const starts = this.lineStarts;
    const count = starts.length;
    // Find indexes lo < hi with starts[lo] <= offset < starts[hi], where starts[count] stands for the end of the text.
    let lo = Math.min(Math.max(near - 1, 0), count - 1);
    let hi: number;
    if (starts[lo] <= offset) {
      hi = lo + 1;
      for (let step = 1; hi < count && starts[hi] <= offset; step *= 2) {
        lo = hi;
        hi = Math.min(lo + step, count);
      }
    } else {
      hi = lo;
      lo = Math.max(hi - 1, 0);
      for (let step = 1; lo > 0 && starts[lo] > offset; step *= 2) {
        hi = lo;
        lo = Math.max(hi - step, 0);
      }
    }
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid;
    }
    return lo + 1;
  }

  /**
   * The 1-based column of a position counted in UTF-8 bytes, as Alloy (Go) prints it in diagnostics.
   */
  byteColumn(position: Position): number {
    const lineStart = position.offset - (position.column - 1);
    return utf8Length(this.text, lineStart, position.offset) + 1;
  }

  /** The text of a 1-based line, without its line ending. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1] ?? this.text.length;
    let end = line < this.lineStarts.length ? this.lineStarts[line] - 1 : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }
}

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  let index = text.indexOf("\n");
  while (index !== -1) {
    starts.push(index + 1);
    index = text.indexOf("\n", index + 1);
  }
  return starts;
}

/** Number of UTF-8 bytes that `text.slice(from, to)` encodes to. */
export function utf8Length(text: string, from = 0, to = text.length): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
