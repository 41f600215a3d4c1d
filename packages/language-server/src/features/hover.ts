import { getFunction, listConstants, typeToString } from "@alloy-toolkit/catalog";
import { traversalParts } from "@alloy-toolkit/checker/core";
import { nodePathAt, type Identifier, type Node } from "@alloy-toolkit/parser";
import type { Hover, HoverParams } from "vscode-languageserver";
import { MarkupKind } from "../lsp.js";
import type { ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { toLspRange, toOffset } from "../lsp-positions.js";
import { attributeMarkdown, blockMarkdown, componentMarkdown, exportMarkdown, functionMarkdown } from "../schema-docs.js";
import { attributeSchema, blocksOnPath, resolveBlocks, type ResolvedBlock } from "../schema-lookup.js";
import type { ConfigSymbol } from "../semantic-model.js";

/** `textDocument/hover`: catalog docs for components, blocks, arguments, functions; targets of references. */
export function hover(doc: ParsedDocument, params: HoverParams, ctx: FeatureContext): Hover | null {
  const version = ctx.workspace.settings.alloyVersion;
  const offset = toOffset(doc.lineIndex, params.position);
  const path = nodePathAt(doc.ast, offset);
  const node = path[path.length - 1];
  const parent = path[path.length - 2] as Node | undefined;
  const result = (markdown: string, range: Node["range"]): Hover => ({
    contents: { kind: MarkupKind.Markdown, value: markdown },
    range: toLspRange(doc.lineIndex, range),
  });

  if (node.kind === "BlockLabel" || (node.kind === "Identifier" && parent?.kind === "Block" && parent.nameParts.includes(node))) {
    const resolved = resolveBlocks(blocksOnPath(path), version);
    const markdown = blockHover(resolved[resolved.length - 1], ctx, doc.uri, offset);
    return markdown ? result(markdown, node.range) : null;
  }

  if (node.kind === "Identifier" && parent?.kind === "Attribute" && parent.name === node) {
    const resolved = resolveBlocks(blocksOnPath(path), version);
    const owner = resolved[resolved.length - 1];
    const attribute = attributeSchema(owner?.container, node.name);
    if (attribute) return result(attributeMarkdown(attribute, (owner.component ?? owner.configBlock)?.docUrl), node.range);
    const reference = ctx.workspace.model(doc.uri).symbolAt(doc.uri, offset);
    return reference ? result(symbolMarkdown(reference.symbol), node.range) : null;
  }

  // Expressions: the outermost name chain holding the offset.
  for (let i = 0; i < path.length; i++) {
    const candidate = path[i];
    if (candidate.kind !== "AccessExpression" && candidate.kind !== "Identifier") continue;
    const parts = traversalParts(candidate);
    if (!parts) continue;
    const name = parts.map((p) => p.name).join(".");
    const owner = path[i - 1];
    if (owner?.kind === "CallExpression" && owner.callee === candidate) {
      const fn = getFunction(name, version);
      return fn ? result(functionMarkdown(fn, name), candidate.range) : null;
    }
    if (parts[0].name === "constants" && parts.length === 2) {
      const constant = listConstants(version).find((c) => c.name === parts[1].name || c.name === name);
      if (constant) return result(`**${name}** \`${typeToString(constant.type)}\`\n\n${constant.description}`, candidate.range);
    }
    const found = ctx.workspace.model(doc.uri).symbolAt(doc.uri, offset);
    if (found?.reference) return result(referenceMarkdown(found.symbol, found.reference.field), candidate.range);
    return null;
  }
  return null;
}

function blockHover(entry: ResolvedBlock | undefined, ctx: FeatureContext, uri: string, offset: number): string | undefined {
  if (!entry) return undefined;
  switch (entry.role) {
    case "component":
      return componentMarkdown(entry.component!);
    case "config":
    case "declare":
      return entry.configBlock ? componentMarkdown(entry.configBlock) : undefined;
    case "nested":
      return blockMarkdown(entry.blockSchema!, entry.component?.docUrl);
    case "instance": {
      const found = ctx.workspace.model(uri).symbolAt(uri, offset);
      const symbol = found?.symbol;
      if (symbol?.kind === "component" && symbol.instanceOf) return symbolMarkdown(symbol.instanceOf);
      if (symbol) return symbolMarkdown(symbol);
      const instance = ctx.workspace
        .model(uri)
        .symbols.find((s) => s.kind === "component" && s.block === entry.block);
      return instance?.instanceOf ? symbolMarkdown(instance.instanceOf) : undefined;
    }
    case "unknown":
      return undefined;
  }
}

/** What a symbol is, for hovers on references and on module components. */
export function symbolMarkdown(symbol: ConfigSymbol): string {
  switch (symbol.kind) {
    case "component":
      if (symbol.schema) return `Component \`${symbol.blockName}\` labelled \`"${symbol.label}"\`\n\n${symbol.schema.description}`;
      return `Module component \`${symbol.blockName}\` labelled \`"${symbol.label}"\``;
    case "declare": {
      const args = [...(symbol.body?.arguments.keys() ?? [])].map((a) => `\`${a}\``).join(", ");
      const exports = [...(symbol.body?.exports.keys() ?? [])].map((a) => `\`${a}\``).join(", ");
      return `Custom component \`declare "${symbol.label}"\`\n\nArguments: ${args || "none"}\n\nExports: ${exports || "none"}`;
    }
    case "argument": {
      const optional = symbol.block.body.some((s) => s.kind === "Attribute" && s.name.name === "optional");
      return `Argument \`${symbol.label}\`${optional ? " (optional)" : ""}`;
    }
    case "export":
      return `Export \`${symbol.label}\``;
    case "import":
      return `Module \`${symbol.label}\` imported with \`${symbol.blockName}\``;
  }
}

function referenceMarkdown(symbol: ConfigSymbol, field: Identifier | undefined): string {
  const base = symbolMarkdown(symbol);
  if (!field || symbol.kind !== "component") return base;
  const exported = symbol.schema?.exports.find((e) => e.name === field.name);
  if (exported) return exportMarkdown(`${symbol.blockName}.${symbol.label}`, exported, symbol.schema?.docUrl);
  return `${base}\n\nField \`${field.name}\``;
}
