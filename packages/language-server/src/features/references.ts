import type { Location, ReferenceParams } from "vscode-languageserver";
import type { ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { toLspRange, toOffset } from "../lsp-positions.js";

/** `textDocument/references`: every use of the symbol at the cursor, with its definition when asked. */
export function references(doc: ParsedDocument, params: ReferenceParams, ctx: FeatureContext): Location[] {
  const model = ctx.workspace.model(doc.uri);
  const found = model.symbolAt(doc.uri, toOffset(doc.lineIndex, params.position));
  if (!found) return [];
  const locations: Location[] = [];
  const symbol = found.symbol;
  if (params.context.includeDeclaration && symbol.block.label) {
    const owner = model.documents.get(symbol.uri);
    if (owner) locations.push({ uri: symbol.uri, range: toLspRange(owner.lineIndex, symbol.block.label.range) });
  }
  for (const reference of model.referencesTo(symbol)) {
    const owner = model.documents.get(reference.uri);
    if (owner) locations.push({ uri: reference.uri, range: toLspRange(owner.lineIndex, reference.nameRange) });
  }
  return locations;
}
