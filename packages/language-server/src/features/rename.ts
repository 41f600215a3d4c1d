import { endOffset, isValidIdentifier, startOffset } from "@alloy-toolkit/parser";
import type { PrepareRenameParams, Range, RenameParams, TextEdit, WorkspaceEdit } from "vscode-languageserver";
import { ErrorCodes, ResponseError } from "../lsp.js";
import type { ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { offsetsToLspRange, toLspRange, toOffset } from "../lsp-positions.js";
import { symbolAtOffset, symbolOccurrences } from "../symbol-occurrences.js";

/** `textDocument/prepareRename`: the name under the cursor when it is a renameable symbol (label text without quotes). */
export function prepareRename(doc: ParsedDocument, params: PrepareRenameParams, ctx: FeatureContext): { range: Range; placeholder: string } | null {
  const found = symbolAtOffset(ctx.workspace, doc.uri, toOffset(doc.lsp, params.position));
  if (!found || found.symbol.label === undefined) return null;
  const range = found.use
    ? toLspRange(doc.lsp, found.range)
    : offsetsToLspRange(doc.lsp, startOffset(found.range) + 1, endOffset(found.range) - 1);
  return { range, placeholder: found.symbol.label };
}

/**
 * `textDocument/rename` for component labels, `declare`d components, arguments, exports and imported
 * modules, across files. Refuses names that are not Alloy identifiers.
 */
export function rename(doc: ParsedDocument, params: RenameParams, ctx: FeatureContext): WorkspaceEdit | null {
  if (!isValidIdentifier(params.newName)) {
    throw new ResponseError(ErrorCodes.InvalidParams, `"${params.newName}" is not a valid Alloy identifier`);
  }
  const found = symbolOccurrences(ctx.workspace, doc.uri, toOffset(doc.lsp, params.position));
  if (!found) return null;
  const changes: Record<string, TextEdit[]> = {};
  for (const occurrence of found.occurrences) {
    // A label's range has its quotes: replace what is between them.
    const quoted = occurrence.isDefinition ? 1 : 0;
    const start = startOffset(occurrence.range) + quoted;
    const end = endOffset(occurrence.range) - quoted;
    (changes[occurrence.uri] ??= []).push({ range: offsetsToLspRange(occurrence.document.lsp, start, end), newText: params.newName });
  }
  return { changes };
}
