import { getComponent } from "@alloy-toolkit/catalog";
import { classifyBlock, type SymbolKind as BlockKind } from "@alloy-toolkit/checker/core";
import type { Statement } from "@alloy-toolkit/parser";
import type { DocumentSymbol, DocumentSymbolParams } from "vscode-languageserver";
import { SymbolKind } from "../lsp.js";
import type { ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { toLspRange } from "../lsp-positions.js";

/** How the outline shows the top-level blocks of a module, by the checker's classification. */
const OUTLINE_KINDS: Record<BlockKind, SymbolKind> = {
  component: SymbolKind.Class,
  declare: SymbolKind.Module,
  config: SymbolKind.Namespace,
  service: SymbolKind.Namespace,
};

/** `textDocument/documentSymbol`: the outline, blocks nested as written, attributes as leaves. */
export function documentSymbol(doc: ParsedDocument, _params: DocumentSymbolParams, ctx: FeatureContext): DocumentSymbol[] {
  const version = ctx.workspace.settings.alloyVersion;
  const index = doc.lineIndex;
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
    const children = statement.body.map((child) => visit(child, moduleBody ? 0 : depth + 1, statement.name));
    return {
      name: (statement.name || "<block>") + label,
      detail: depth === 0 ? getComponent(statement.name, version)?.stability : undefined,
      kind,
      range: toLspRange(index, statement.range),
      selectionRange: toLspRange(index, statement.label?.range ?? statement.range),
      children,
    };
  };
  return doc.ast.body.map((statement) => visit(statement, 0));
}
