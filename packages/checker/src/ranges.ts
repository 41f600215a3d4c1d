import { startOffset, type Range } from "@alloy-toolkit/parser";
import { rangeAt } from "./analyze.js";
import type { BlockSymbol } from "./model.js";

/** Alloy's range for block-name diagnostics: from the name, as many characters as `text` has. */
export function nameRange(symbol: BlockSymbol, text: string = symbol.name): Range {
  const start = startOffset(symbol.block.nameParts[0]?.range ?? symbol.block.range);
  return rangeAt(symbol.document, start, start + text.length);
}

/** From the start of a block to its `{` included, as Alloy marks cycles. */
export function headerRange(symbol: BlockSymbol): Range {
  return rangeAt(symbol.document, startOffset(symbol.block.range), startOffset(symbol.block.openBrace) + 1);
}

/** `file:line:col` of a block's start, with Alloy's UTF-8 byte column. */
export function alloyPosition(symbol: BlockSymbol): string {
  const start = symbol.block.range.start;
  return `${symbol.document.filename}:${start.line}:${symbol.document.lineIndex.byteColumn(start)}`;
}
