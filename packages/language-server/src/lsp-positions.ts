import type { Range as SourceRange } from "@alloy-toolkit/parser";
import { endOffset, LineIndex, startOffset, utf8Length } from "@alloy-toolkit/parser";
import type { Position, Range } from "vscode-languageserver";
import type { PositionEncoding } from "./client-capabilities.js";

const LF = 10;
const CR = 13;

/**
 * The lines of one text as LSP counts them, and the one place where offsets into the text (0-based UTF-16
 * indexes, the parser's unit) meet LSP positions (0-based line, 0-based character in the negotiated encoding).
 *
 * LSP ends a line at `\n`, `\r\n` or a lone `\r`; Alloy's scanner (and so the parser's `LineIndex`) only at
 * `\n`. The parser's positions follow Alloy; the server converts here, at its boundary, from offsets, never
 * from the parser's line numbers. Characters count UTF-16 code units, or UTF-8 bytes when the client offered
 * `utf-8`.
 */
export class LspLines {
  /** The offset at which each LSP line starts; `lineStarts[0] === 0`. */
  readonly lineStarts: readonly number[];
  /** The parser's index over these line starts: its line search is the one used. */
  private readonly index: LineIndex;

  /**
   * @param newlineStarts the starts of the lines ended by `\n` alone (the parser's `LineIndex.lineStarts` of
   *   this very text), reused when the text has no lone `\r`
   */
  constructor(
    readonly text: string,
    readonly encoding: PositionEncoding = "utf-16",
    newlineStarts?: readonly number[],
  ) {
    this.lineStarts = newlineStarts && !hasLoneCarriageReturn(text) ? newlineStarts : computeLspLineStarts(text);
    this.index = new LineIndex(text, this.lineStarts);
  }

  /** 0-based LSP line holding `offset` (the parser's lines are 1-based). */
  lineOf(offset: number): number {
    return this.index.lineAt(offset) - 1;
  }

  /** The offset where the content of a 0-based line ends (before its line break). */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1];
    const text = this.text;
    if (end > 0 && text.charCodeAt(end - 1) === LF) end--;
    if (end > this.lineStarts[line] && text.charCodeAt(end - 1) === CR) end--;
    return end;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    const start = this.lineStarts[line];
    const end = Math.min(clamped, this.lineEnd(line));
    return { line, character: this.encoding === "utf-8" ? utf8Length(this.text, start, end) : end - start };
  }

  /** The offset of an LSP position, clamped to the text (a character past the line's end is its end). */
  offset(position: Position): number {
    const line = Math.max(0, Math.floor(position.line));
    const character = Math.max(0, Math.floor(position.character));
    if (line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[line];
    const end = this.lineEnd(line);
    if (this.encoding === "utf-16") return Math.min(start + character, end);
    return offsetOfUtf8Column(this.text, start, end, character);
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}

export function toLspPosition(lines: LspLines, offset: number): Position {
  return lines.position(offset);
}

export function toLspRange(lines: LspLines, range: SourceRange): Range {
  return lines.range(startOffset(range), endOffset(range));
}

export function offsetsToLspRange(lines: LspLines, start: number, end: number): Range {
  return lines.range(start, end);
}

export function toOffset(lines: LspLines, position: Position): number {
  return lines.offset(position);
}

/** The blanks the 0-based `line` starts with. */
export function lineIndentation(lines: LspLines, line: number): string {
  const start = lines.lineStarts[line] ?? lines.text.length;
  const text = lines.text.slice(start, lines.lineEnd(line));
  return text.slice(0, text.length - text.trimStart().length);
}

function hasLoneCarriageReturn(text: string): boolean {
  for (let at = text.indexOf("\r"); at !== -1; at = text.indexOf("\r", at + 1)) {
    if (text.charCodeAt(at + 1) !== LF) return true;
  }
  return false;
}

/** Line starts after each `\n`, `\r\n` and lone `\r`. */
export function computeLspLineStarts(text: string): number[] {
  const starts = [0];
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) starts.push(i + 1);
    else if (c === CR) {
      if (text.charCodeAt(i + 1) === LF) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * The UTF-16 character of a UTF-8 `character` on a line whose text (its line break at the end, if any) is
 * `lineText`: how an incoming position in UTF-8 becomes one the editor's text model takes.
 */
export function utf16Character(lineText: string, character: number): number {
  let end = lineText.length;
  if (end > 0 && lineText.charCodeAt(end - 1) === LF) end--;
  if (end > 0 && lineText.charCodeAt(end - 1) === CR) end--;
  return offsetOfUtf8Column(lineText, 0, end, character);
}

/** The offset `bytes` UTF-8 bytes after `start`, never past `end` nor inside a character. */
function offsetOfUtf8Column(text: string, start: number, end: number, bytes: number): number {
  let counted = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < end && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (counted + size > bytes) break;
    counted += size;
    i += pair ? 2 : 1;
  }
  return i;
}
