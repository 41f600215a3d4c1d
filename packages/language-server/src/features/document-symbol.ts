import { getComponent, getConfigBlock } from "@alloy-toolkit/catalog";
import type { Statement } from "@alloy-toolkit/parser";
import type { DocumentSymbol, DocumentSymbolParams } from "vscode-languageserver";
import { SymbolKind } from "../lsp.js";
import type { ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { toLspRange } from "../lsp-positions.js";

/** `textDocument/documentSymbol`: the outline, blocks nested as written, attributes as leaves. */
export function documentSymbol(doc: ParsedDocument, _params: DocumentSymbolParams, ctx: FeatureContext): DocumentSymbol[] {
  const version = ctx.workspace.settings.alloyVersion;
  const index = doc.lineIndex;
  const visit = (statement: Statement, depth: number): DocumentSymbol => {
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
              : getComponent(statement.name, version)
                ? SymbolKind.Class
                : getConfigBlock(statement.name, version)
                  ? SymbolKind.Namespace
                  : SymbolKind.Object;
    const children = statement.body.map((child) => visit(child, statement.name === "declare" ? 0 : depth + 1));
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
