import { symbolAt, usesOf } from "@alloy-toolkit/checker/core";
import type { DocumentHighlight, DocumentHighlightParams } from "vscode-languageserver";
import { DocumentHighlightKind } from "../lsp.js";
import { checkerFilename, type ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { MAX_LOCATIONS } from "../limits.js";
import { toLspRange, toOffset } from "../lsp-positions.js";

/**
 * `textDocument/documentHighlight`: in this document, the symbol at the cursor's definition (its label, a
 * write) and its uses (references, instantiations, argument names: reads), from the checker's model.
 */
export function documentHighlight(doc: ParsedDocument, params: DocumentHighlightParams, ctx: FeatureContext): DocumentHighlight[] {
  const model = ctx.workspace.latestAnalysis(doc.uri).model;
  const filename = checkerFilename(doc.uri);
  const found = symbolAt(model, filename, toOffset(doc.lsp, params.position));
  if (!found) return [];
  const highlights: DocumentHighlight[] = [];
  const label = found.symbol.block.label;
  if (label && found.symbol.document.filename === filename) {
    highlights.push({ range: toLspRange(doc.lsp, label.range), kind: DocumentHighlightKind.Write });
  }
  for (const use of usesOf(model, found.symbol)) {
    if (highlights.length >= MAX_LOCATIONS) break;
    if (use.document.filename === filename) highlights.push({ range: toLspRange(doc.lsp, use.range), kind: DocumentHighlightKind.Read });
  }
  return highlights;
}
