import { walk } from "@alloy-toolkit/parser";
import type { FoldingRange, FoldingRangeParams } from "vscode-languageserver";
import { FoldingRangeKind } from "../lsp.js";
import type { ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { MAX_FOLDING_RANGES } from "../limits.js";

/** `textDocument/foldingRange`: blocks, multi-line arrays and objects, block comments, runs of line comments. */
export function foldingRange(doc: ParsedDocument, _params: FoldingRangeParams, _ctx: FeatureContext): FoldingRange[] {
  const index = doc.lsp;
  const ranges: FoldingRange[] = [];
  const add = (startOffset: number, endOffset: number, kind?: FoldingRangeKind, keepLastLine = true) => {
    const startLine = index.lineOf(startOffset);
    const endLine = index.lineOf(endOffset) - (keepLastLine ? 1 : 0);
    if (endLine > startLine) ranges.push({ startLine, endLine, ...(kind ? { kind } : {}) });
  };
  walk(doc.ast, {
    enter(node) {
      if (node.kind === "Block") add(node.openBrace.start.offset, node.closeBrace.start.offset);
      else if (node.kind === "ArrayExpression" || node.kind === "ObjectExpression") add(node.range.start.offset, node.range.end.offset);
    },
  });
  let run: { start: number; end: number; count: number } | undefined;
  const flush = () => {
    if (run && run.count > 1) add(run.start, run.end, FoldingRangeKind.Comment, false);
    run = undefined;
  };
  for (const comment of doc.ast.comments) {
    const start = comment.range.start.offset;
    if (comment.style === "block") {
      flush();
      add(start, comment.range.end.offset, FoldingRangeKind.Comment, false);
      continue;
    }
    const line = index.lineOf(start);
    const ownLine = index.text.slice(index.lineStarts[line], start).trim() === "";
    if (!ownLine) {
      flush();
      continue;
    }
    if (run && index.lineOf(run.end) === line - 1) {
      run.end = start;
      run.count++;
    } else {
      flush();
      run = { start, end: start, count: 1 };
    }
  }
  flush();
  if (ranges.length <= MAX_FOLDING_RANGES) return ranges;
  // The largest regions are the ones worth folding in a file this big.
  return ranges
    .sort((a, b) => b.endLine - b.startLine - (a.endLine - a.startLine))
    .slice(0, MAX_FOLDING_RANGES)
    .sort((a, b) => a.startLine - b.startLine);
}
