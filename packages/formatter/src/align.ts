/**
 * Column alignment as Alloy's printer lays it out: elastic tab stops (Go's `text/tabwriter` semantics with
 * `DiscardEmptyColumns | TabIndent`, tab width 8, padding 1, space padding) followed by the removal of
 * trailing whitespace on each line.
 *
 * The printer feeds text cell by cell. A cell ends with a hard tab (`\t`, used for indentation and before a
 * trailing comment) or a soft tab (`\v`, before an attribute's `=`). A line ends with a newline or, to end the
 * current run of aligned lines, a form feed. Within a run, the n-th cells of consecutive lines that all have
 * an n-th terminated cell form a column, padded to its widest cell plus one space. Empty columns of soft
 * cells vanish; empty hard cells at the start of a line (indentation) are printed as tabs.
 *
 * Text written as "protected" (comments, string literals) is never trimmed and counts as plain text for
 * widths, whatever characters it holds.
 */
export class ColumnWriter {
  private readonly output: TextBuffer;

  // The current run of lines, stored flat and reused from run to run. A cell is a range of pieces.
  private pieceCount = 0;
  private readonly pieces: string[] = [];
  private readonly pieceKinds: PieceKind[] = [];
  private cellCount = 0;
  private readonly cellEnds: number[] = [];
  /** Per cell: its width, exact only for cells ended by a tab (the last cell of a line belongs to no column). */
  private readonly cellWidths: number[] = [];
  private readonly cellHardTabs: boolean[] = [];
  /** Per line: index of its first cell; the line's cells run to the next line's first cell. */
  private readonly lineStarts: number[] = [0];
  private lineCount = 0;

  /** Width of the cell being written, counting protected text in UTF-16 units until the cell ends with a tab. */
  private width = 0;
  /** Index of the first protected piece of the cell being written, or -1. */
  private firstProtected = -1;

  private readonly columnWidths: number[] = [];

  /** `expectedLength`: roughly how long the output will be (the source's length is a good guess). */
  constructor(expectedLength = 1024) {
    this.output = new TextBuffer(expectedLength + (expectedLength >> 3) + 64);
  }

  /** Appends a token: plain text without whitespace. */
  write(text: string): void {
    this.pieces[this.pieceCount] = text;
    this.pieceKinds[this.pieceCount++] = PieceKind.Token;
    this.width += text.length;
  }

  /** Appends a space, which is trimmed if nothing follows it on its line. */
  writeSpace(): void {
    this.pieces[this.pieceCount] = " ";
    this.pieceKinds[this.pieceCount++] = PieceKind.Space;
    this.width++;
  }

  /** Appends text that is never trimmed nor split: comments, string literals. */
  writeProtected(text: string): void {
    if (this.firstProtected < 0) this.firstProtected = this.pieceCount;
    this.pieces[this.pieceCount] = text;
    this.pieceKinds[this.pieceCount++] = PieceKind.Protected;
    this.width += text.length;
  }

  /** Ends the current cell with a hard (`\t`) or soft (`\v`) tab. */
  endCell(hardTab: boolean): void {
    // Protected text is as wide as its code points (Go counts runes). Only the width of a cell ended by a tab
    // is used, and protected text mostly ends lines (values, trailing comments), so it is counted only here.
    if (this.firstProtected >= 0) {
      for (let piece = this.firstProtected; piece < this.pieceCount; piece++) {
        if (this.pieceKinds[piece] === PieceKind.Protected) this.width -= surrogatePairCount(this.pieces[piece]);
      }
    }
    this.pushCell(hardTab);
  }

  /** Ends the current line; a form feed also ends the current run of aligned lines. */
  endLine(formFeed: boolean): void {
    this.pushCell(false);
    const cells = this.cellCount - this.lineStarts[this.lineCount];
    this.lineStarts[++this.lineCount] = this.cellCount;
    // A line with a single cell takes part in no column, so nothing after it can change what came before.
    if (formFeed || cells === 1) this.flush();
  }

  /** Flushes everything and returns the laid-out text (without a line break after the last line). */
  finish(): string {
    const partialLine = this.pieceCount > (this.cellCount > 0 ? this.cellEnds[this.cellCount - 1] : 0);
    if (partialLine) {
      this.pushCell(false);
      this.lineStarts[++this.lineCount] = this.cellCount;
    }
    this.flush();
    if (partialLine) this.output.dropLast();
    const text = this.output.toString();
    this.output.release();
    return text;
  }

  private pushCell(hardTab: boolean): void {
    const cell = this.cellCount++;
    this.cellEnds[cell] = this.pieceCount;
    this.cellWidths[cell] = this.width;
    this.cellHardTabs[cell] = hardTab;
    this.width = 0;
    this.firstProtected = -1;
  }

  private flush(): void {
    if (this.lineCount > 0) this.format(0, this.lineCount);
    this.pieceCount = 0;
    this.cellCount = 0;
    this.lineCount = 0;
  }

  /** Lays out lines [from, to) knowing the widths of the columns left of `columnWidths.length`. */
  private format(from: number, to: number): void {
    const column = this.columnWidths.length;
    const lineStarts = this.lineStarts;
    const cellWidths = this.cellWidths;
    let pending = from;
    for (let line = from; line < to; line++) {
      // The last cell of a line is not terminated by a tab and belongs to no column.
      if (column >= lineStarts[line + 1] - lineStarts[line] - 1) continue;
      if (pending < line) this.writeLines(pending, line);
      const blockStart = line;
      let width = 0;
      let discardable = true;
      for (; line < to && column < lineStarts[line + 1] - lineStarts[line] - 1; line++) {
        const cell = lineStarts[line] + column;
        const cellWidth = cellWidths[cell];
        if (cellWidth + 1 > width) width = cellWidth + 1;
        if (cellWidth > 0 || this.cellHardTabs[cell]) discardable = false;
      }
      this.columnWidths.push(discardable ? 0 : width);
      this.format(blockStart, line);
      this.columnWidths.pop();
      pending = line;
      line--;
    }
    if (pending < to) this.writeLines(pending, to);
  }

  private writeLines(from: number, to: number): void {
    const widths = this.columnWidths;
    const columnCount = widths.length;
    const output = this.output;
    const pieces = this.pieces;
    const pieceKinds = this.pieceKinds;
    const cellEnds = this.cellEnds;
    const lineStarts = this.lineStarts;
    for (let line = from; line < to; line++) {
      // Whitespace is held back until something follows it on the line, so no line ends with whitespace.
      // Tabs only pad the leading empty cells (indentation), so pending whitespace is tabs then spaces.
      let tabs = 0;
      let spaces = 0;
      let leading = true;
      const first = lineStarts[line];
      const end = lineStarts[line + 1];
      let piece = first === 0 ? 0 : cellEnds[first - 1];
      for (let cell = first; cell < end; cell++) {
        const column = cell - first;
        const pieceEnd = cellEnds[cell];
        if (piece === pieceEnd) {
          if (column < columnCount) {
            if (leading) tabs += tabPadding(widths[column]);
            else spaces += widths[column];
          }
          continue;
        }
        leading = false;
        for (; piece < pieceEnd; piece++) {
          const text = pieces[piece];
          if (pieceKinds[piece] === PieceKind.Space) {
            spaces += text.length;
          } else {
            if (tabs + spaces > 0) {
              output.repeat(9, tabs);
              output.repeat(32, spaces);
              tabs = 0;
              spaces = 0;
            }
            output.append(text);
          }
        }
        if (column < columnCount) spaces += widths[column] - this.cellWidths[cell];
      }
      output.pushNewline();
    }
  }
}

const TAB_WIDTH = 8;

/** Number of tabs that pad an empty leading cell to a column of `width`. */
function tabPadding(width: number): number {
  return Math.ceil(width / TAB_WIDTH);
}

/** Number of surrogate pairs in a text: its length in UTF-16 units less its length in code points. */
function surrogatePairCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        count++;
        i++;
      }
    }
  }
  return count;
}

/** The kinds of pieces: spaces are trimmed at the end of a line, protected text is measured in code points. */
const enum PieceKind {
  Token,
  Space,
  Protected,
}

const CHUNK = 8192;
/** The buffer of the last finished TextBuffer, reused by the next one. */
let spareChars: Uint16Array | undefined;

/** A growable UTF-16 buffer: cheaper than joining millions of small strings. */
class TextBuffer {
  private chars: Uint16Array;
  private length = 0;

  constructor(capacity: number) {
    // Formatting is synchronous, so one buffer serves every call in turn (no allocation per file).
    if (spareChars !== undefined && spareChars.length >= capacity) {
      this.chars = spareChars;
      spareChars = undefined;
    } else {
      this.chars = new Uint16Array(capacity);
    }
  }

  /** Hands the buffer back for the next TextBuffer; this one must not be used afterwards. */
  release(): void {
    if (spareChars === undefined || spareChars.length < this.chars.length) spareChars = this.chars;
  }

  append(text: string): void {
    const length = this.length;
    const end = length + text.length;
    if (end > this.chars.length) this.grow(end);
    const chars = this.chars;
    for (let i = 0; i < text.length; i++) chars[length + i] = text.charCodeAt(i);
    this.length = end;
  }

  /** Appends `count` times the character `code`. */
  repeat(code: number, count: number): void {
    if (count <= 0) return;
    const end = this.length + count;
    if (end > this.chars.length) this.grow(end);
    // A loop rather than `fill`, whose call costs more than the few characters of indentation or padding.
    const chars = this.chars;
    for (let i = this.length; i < end; i++) chars[i] = code;
    this.length = end;
  }

  pushNewline(): void {
    if (this.length === this.chars.length) this.grow(this.length + 1);
    this.chars[this.length++] = 10;
  }

  /** Drops the last character. */
  dropLast(): void {
    if (this.length > 0) this.length--;
  }

  toString(): string {
    const bytes = this.length * 2;
    // Node's UTF-16 decoding is the fastest way out and keeps lone surrogates; elsewhere, fromCharCode does.
    if (typeof Buffer === "function") return Buffer.from(this.chars.buffer, 0, bytes).toString("utf16le");
    const parts: string[] = [];
    for (let from = 0; from < this.length; from += CHUNK) {
      const chunk = this.chars.subarray(from, Math.min(from + CHUNK, this.length));
      parts.push(String.fromCharCode.apply(null, chunk as unknown as number[]));
    }
    return parts.join("");
  }

  private grow(atLeast: number): void {
    const chars = new Uint16Array(Math.max(this.chars.length * 2, atLeast));
    chars.set(this.chars.subarray(0, this.length));
    this.chars = chars;
  }
}
