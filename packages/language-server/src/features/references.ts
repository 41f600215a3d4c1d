import type { Location, ReferenceParams } from "vscode-languageserver";
import type { ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { MAX_LOCATIONS } from "../limits.js";
import { toLspRange, toOffset } from "../lsp-positions.js";
import { symbolOccurrences } from "../symbol-occurrences.js";

/** `textDocument/references`: every use of the symbol at the cursor (across files and importers), with its definition when asked. */
export function references(doc: ParsedDocument, params: ReferenceParams, ctx: FeatureContext): Location[] {
  const found = symbolOccurrences(ctx.workspace, doc.uri, toOffset(doc.lsp, params.position));
  if (!found) return [];
  return found.occurrences
    .filter((o) => params.context.includeDeclaration || !o.isDefinition)
    .slice(0, MAX_LOCATIONS)
    .map((o) => ({ uri: o.uri, range: toLspRange(o.document.lsp, o.range) }));
}
