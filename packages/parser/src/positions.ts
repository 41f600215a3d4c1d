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

/** The start offset of a range (`range.start.offset`). */
export function startOffset(range: Range): number {
  return range.start.offset;
}

/** The end offset of a range (`range.end.offset`). */
export function endOffset(range: Range): number {
  return range.end.offset;
}

/** A position as the Language Server Protocol counts it: 0-based `line`, 0-based `character` (UTF-16 code units). */
export interface LspPosition {
  readonly line: number;
  readonly character: number;
}

/** An LSP range: `start` inclusive, `end` exclusive, of {@link LspPosition}s. */
export interface LspRange {
  readonly start: LspPosition;
  readonly end: LspPosition;
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

  /** The 1-based line of the last position made, where the next search starts (positions come mostly in order). */
  private nearLine = 1;
  private byteStarts: number[] | undefined;
  private lspStarts: readonly number[] | undefined;

  constructor(readonly text: string, lineStarts?: readonly number[]) {
    this.lineStarts = lineStarts ?? computeLineStarts(text);
  }

  /** The position of an offset (clamped to the text). */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    return { offset: clamped, line, column: clamped - this.lineStarts[line - 1] + 1 };
  }

  /**
   * The range from `start` to `end` (offsets) as plain data: every range of the parser's is made here.
   * Consecutive calls for nearby offsets (as a parse makes them) search the line from the last one.
   */
  rangeAt(start: number, end: number): Range {
    return { start: this.positionNear(start), end: this.positionNear(end) };
  }

  /**
   * {@link positionAt}, with the line searched from the last one found. Each range gets positions of its own
   * (none shared between ranges), so that `reparse` can move the positions after an edit in place.
   */
  private positionNear(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAtNear(clamped, this.nearLine);
    this.nearLine = line;
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
    return lastAtOrBefore(this.lineStarts, offset) + 1;
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

  /**
   * The LSP position of an offset (or of a {@link Position} of this text): 0-based line and 0-based
   * character in UTF-16 code units, LSP's default encoding. Lines end as LSP ends them: at `\n`, `\r\n` and
   * also a lone `\r` (which Alloy does not count as a line break), so the line may differ from `line - 1`.
   * A position inside a `\r\n` counts as the end of its line.
   */
  toLsp(at: Position | number): LspPosition {
    const offset = Math.max(0, Math.min(typeof at === "number" ? at : at.offset, this.text.length));
    const starts = this.lspLines();
    const line = this.lspLineOf(offset);
    return { line, character: Math.min(offset, this.lspLineEnd(line)) - starts[line] };
  }

  /** {@link toLsp} for both ends of a range. */
  toLspRange(range: Range): LspRange {
    return { start: this.toLsp(range.start), end: this.toLsp(range.end) };
  }

  /**
   * The position of an LSP position (0-based line, UTF-16 character), clamped as LSP asks: a line past the
   * last is the end of the text, a character past its line's end is that end.
   */
  fromLsp(position: LspPosition): Position {
    const starts = this.lspLines();
    if (position.line >= starts.length) return this.positionAt(this.text.length);
    const line = Math.max(0, position.line);
    const offset = Math.min(starts[line] + Math.max(0, position.character), this.lspLineEnd(line));
    return this.positionAt(offset);
  }

  /** The UTF-8 byte offset of an offset (0-based UTF-16 index) of this text, as Go and editors on bytes count. */
  byteOffset(at: Position | number): number {
    const offset = Math.max(0, Math.min(typeof at === "number" ? at : at.offset, this.text.length));
    const line = this.lineAt(offset) - 1;
    return this.byteLineStarts()[line] + utf8Length(this.text, this.lineStarts[line], offset);
  }

  /**
   * The offset (0-based UTF-16 index) of a UTF-8 byte offset, clamped to the text. A byte inside a character
   * (a continuation byte) gives the offset of that character.
   */
  offsetOfByte(byteOffset: number): number {
    const bytes = this.byteLineStarts();
    if (byteOffset <= 0) return 0;
    const lo = lastAtOrBefore(bytes, byteOffset);
    const text = this.text;
    let offset = this.lineStarts[lo];
    let remaining = byteOffset - bytes[lo];
    while (offset < text.length) {
      const width = utf8Length(text, offset, codePointEnd(text, offset));
      if (remaining < width) break;
      remaining -= width;
      offset = codePointEnd(text, offset);
    }
    return offset;
  }

  /** The UTF-8 byte offset at which each line starts, computed once when first asked. */
  private byteLineStarts(): readonly number[] {
    if (this.byteStarts !== undefined) return this.byteStarts;
    const starts = this.lineStarts;
    const bytes = new Array<number>(starts.length);
    bytes[0] = 0;
    for (let k = 1; k < starts.length; k++) bytes[k] = bytes[k - 1] + utf8Length(this.text, starts[k - 1], starts[k]);
    return (this.byteStarts = bytes);
  }

  /** Where LSP's lines start: this index's own when the text has no lone `\r`. */
  private lspLines(): readonly number[] {
    if (this.lspStarts !== undefined) return this.lspStarts;
    const text = this.text;
    let lone = text.indexOf("\r");
    while (lone !== -1 && text.charCodeAt(lone + 1) === 10) lone = text.indexOf("\r", lone + 1);
    if (lone === -1) return (this.lspStarts = this.lineStarts);
    const starts = [0];
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) starts.push(k + 1);
    }
    return (this.lspStarts = starts);
  }

  private lspLineOf(offset: number): number {
    return lastAtOrBefore(this.lspLines(), offset);
  }

  /** The offset where a 0-based LSP line's content ends, before its line break. */
  private lspLineEnd(line: number): number {
    const starts = this.lspLines();
    if (line + 1 >= starts.length) return this.text.length;
    let end = starts[line + 1] - 1;
    if (this.text.charCodeAt(end) === 10 && end > starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
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

/** The offset after the code point at `offset` (a surrogate pair is one code point). */
function codePointEnd(text: string, offset: number): number {
  const c = text.charCodeAt(offset);
  return c >= 0xd800 && c <= 0xdbff && offset + 1 < text.length ? offset + 2 : offset + 1;
}

/** The index of the last of the ascending `values` at or before `target` (0 when none is). */
function lastAtOrBefore(values: readonly number[], target: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (values[mid] <= target) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
