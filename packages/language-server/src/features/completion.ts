import {
  childBlocks,
  getComponent,
  getConfigBlock,
  getFunction,
  listComponents,
  listConfigBlocks,
  listConstants,
  listFunctions,
  typeToString,
  type AlloyType,
  type AttributeSchema,
  type BlockContainer,
  type BlockSchema,
  type ComponentSchema,
} from "@alloy-toolkit/catalog";
import { endOffset, nodePathAt, startOffset, type Block } from "@alloy-toolkit/parser";
import type { CompletionItem, CompletionList, CompletionParams, Range } from "vscode-languageserver";
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, MarkupKind } from "../lsp.js";
import type { ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { offsetsToLspRange, toOffset } from "../lsp-positions.js";
import { attributeMarkdown, blockMarkdown, componentMarkdown, functionMarkdown, stabilityLabel } from "../schema-docs.js";
import { attributeSchema, enclosingBlocks, resolveBlocks, type ResolvedBlock } from "../schema-lookup.js";
import type { ConfigSymbol, Scope } from "../semantic-model.js";
import { stabilityAllowed } from "../settings.js";
import { typeFits } from "../type-fit.js";

/** What `completionItem/resolve` needs to add documentation to an item. */
type CompletionData =
  | { readonly kind: "component"; readonly name: string }
  | { readonly kind: "function"; readonly name: string };

/**
 * `textDocument/completion`. In statement position: components, config blocks and module components at the
 * top level; the arguments and blocks not yet set inside a block. In expression position: enum values,
 * references whose export type fits the argument, stdlib functions, `constants.*`, `argument.<name>.value`.
 */
export function completion(doc: ParsedDocument, params: CompletionParams, ctx: FeatureContext): CompletionList {
  const text = doc.text;
  const index = doc.lineIndex;
  const offset = toOffset(index, params.position);
  const empty: CompletionList = { isIncomplete: false, items: [] };
  if (insideComment(doc, offset)) return empty;

  const lineStart = index.lineStarts[index.lineOf(offset)];
  const before = text.slice(lineStart, offset);
  const word = /[A-Za-z_][A-Za-z0-9_.]*$/.exec(before)?.[0] ?? "";
  const wordStart = offset - word.length;
  const replace = offsetsToLspRange(index, wordStart, offset);
  const linePrefix = text.slice(lineStart, wordStart);

  const version = ctx.workspace.settings.alloyVersion;
  const blocks = enclosingBlocks(doc.ast, offset);
  const resolved = resolveBlocks(blocks, version);
  const owner = resolved[resolved.length - 1] as ResolvedBlock | undefined;
  const path = nodePathAt(doc.ast, offset);
  const attributeNode = [...path].reverse().find((n) => n.kind === "Attribute" && offset > endOffset(n.name.range));
  const assigned = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*/.exec(before);

  const inValue = attributeNode !== undefined || assigned !== null || !/^\s*$/.test(linePrefix);
  if (!inValue) return { isIncomplete: false, items: statementItems(doc, ctx, offset, owner, replace) };

  const attributeName = attributeNode?.kind === "Attribute" ? attributeNode.name.name : assigned?.[1];
  const attribute = attributeName ? attributeSchema(owner?.container, attributeName) : undefined;
  const stringNode = path[path.length - 1];
  const inString =
    (stringNode.kind === "StringLiteral" && offset > startOffset(stringNode.range) && offset < endOffset(stringNode.range)) ||
    /=\s*"[^"]*$/.test(before);
  if (inString) return { isIncomplete: false, items: enumItems(attribute, before, offset, index) };
  return { isIncomplete: false, items: expressionItems(doc, ctx, offset, attribute, blocks, replace) };
}

/** `completionItem/resolve`: adds the documentation left out of the list to keep it small. */
export function resolveCompletionItem(item: CompletionItem, ctx: FeatureContext): CompletionItem {
  const data = item.data as CompletionData | undefined;
  const version = ctx.workspace.settings.alloyVersion;
  if (data?.kind === "component") {
    const schema = getComponent(data.name, version) ?? getConfigBlock(data.name, version);
    if (schema) return { ...item, documentation: { kind: MarkupKind.Markdown, value: componentMarkdown(schema) } };
  } else if (data?.kind === "function") {
    const fn = getFunction(data.name, version);
    if (fn) return { ...item, documentation: { kind: MarkupKind.Markdown, value: functionMarkdown(fn, data.name) } };
  }
  return item;
}

function insideComment(doc: ParsedDocument, offset: number): boolean {
  for (const comment of doc.ast.comments) {
    const start = startOffset(comment.range);
    if (start >= offset) return false;
    if (offset <= endOffset(comment.range) && (comment.style === "block" ? offset < endOffset(comment.range) : true)) return true;
  }
  return false;
}

function statementItems(
  doc: ParsedDocument,
  ctx: FeatureContext,
  offset: number,
  owner: ResolvedBlock | undefined,
  replace: Range,
): CompletionItem[] {
  const settings = ctx.workspace.settings;
  const version = settings.alloyVersion;
  if (!owner || owner.role === "declare") {
    const items: CompletionItem[] = [];
    for (const component of listComponents({ version })) {
      items.push({
        label: component.name,
        kind: CompletionItemKind.Class,
        detail: stabilityLabel(component.stability) + (stabilityAllowed(settings, component.stability) ? "" : " (not enabled)"),
        textEdit: { range: replace, newText: componentSnippet(component.name, component, true) },
        insertTextFormat: InsertTextFormat.Snippet,
        sortText: (stabilityAllowed(settings, component.stability) ? "1" : "3") + component.name,
        data: { kind: "component", name: component.name } satisfies CompletionData,
      });
    }
    for (const block of listConfigBlocks(version)) {
      if (owner && !["argument", "export", "declare"].includes(block.name) && !block.name.startsWith("import.")) continue;
      items.push({
        label: block.name,
        kind: CompletionItemKind.Module,
        detail: "config block",
        textEdit: { range: replace, newText: componentSnippet(block.name, block, block.labelled) },
        insertTextFormat: InsertTextFormat.Snippet,
        sortText: "2" + block.name,
        data: { kind: "component", name: block.name } satisfies CompletionData,
      });
    }
    const scope = ctx.workspace.model(doc.uri).scopeAt(doc.uri, offset);
    for (const { name, declare } of moduleComponents(scope)) {
      items.push({
        label: name,
        kind: CompletionItemKind.Module,
        detail: "custom component",
        textEdit: { range: replace, newText: moduleSnippet(name, declare) },
        insertTextFormat: InsertTextFormat.Snippet,
        sortText: "0" + name,
      });
    }
    return items;
  }

  const body = owner.block.body;
  const setAttributes = new Set(body.filter((s) => s.kind === "Attribute").map((s) => s.name.name));
  const presentBlocks = new Set(body.filter((s) => s.kind === "Block").map((s) => s.name));
  if (owner.role === "instance") {
    const symbol = ctx.workspace.model(doc.uri).symbols.find((s) => s.block === owner.block);
    const args = symbol?.instanceOf?.body?.arguments ?? new Map<string, ConfigSymbol>();
    return [...args.values()]
      .filter((arg) => !setAttributes.has(arg.label))
      .map((arg) => ({
        label: arg.label,
        kind: CompletionItemKind.Field,
        detail: isOptionalArgument(arg) ? "optional argument" : "required argument",
        textEdit: { range: replace, newText: `${arg.label} = $0` },
        insertTextFormat: InsertTextFormat.Snippet,
      }));
  }
  const container = owner.container;
  if (!container) return [];
  const docUrl = (owner.component ?? owner.configBlock)?.docUrl;
  const items: CompletionItem[] = [];
  for (const attribute of container.attributes) {
    if (setAttributes.has(attribute.name)) continue;
    items.push({
      label: attribute.name,
      kind: CompletionItemKind.Field,
      detail: `${typeToString(attribute.type)}${attribute.required ? " (required)" : ""}`,
      documentation: { kind: MarkupKind.Markdown, value: attributeMarkdown(attribute, docUrl) },
      textEdit: { range: replace, newText: `${attribute.name} = ${valuePlaceholder(attribute.type, 1, attribute)}` },
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: (attribute.required ? "0" : "1") + attribute.name,
      ...(attribute.deprecated ? { tags: [CompletionItemTag.Deprecated] } : {}),
    });
  }
  const root = owner.component ?? owner.configBlock;
  for (const block of allowedBlocks(owner, root)) {
    if (presentBlocks.has(block.name) && !block.repeatable) continue;
    items.push({
      label: block.name,
      kind: CompletionItemKind.Struct,
      detail: `block${block.required ? " (required)" : ""}${block.repeatable ? ", repeatable" : ""}`,
      documentation: { kind: MarkupKind.Markdown, value: blockMarkdown(block, docUrl) },
      textEdit: { range: replace, newText: blockSnippet(block) },
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: (block.required ? "0" : "2") + block.name,
    });
  }
  return items;
}

function allowedBlocks(owner: ResolvedBlock, root: BlockContainer | undefined): BlockSchema[] {
  if (!owner.container) return [];
  return root ? childBlocks(root, owner.container) : owner.container.blocks;
}

function enumItems(attribute: AttributeSchema | undefined, before: string, offset: number, index: ParsedDocument["lineIndex"]): CompletionItem[] {
  if (!attribute?.enum) return [];
  const quote = before.lastIndexOf('"');
  const range = offsetsToLspRange(index, offset - (before.length - quote - 1), offset);
  return attribute.enum.map((value) => ({
    label: value,
    kind: CompletionItemKind.EnumMember,
    textEdit: { range, newText: value },
  }));
}

function expressionItems(
  doc: ParsedDocument,
  ctx: FeatureContext,
  offset: number,
  attribute: AttributeSchema | undefined,
  blocks: readonly Block[],
  replace: Range,
): CompletionItem[] {
  const version = ctx.workspace.settings.alloyVersion;
  const items: CompletionItem[] = [];
  const expected = attribute?.type;
  const model = ctx.workspace.model(doc.uri);
  const scope = model.scopeAt(doc.uri, offset);
  const ownBlock = blocks.find((b, i) => i === 0 || blocks[i - 1].name === "declare");
  for (const symbol of scope?.components.values() ?? []) {
    if (symbol.block === ownBlock) continue;
    const base = `${symbol.blockName}.${symbol.label}`;
    for (const exported of exportsOf(symbol)) {
      if (!typeFits(exported.type, expected)) continue;
      items.push({
        label: `${base}.${exported.name}`,
        kind: CompletionItemKind.Reference,
        detail: exported.type ? typeToString(exported.type) : "export",
        textEdit: { range: replace, newText: `${base}.${exported.name}` },
        sortText: "0" + base,
      });
    }
  }
  if (scope?.declare || (scope && scope.arguments.size > 0)) {
    for (const name of scope.arguments.keys()) {
      items.push({
        label: `argument.${name}.value`,
        kind: CompletionItemKind.Variable,
        detail: "argument",
        textEdit: { range: replace, newText: `argument.${name}.value` },
        sortText: "0argument." + name,
      });
    }
  }
  if (expected?.kind === "bool" || !expected) {
    for (const value of ["true", "false"]) items.push({ label: value, kind: CompletionItemKind.Keyword, sortText: "1" + value });
  }
  if (!expected || expected.kind !== "capsule") {
    for (const constant of listConstants(version)) {
      const name = constant.name.startsWith("constants.") ? constant.name : `constants.${constant.name}`;
      items.push({
        label: name,
        kind: CompletionItemKind.Constant,
        detail: typeToString(constant.type),
        documentation: constant.description,
        textEdit: { range: replace, newText: name },
        sortText: "2" + name,
      });
    }
    for (const fn of listFunctions(version)) {
      items.push({
        label: fn.name,
        kind: CompletionItemKind.Function,
        detail: `→ ${typeToString(fn.returns)}`,
        textEdit: { range: replace, newText: fn.params.length === 0 ? `${fn.name}()` : `${fn.name}($1)` },
        insertTextFormat: InsertTextFormat.Snippet,
        command: fn.params.length === 0 ? undefined : { title: "Signature help", command: "editor.action.triggerParameterHints" },
        sortText: "3" + fn.name,
        data: { kind: "function", name: fn.name } satisfies CompletionData,
      });
    }
  }
  return items;
}

/** The exports a reference to `symbol` can name: the catalog's for components, the `export` blocks for modules. */
function exportsOf(symbol: ConfigSymbol): { name: string; type?: AlloyType }[] {
  if (symbol.schema) return symbol.schema.exports;
  const exports = symbol.instanceOf?.body?.exports;
  return exports ? [...exports.keys()].map((name) => ({ name })) : [];
}

function moduleComponents(scope: Scope | undefined): { name: string; declare: ConfigSymbol }[] {
  const found: { name: string; declare: ConfigSymbol }[] = [];
  for (let s = scope; s; s = s.parent) {
    for (const [name, declare] of s.declares) found.push({ name, declare });
    for (const [name, imported] of s.imports) {
      for (const [declareName, declare] of imported.module?.declares ?? []) found.push({ name: `${name}.${declareName}`, declare });
    }
  }
  return found;
}

function isOptionalArgument(argument: ConfigSymbol): boolean {
  return argument.block.body.some(
    (s) => s.kind === "Attribute" && s.name.name === "optional" && s.value.kind === "BoolLiteral" && s.value.value,
  );
}

function moduleSnippet(name: string, declare: ConfigSymbol): string {
  const required = [...(declare.body?.arguments.values() ?? [])].filter((a) => !isOptionalArgument(a));
  const width = Math.max(0, ...required.map((a) => a.label.length));
  const lines = required.map((a, i) => `\t${a.label.padEnd(width)} = $${i + 2}`);
  return `${name} "\${1:default}" {\n${lines.join("\n")}${lines.length ? "\n" : "\t$0\n"}}`;
}

/** `name "${1:label}" {` + required arguments and required blocks, each a tab stop. */
export function componentSnippet(name: string, schema: BlockContainer | ComponentSchema, labelled: boolean): string {
  let stop = labelled ? 2 : 1;
  const body = snippetBody(schema, 1, () => stop++);
  return `${name}${labelled ? ' "${1:default}"' : ""} {\n${body || "\t$0\n"}}`;
}

function snippetBody(container: BlockContainer, depth: number, next: () => number): string {
  const indent = "\t".repeat(depth);
  const required = container.attributes.filter((a) => a.required);
  const width = Math.max(0, ...required.map((a) => a.name.length));
  let out = "";
  for (const attribute of required) out += `${indent}${attribute.name.padEnd(width)} = ${valuePlaceholder(attribute.type, next(), attribute)}\n`;
  for (const block of container.blocks.filter((b) => b.required)) {
    if (depth > 3) break;
    const inner = snippetBody(block, depth + 1, next);
    out += `${out ? "\n" : ""}${indent}${block.name}${block.labelled ? ` "\${${next()}:default}"` : ""} {\n${inner}${indent}}\n`;
  }
  return out;
}

function blockSnippet(block: BlockSchema): string {
  let stop = block.labelled ? 2 : 1;
  const body = snippetBody(block, 1, () => stop++);
  return `${block.name}${block.labelled ? ' "${1:default}"' : ""} {\n${body || "\t$0\n"}}`;
}

function valuePlaceholder(type: AlloyType, stop: number, attribute?: AttributeSchema): string {
  if (attribute?.enum?.length) return `"\${${stop}|${attribute.enum.map((v) => v.replace(/[,|$}\\]/g, "\\$&")).join(",")}|}"`;
  switch (type.kind) {
    case "string":
    case "secret":
    case "duration":
      return `"$${stop}"`;
    case "bool":
      return `\${${stop}|true,false|}`;
    case "list":
      return `[$${stop}]`;
    case "map":
    case "object":
      return `{$${stop}}`;
    default:
      return `$${stop}`;
  }
}

