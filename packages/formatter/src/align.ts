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
  private readonly output: string[] = [];

  // The current run of lines, cells stored flat.
  private cellTexts: string[] = [];
  private cellWidths: number[] = [];
  private cellHardTabs: boolean[] = [];
  /** Per cell: length of its text up to the end of its last protected part (0 if none). */
  private cellProtected: number[] = [];
  /** Per line: index of its first cell; the line's cells run to the next line's first cell. */
  private lineStarts: number[] = [0];

  // The cell being written.
  private text = "";
  private width = 0;
  private protectedLength = 0;

  private readonly columnWidths: number[] = [];

  /** Appends plain text (no tabs or line breaks). */
  write(text: string): void {
    this.text += text;
    this.width += text.length;
  }

  /** Appends text that is never trimmed nor split: comments, string literals. */
  writeProtected(text: string): void {
    this.text += text;
    this.width += codePointCount(text);
    this.protectedLength = this.text.length;
  }

  /** Ends the current cell with a hard (`\t`) or soft (`\v`) tab. */
  endCell(hardTab: boolean): void {
    this.pushCell(hardTab);
  }

  /** Ends the current line; a form feed also ends the current run of aligned lines. */
  endLine(formFeed: boolean): void {
    this.pushCell(false);
    const cellCount = this.cellTexts.length - this.lineStarts[this.lineStarts.length - 1];
    this.lineStarts.push(this.cellTexts.length);
    // A line with a single cell takes part in no column, so nothing after it can change what came before.
    if (formFeed || cellCount === 1) this.flush();
  }

  /** Flushes everything and returns the laid-out text. */
  finish(): string {
    // The unterminated last line, if any, is the last cell of the run.
    if (this.text.length > 0) {
      this.pushCell(false);
      this.lineStarts.push(this.cellTexts.length);
      this.flush();
      // No line break after it: drop the one flushLines wrote.
      const last = this.output.length - 1;
      this.output[last] = this.output[last].slice(0, -1);
    } else {
      this.flush();
    }
    return this.output.join("");
  }

  private pushCell(hardTab: boolean): void {
    this.cellTexts.push(this.text);
    this.cellWidths.push(this.width);
    this.cellHardTabs.push(hardTab);
    this.cellProtected.push(this.protectedLength);
    this.text = "";
    this.width = 0;
    this.protectedLength = 0;
  }

  private flush(): void {
    const lineCount = this.lineStarts.length - 1;
    if (lineCount > 0) this.format(0, lineCount);
    this.cellTexts = [];
    this.cellWidths = [];
    this.cellHardTabs = [];
    this.cellProtected = [];
    this.lineStarts = [0];
  }

  private cellCount(line: number): number {
    return this.lineStarts[line + 1] - this.lineStarts[line];
  }

  /** Lays out lines [from, to) knowing the widths of the columns left of `columnWidths.length`. */
  private format(from: number, to: number): void {
    const column = this.columnWidths.length;
    let pending = from;
    for (let line = from; line < to; line++) {
      // The last cell of a line is not terminated by a tab and belongs to no column.
      if (column >= this.cellCount(line) - 1) continue;
      this.writeLines(pending, line);
      const blockStart = line;
      let width = 0;
      let discardable = true;
      for (; line < to && column < this.cellCount(line) - 1; line++) {
        const cell = this.lineStarts[line] + column;
        const cellWidth = this.cellWidths[cell] + 1;
        if (cellWidth > width) width = cellWidth;
        if (this.cellWidths[cell] > 0 || this.cellHardTabs[cell]) discardable = false;
      }
      if (discardable) width = 0;
      this.columnWidths.push(width);
      this.format(blockStart, line);
      this.columnWidths.pop();
      pending = line;
      line--;
    }
    this.writeLines(pending, to);
  }

  private writeLines(from: number, to: number): void {
    const widths = this.columnWidths;
    for (let line = from; line < to; line++) {
      let out = "";
      let keep = 0;
      let leading = true;
      const first = this.lineStarts[line];
      const end = this.lineStarts[line + 1];
      for (let cell = first; cell < end; cell++) {
        const column = cell - first;
        const text = this.cellTexts[cell];
        if (text.length === 0) {
          if (column < widths.length) out += padding(0, widths[column], leading);
        } else {
          leading = false;
          if (this.cellProtected[cell] > 0) keep = out.length + this.cellProtected[cell];
          out += text;
          if (column < widths.length) out += padding(this.cellWidths[cell], widths[column], false);
        }
      }
      this.output.push(trimTrailingSpace(out, keep) + "\n");
    }
  }
}

const TAB_WIDTH = 8;

function padding(textWidth: number, cellWidth: number, useTabs: boolean): string {
  if (useTabs) {
    const rounded = Math.ceil(cellWidth / TAB_WIDTH) * TAB_WIDTH;
    return "\t".repeat(Math.ceil((rounded - textWidth) / TAB_WIDTH));
  }
  return " ".repeat(cellWidth - textWidth);
}

function trimTrailingSpace(line: string, keep: number): string {
  let end = line.length;
  while (end > keep) {
    const c = line.charCodeAt(end - 1);
    if (c !== 32 && c !== 9) break;
    end--;
  }
  return end === line.length ? line : line.slice(0, end);
}

/** Width of a text in code points, as Go counts runes. */
function codePointCount(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}
