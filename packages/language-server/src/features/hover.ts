import { findAttribute, getFunction, listConstants, typeToString, type ComponentSchema } from "@alloy-toolkit/catalog";
import { blocksAt, type BlockAt, type BlockSymbol, type SemanticModel, type SymbolAt } from "@alloy-toolkit/checker/core";
import { nodePathAt, traversalParts, type Node } from "@alloy-toolkit/parser";
import type { Hover, HoverParams } from "vscode-languageserver";
import { MarkupKind } from "../lsp.js";
import { checkerFilename, type ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { toLspRange, toOffset } from "../lsp-positions.js";
import { attributeMarkdown, blockMarkdown, componentMarkdown, exportMarkdown, functionMarkdown } from "../schema-docs.js";
import { symbolAtOffset } from "../symbol-occurrences.js";

/** `textDocument/hover`: catalog docs for components, blocks, arguments, functions; targets of references. */
export function hover(doc: ParsedDocument, params: HoverParams, ctx: FeatureContext): Hover | null {
  const version = ctx.workspace.settings.alloyVersion;
  const offset = toOffset(doc.lsp, params.position);
  const path = nodePathAt(doc.ast, offset);
  const node = path[path.length - 1];
  const parent = path[path.length - 2] as Node | undefined;
  const result = (markdown: string | undefined, range: Node["range"]): Hover | null =>
    markdown === undefined ? null : { contents: { kind: MarkupKind.Markdown, value: markdown }, range: toLspRange(doc.lsp, range) };
  const model = () => ctx.workspace.latestAnalysis(doc.uri).model;
  const blocks = () => blocksAt(model(), checkerFilename(doc.uri), offset);

  if (node.kind === "BlockLabel" || (node.kind === "Identifier" && parent?.kind === "Block" && parent.nameParts.includes(node))) {
    const found = symbolAtOffset(ctx.workspace, doc.uri, offset);
    if (found?.use) return result(symbolMarkdown(found), node.range);
    const path = blocks();
    return result(blockHover(path[path.length - 1], docUrlOf(path)), node.range);
  }

  if (node.kind === "Identifier" && parent?.kind === "Attribute" && parent.name === node) {
    const found = symbolAtOffset(ctx.workspace, doc.uri, offset);
    if (found?.use?.kind === "argument-name") return result(symbolMarkdown(found), node.range);
    const path = blocks();
    const owner = path[path.length - 1];
    const attribute = owner?.container ? findAttribute(owner.container, node.name) : undefined;
    return result(attribute && attributeMarkdown(attribute, docUrlOf(path)), node.range);
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
      return result(fn && functionMarkdown(fn, name), candidate.range);
    }
    if (parts[0].name === "constants" && parts.length === 2) {
      const constant = listConstants(version).find((c) => c.name === parts[1].name || c.name === name);
      if (constant) return result(`**${name}** \`${typeToString(constant.type)}\`\n\n${constant.description}`, candidate.range);
    }
    const found = symbolAtOffset(ctx.workspace, doc.uri, offset);
    if (found?.use?.reference) return result(referenceMarkdown(found, model()), candidate.range);
    return null;
  }
  return null;
}

/** The docs page of the component or config block the blocks on a path belong to. */
function docUrlOf(path: readonly BlockAt[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const schema = path[i].symbol?.schema;
    if (schema) return schema.docUrl;
  }
  return undefined;
}

function blockHover(at: BlockAt | undefined, docUrl: string | undefined): string | undefined {
  if (!at) return undefined;
  if (at.symbol) {
    if (at.symbol.module) return definitionMarkdown(at.symbol.module.symbol ?? at.symbol);
    return at.symbol.schema ? componentMarkdown(at.symbol.schema) : undefined;
  }
  return at.schema ? blockMarkdown(at.schema, docUrl) : undefined;
}

/** Whether a module's `argument` block is required, as the checker decides it (`optional = false` or absent). */
function isRequiredArgument(symbol: BlockSymbol): boolean | undefined {
  return symbol.scope.owner?.definition?.arguments.find((a) => a.block === symbol.block)?.required;
}

/** What a block symbol is, for hovers on its uses. */
function definitionMarkdown(symbol: BlockSymbol): string {
  const label = symbol.label ?? "";
  if (symbol.kind === "declare") {
    const definition = symbol.definition;
    const args = definition?.arguments.map((a) => `\`${a.name}\`${a.required ? "" : " (optional)"}`).join(", ");
    const exports = definition?.exports.map((e) => `\`${e.name}\``).join(", ");
    return `Custom component \`declare "${label}"\`\n\nArguments: ${args || "none"}\n\nExports: ${exports || "none"}`;
  }
  if (symbol.kind === "config" && symbol.name === "argument") {
    return `Argument \`${label}\` (${isRequiredArgument(symbol) === false ? "optional" : "required"})`;
  }
  if (symbol.kind === "config" && symbol.name === "export") return `Export \`${label}\``;
  if (symbol.kind === "config" && symbol.name.startsWith("import.")) return `Module \`${label}\` imported with \`${symbol.name}\``;
  if (symbol.schema && symbol.kind === "component") return `Component \`${symbol.name}\` labelled \`"${label}"\`\n\n${symbol.schema.description}`;
  if (symbol.module) return `Module component \`${symbol.name}\` labelled \`"${label}"\``;
  return `\`${symbol.id}\``;
}

function symbolMarkdown(found: SymbolAt): string {
  return definitionMarkdown(found.symbol);
}

/** A reference: the component's export it names, with its type, or the symbol it names. */
function referenceMarkdown(found: SymbolAt, model: SemanticModel): string {
  const reference = found.use?.reference;
  const symbol = found.symbol;
  if (!reference || symbol.kind !== "component" || reference.target !== symbol) return definitionMarkdown(symbol);
  const field = reference.parts[reference.targetParts];
  if (!field) return definitionMarkdown(symbol);
  const schema = symbol.schema as ComponentSchema | undefined;
  const exported = schema?.exports?.find((e) => e.name === field.name);
  if (exported) return exportMarkdown(symbol.id, exported, schema?.docUrl);
  const type = model.referenceType(reference);
  return `${definitionMarkdown(symbol)}\n\nField \`${field.name}\`${type ? `: \`${typeToString(type)}\`` : ""}`;
}
