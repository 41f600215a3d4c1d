import { getComponent, getConfigBlock } from "@alloy-toolkit/catalog";
import type { Block, Statement } from "@alloy-toolkit/parser";
import { dirname, isAbsolute, resolve } from "node:path";
import type { DocumentLink, DocumentLinkParams } from "vscode-languageserver";
import { URI } from "vscode-uri";
import { fsPathOf, type ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { offsetsToLspRange } from "../lsp-positions.js";

/** `textDocument/documentLink`: `import.file` paths, and each component's name to its versioned docs page. */
export function documentLink(doc: ParsedDocument, _params: DocumentLinkParams, ctx: FeatureContext): DocumentLink[] {
  const version = ctx.workspace.settings.alloyVersion;
  const index = doc.lsp;
  const links: DocumentLink[] = [];
  const docPath = fsPathOf(doc.uri);
  const visit = (block: Block, statementLevel: boolean) => {
    if (statementLevel && block.nameParts.length > 0) {
      const schema = getComponent(block.name, version) ?? getConfigBlock(block.name, version);
      if (schema) {
        const first = block.nameParts[0].range;
        const last = block.nameParts[block.nameParts.length - 1].range;
        links.push({
          range: offsetsToLspRange(index, first.start.offset, last.end.offset),
          target: schema.docUrl,
          tooltip: `${block.name} documentation`,
        });
      }
    }
    if (block.name === "import.file" && docPath !== undefined) {
      for (const statement of block.body) {
        if (statement.kind !== "Attribute" || statement.name.name !== "filename" || statement.value.kind !== "StringLiteral") continue;
        const filename = statement.value.value;
        if (filename === "") continue;
        const target = isAbsolute(filename) ? filename : resolve(dirname(docPath), filename);
        const range = statement.value.range;
        links.push({
          range: offsetsToLspRange(index, range.start.offset + 1, Math.max(range.start.offset + 1, range.end.offset - 1)),
          target: URI.file(target).toString(),
          tooltip: "Open module",
        });
      }
    }
    for (const child of block.body) if (child.kind === "Block") visit(child, block.name === "declare");
  };
  for (const statement of doc.ast.body as Statement[]) if (statement.kind === "Block") visit(statement, true);
  return links;
}
