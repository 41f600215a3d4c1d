import { endOffset, nodePathAt, startOffset } from "@alloy-toolkit/parser";
import type { SelectionRange, SelectionRangeParams } from "vscode-languageserver";
import type { ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { offsetsToLspRange, toOffset } from "../lsp-positions.js";

/** `textDocument/selectionRange`: the nodes around each position, innermost first, each strictly larger. */
export function selectionRange(doc: ParsedDocument, params: SelectionRangeParams, _ctx: FeatureContext): SelectionRange[] {
  const index = doc.lsp;
  return params.positions.map((position) => {
    const offset = toOffset(index, position);
    let parent: SelectionRange | undefined;
    let last: [number, number] | undefined;
    for (const node of nodePathAt(doc.ast, offset)) {
      const span: [number, number] = node.kind === "File" ? [0, index.text.length] : [startOffset(node.range), endOffset(node.range)];
      if (last && span[0] === last[0] && span[1] === last[1]) continue;
      if (last && (span[0] < last[0] || span[1] > last[1])) continue; // keep the chain strictly nested
      parent = { range: offsetsToLspRange(index, span[0], span[1]), ...(parent ? { parent } : {}) };
      last = span;
    }
    return parent ?? { range: offsetsToLspRange(index, offset, offset) };
  });
}
