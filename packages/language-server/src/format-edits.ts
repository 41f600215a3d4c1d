import { format, FormatError } from "@alloy-toolkit/formatter";
import type { TextEdit } from "vscode-languageserver";
import type { ParsedDocument } from "./documents.js";
import { offsetsToLspRange } from "./lsp-positions.js";

/**
 * The edits formatting a whole document: one edit replacing everything, or none when the text is already
 * formatted or does not parse (the formatter refuses such text; the parse errors are already diagnostics).
 */
export function wholeDocumentFormatEdits(doc: ParsedDocument): TextEdit[] {
  const formatted = formatOrUndefined(doc.text, doc.uri);
  if (formatted === undefined || formatted === doc.text) return [];
  return [{ range: offsetsToLspRange(doc.lineIndex, 0, doc.text.length), newText: formatted }];
}

/** `format(text)`, or `undefined` when the text has parse errors. */
export function formatOrUndefined(text: string, filename: string): string | undefined {
  try {
    return format(text, { filename });
  } catch (error) {
    if (error instanceof FormatError) return undefined;
    throw error;
  }
}
