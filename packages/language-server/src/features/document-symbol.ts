import { getComponent } from "@alloy-toolkit/catalog";
import { classifyBlock, type SymbolKind as BlockKind } from "@alloy-toolkit/checker/core";
import type { Statement } from "@alloy-toolkit/parser";
import type { DocumentSymbol, DocumentSymbolParams } from "vscode-languageserver";
import { SymbolKind } from "../lsp.js";
import type { ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { MAX_DOCUMENT_SYMBOLS } from "../limits.js";
import { toLspRange } from "../lsp-positions.js";

/** How the outline shows the top-level blocks of a module, by the checker's classification. */
const OUTLINE_KINDS: Record<BlockKind, SymbolKind> = {
  component: SymbolKind.Class,
  declare: SymbolKind.Module,
  config: SymbolKind.Namespace,
  service: SymbolKind.Namespace,
};

/**
 * `textDocument/documentSymbol`: the outline, blocks nested as written, attributes as leaves. A huge file's
 * outline is cut to {@link MAX_DOCUMENT_SYMBOLS} symbols: without attributes first, then without nested blocks,
 * then the first top-level blocks only (an outline of megabytes helps no one and stalls the editor).
 */
export function documentSymbol(doc: ParsedDocument, _params: DocumentSymbolParams, ctx: FeatureContext): DocumentSymbol[] {
  const version = ctx.workspace.settings.alloyVersion;
  const index = doc.lsp;
  const body = doc.ast.body;
  const counts = countStatements(body);
  const attributes = counts.all <= MAX_DOCUMENT_SYMBOLS;
  const nested = counts.blocks <= MAX_DOCUMENT_SYMBOLS;
  const visit = (statement: Statement, depth: number, parentName?: string): DocumentSymbol => {
    if (statement.kind === "Attribute") {
      return {
        name: statement.name.name || "<attribute>",
        kind: SymbolKind.Property,
        range: toLspRange(index, statement.range),
        selectionRange: toLspRange(index, statement.name.range),
      };
    }
    const label = statement.label ? ` "${statement.label.value}"` : "";
    const kind =
      statement.name === "declare" || statement.name.startsWith("import.")
        ? SymbolKind.Module
        : statement.name === "argument"
          ? SymbolKind.Variable
          : statement.name === "export"
            ? SymbolKind.Field
            : depth > 0
              ? SymbolKind.Struct
              : OUTLINE_KINDS[classifyBlock(statement.name)];
    // A declare's body and a foreach's template are modules: their blocks are top-level blocks again.
    const moduleBody = statement.name === "declare" || (statement.name === "template" && parentName === "foreach" && depth === 1);
    const children = nested
      ? statement.body.filter((child) => attributes || child.kind === "Block").map((child) => visit(child, moduleBody ? 0 : depth + 1, statement.name))
      : [];
    return {
      name: (statement.name || "<block>") + label,
      detail: depth === 0 ? getComponent(statement.name, version)?.stability : undefined,
      kind,
      range: toLspRange(index, statement.range),
      selectionRange: toLspRange(index, statement.label?.range ?? statement.range),
      children,
    };
  };
  const top = nested ? body : body.filter((s) => s.kind === "Block").slice(0, MAX_DOCUMENT_SYMBOLS);
  return top.filter((s) => attributes || s.kind === "Block").map((statement) => visit(statement, 0));
}

/** How many statements, and how many blocks, a body holds at every depth. */
function countStatements(body: readonly Statement[]): { all: number; blocks: number } {
  let all = 0;
  let blocks = 0;
  const stack = [...body];
  while (stack.length > 0) {
    const statement = stack.pop()!;
    all++;
    if (statement.kind !== "Block") continue;
    blocks++;
    for (const child of statement.body) stack.push(child);
  }
  return { all, blocks };
}
