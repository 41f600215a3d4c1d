import { endOffset, isValidIdentifier, startOffset } from "@alloy-toolkit/parser";
import {
  ErrorCodes,
  ResponseError,
  type PrepareRenameParams,
  type Range,
  type RenameParams,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver";
import type { ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { offsetsToLspRange, toLspRange, toOffset } from "../lsp-positions.js";

/** `textDocument/prepareRename`: the name under the cursor when it is a renameable symbol (label text without quotes). */
export function prepareRename(doc: ParsedDocument, params: PrepareRenameParams, ctx: FeatureContext): { range: Range; placeholder: string } | null {
  const found = ctx.workspace.model(doc.uri).symbolAt(doc.uri, toOffset(doc.lineIndex, params.position));
  if (!found) return null;
  const range = found.reference
    ? toLspRange(doc.lineIndex, found.range)
    : offsetsToLspRange(doc.lineIndex, startOffset(found.range) + 1, endOffset(found.range) - 1);
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
  const model = ctx.workspace.model(doc.uri);
  const found = model.symbolAt(doc.uri, toOffset(doc.lineIndex, params.position));
  if (!found) return null;
  const symbol = found.symbol;
  const changes: Record<string, TextEdit[]> = {};
  const edit = (uri: string, start: number, end: number, newText: string) => {
    const owner = model.documents.get(uri);
    if (!owner) return;
    (changes[uri] ??= []).push({ range: offsetsToLspRange(owner.lineIndex, start, end), newText });
  };
  const label = symbol.block.label;
  if (label) edit(symbol.uri, startOffset(label.range) + 1, endOffset(label.range) - 1, params.newName);
  for (const reference of model.referencesTo(symbol)) {
    edit(reference.uri, startOffset(reference.nameRange), endOffset(reference.nameRange), params.newName);
  }
  return { changes };
}
