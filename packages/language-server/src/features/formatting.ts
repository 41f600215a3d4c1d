import type { DocumentFormattingParams, TextEdit } from "vscode-languageserver";
import type { ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { wholeDocumentFormatEdits } from "../format-edits.js";

/**
 * `textDocument/formatting`: `alloy fmt` output as one whole-document edit, or none when already formatted
 * or unparsable. Works on unsaved buffers (the text is the editor's). Alloy's style fixes indentation to
 * tabs, so the editor's tab size options are not used.
 */
export function formatting(doc: ParsedDocument, _params: DocumentFormattingParams, _ctx: FeatureContext): TextEdit[] {
  return wholeDocumentFormatEdits(doc);
}
