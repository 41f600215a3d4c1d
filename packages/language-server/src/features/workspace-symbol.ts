import type { Block } from "@alloy-toolkit/parser";
import type { SymbolInformation, WorkspaceSymbolParams } from "vscode-languageserver";
import { SymbolKind } from "../lsp.js";
import type { FeatureContext } from "../feature-context.js";
import { MAX_WORKSPACE_SYMBOLS as MAX_RESULTS } from "../limits.js";
import { toLspRange } from "../lsp-positions.js";

/** `workspace/symbol`: labelled top-level blocks (and those of `declare` bodies) of every workspace `.alloy` file. */
export function workspaceSymbol(params: WorkspaceSymbolParams, ctx: FeatureContext): SymbolInformation[] {
  const query = params.query.toLowerCase();
  const results: SymbolInformation[] = [];
  for (const uri of ctx.workspace.workspaceFiles().alloy) {
    if (ctx.token?.isCancellationRequested || results.length >= MAX_RESULTS) break;
    const doc = ctx.workspace.documents.get(uri);
    if (!doc) continue;
    const visit = (block: Block, container: string | undefined) => {
      if (!block.label) return;
      const name = `${block.name} "${block.label.value}"`;
      if (fuzzyMatch(query, name.toLowerCase())) {
        results.push({
          name,
          kind: block.name === "declare" || block.name.startsWith("import.") ? SymbolKind.Module : SymbolKind.Class,
          location: { uri, range: toLspRange(doc.lsp, block.range) },
          ...(container ? { containerName: container } : {}),
        });
      }
      if (block.name === "declare") for (const child of block.body) if (child.kind === "Block") visit(child, name);
    };
    for (const statement of doc.ast.body) if (statement.kind === "Block") visit(statement, undefined);
  }
  return results.slice(0, MAX_RESULTS);
}

/** Whether the characters of `query` appear in `text` in order. */
function fuzzyMatch(query: string, text: string): boolean {
  let at = 0;
  for (const c of query) {
    at = text.indexOf(c, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}
