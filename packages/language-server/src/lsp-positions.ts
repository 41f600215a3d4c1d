import type { LineIndex, Range as SourceRange } from "@alloy-toolkit/parser";
import { endOffset, startOffset } from "@alloy-toolkit/parser";
import type { Position, Range } from "vscode-languageserver";

/**
 * The one place where parser positions (0-based offsets, 1-based lines/columns) meet LSP positions
 * (0-based line, 0-based UTF-16 character). Everywhere else the server counts lines as LSP does, from 0: the
 * numbering of `LineIndex.lineOf` and of `LineIndex.lineStarts`; the 1-based `LineIndex` calls
 * (`positionAt`'s lines, `offsetAt`, `lineText`) are made here only.
 */
export function toLspPosition(index: LineIndex, offset: number): Position {
  const p = index.positionAt(offset);
  return { line: p.line - 1, character: p.column - 1 };
}

export function toLspRange(index: LineIndex, range: SourceRange): Range {
  return offsetsToLspRange(index, startOffset(range), endOffset(range));
}

export function offsetsToLspRange(index: LineIndex, start: number, end: number): Range {
  return { start: toLspPosition(index, start), end: toLspPosition(index, end) };
}

/** The offset of an LSP position, clamped to the text (a character past the line end is its end). */
export function toOffset(index: LineIndex, position: Position): number {
  const line = Math.max(0, Math.floor(position.line));
  const character = Math.max(0, Math.floor(position.character));
  if (line >= index.lineStarts.length) return index.text.length;
  return index.offsetAt(line + 1, character + 1);
}

/** The blanks the 0-based `line` starts with. */
export function lineIndentation(index: LineIndex, line: number): string {
  const text = index.lineText(line + 1);
  return text.slice(0, text.length - text.trimStart().length);
}
