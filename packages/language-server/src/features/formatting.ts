import type { DocumentFormattingParams, TextEdit } from "vscode-languageserver";
import type { ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { formatEdits } from "../format-edits.js";

/**
 * `textDocument/formatting`: `alloy fmt` output, as edits of the lines that change (none when already
 * formatted, in the document's own line endings, or unparsable). Works on unsaved buffers (the text is the
 * editor's). Alloy's style fixes indentation to tabs, so the editor's tab size options are not used.
 */
export function formatting(doc: ParsedDocument, _params: DocumentFormattingParams, _ctx: FeatureContext): TextEdit[] {
  return formatEdits(doc);
}
