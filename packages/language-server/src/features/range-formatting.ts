import { endOffset, startOffset } from "@alloy-toolkit/parser";
import type { DocumentRangeFormattingParams, TextEdit } from "vscode-languageserver";
import type { ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { formatOrUndefined, withLineEndingsOf } from "../format-edits.js";
import { offsetsToLspRange, toOffset } from "../lsp-positions.js";

/**
 * `textDocument/rangeFormatting`: formats the top-level statements the range touches (whole lines, with the
 * comments between them), as one edit; none when the document does not parse or nothing changes.
 */
export function rangeFormatting(doc: ParsedDocument, params: DocumentRangeFormattingParams, _ctx: FeatureContext): TextEdit[] {
  if (doc.parse.diagnostics.some((d) => d.severity === "error")) return [];
  const index = doc.lsp;
  const from = toOffset(index, params.range.start);
  const to = toOffset(index, params.range.end);
  const touched = doc.ast.body.filter((s) => startOffset(s.range) <= to && endOffset(s.range) >= from);
  if (touched.length === 0) return [];
  const start = index.lineStarts[index.lineOf(startOffset(touched[0].range))];
  const lastLine = index.lineOf(endOffset(touched[touched.length - 1].range));
  const end = lastLine + 1 < index.lineStarts.length ? index.lineStarts[lastLine + 1] : doc.text.length;
  const original = doc.text.slice(start, end);
  const output = formatOrUndefined(original, doc.uri);
  if (output === undefined) return [];
  let formatted = withLineEndingsOf(doc.text, output);
  if (!original.endsWith("\n")) formatted = formatted.replace(/\r?\n$/, "");
  return formatted === original ? [] : [{ range: offsetsToLspRange(index, start, end), newText: formatted }];
}
