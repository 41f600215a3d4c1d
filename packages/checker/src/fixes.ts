import { startOffset, type Block } from "@alloy-toolkit/parser";

/** An insertion into a text: `newText` goes at `offset`. */
export interface Insertion {
  readonly offset: number;
  readonly newText: string;
}

/**
 * Inserts `lines` at the end of a block's body, each on a line of its own, indented one level deeper than the
 * block: at the start of the line of its `}` when that brace starts its line, else just before the brace. The
 * level is the one the block's body already uses (from its first statement), else `unit`; each tab a line
 * starts with stands for one more level.
 */
export function insertionAtBlockEnd(text: string, block: Block, lines: readonly string[], unit: string): Insertion {
  const blockIndent = indentationOf(text, startOffset(block.range));
  const first = block.body[0];
  const bodyIndent = first ? indentationOf(text, startOffset(first.range)) : "";
  const level = bodyIndent.length > blockIndent.length && bodyIndent.startsWith(blockIndent) ? bodyIndent.slice(blockIndent.length) : unit;
  const inner = blockIndent + level;
  const close = startOffset(block.closeBrace);
  const closeLineStart = text.lastIndexOf("\n", close - 1) + 1;
  const body = lines.map((line) => inner + line.replace(/^\t+/, (tabs) => level.repeat(tabs.length))).join("\n") + "\n";
  if (text.slice(closeLineStart, close).trim() === "") return { offset: closeLineStart, newText: body };
  return { offset: close, newText: `\n${body}${blockIndent}` };
}

/** The blanks a line starts with, for the line holding `offset`. */
function indentationOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  let end = lineStart;
  while (end < text.length && (text[end] === " " || text[end] === "\t")) end++;
  return text.slice(lineStart, end);
}
