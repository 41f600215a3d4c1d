import {
  childBlocks,
  findAttribute,
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
  type ConfigBlockSchema,
} from "@alloy-toolkit/catalog";
import {
  blocksAt,
  inferType,
  isAssignable,
  scopeAt,
  type BlockAt,
  type BlockSymbol,
  type ModuleDefinition,
  type ModuleScope,
  type SemanticModel,
} from "@alloy-toolkit/checker/core";
import { endOffset, startOffset, type Block } from "@alloy-toolkit/parser";
import type { CompletionItem, CompletionList, CompletionParams, Range } from "vscode-languageserver";
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, MarkupKind } from "../lsp.js";
import { completionContext } from "../completion-context.js";
import { checkerFilename, type ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { offsetsToLspRange, toOffset } from "../lsp-positions.js";
import { attributeMarkdown, blockMarkdown, componentMarkdown, functionMarkdown, stabilityLabel } from "../schema-docs.js";
import { stabilityAllowed } from "../settings.js";

/** What `completionItem/resolve` needs to add documentation to an item. */
type CompletionData =
  | { readonly kind: "component"; readonly name: string }
  | { readonly kind: "function"; readonly name: string };

/**
 * `textDocument/completion`, from the syntactic context at the cursor (`completion-context.ts`) and the
 * checker's model of the config. In statement position: components, config blocks and module components at
 * the top level of a module; the arguments and blocks not yet set inside a block. In expression position:
 * enum values, references whose export type the checker's `isAssignable` accepts for the argument, stdlib
 * functions, `constants.*`, `argument.<name>.value`.
 */
export function completion(doc: ParsedDocument, params: CompletionParams, ctx: FeatureContext): CompletionList {
  const index = doc.lsp;
  const offset = toOffset(index, params.position);
  const at = completionContext(doc.parse, offset);
  if (at.kind === "none") return { isIncomplete: false, items: [] };
  const model = ctx.workspace.latestAnalysis(doc.uri).model;
  const filename = checkerFilename(doc.uri);
  const path = blocksAt(model, filename, offset).filter((b) => inBody(b.block, offset));
  const owner = path[path.length - 1] as BlockAt | undefined;
  if (at.kind === "statement") {
    const replace = offsetsToLspRange(index, at.wordStart, offset);
    return { isIncomplete: false, items: statementItems(model, filename, offset, path, replace, ctx) };
  }
  const attribute = at.attribute && owner?.container ? findAttribute(owner.container, at.attribute) : undefined;
  if (at.kind === "string") {
    const range = offsetsToLspRange(index, at.valueStart, offset);
    return { isIncomplete: false, items: (attribute?.enum ?? []).map((value) => ({ label: value, kind: CompletionItemKind.EnumMember, textEdit: { range, newText: value } })) };
  }
  const expected = attribute ? expectedAt(attribute.type, at.path) : undefined;
  const replace = offsetsToLspRange(index, at.wordStart, offset);
  return { isIncomplete: false, items: expressionItems(model, filename, offset, path, expected, replace, ctx) };
}

/** Whether `offset` is inside a block's body (between its braces; an unclosed block's body runs on). */
function inBody(block: Block, offset: number): boolean {
  const close = startOffset(block.closeBrace);
  return offset >= endOffset(block.openBrace) && (close === endOffset(block.closeBrace) || offset <= close);
}

/** The type a value at the cursor must have: the attribute's, or its element's inside the list's `[`. */
function expectedAt(type: AlloyType, path: readonly string[]): AlloyType | undefined {
  if (path.length === 0) return type;
  if (path.length === 1 && path[0] === "[" && type.kind === "list") return type.element;
  return undefined;
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

function statementItems(model: SemanticModel, filename: string, offset: number, path: readonly BlockAt[], replace: Range, ctx: FeatureContext): CompletionItem[] {
  const settings = ctx.workspace.settings;
  const version = settings.alloyVersion;
  const owner = path[path.length - 1] as BlockAt | undefined;
  if (!owner || owner.moduleBody) {
    const items: CompletionItem[] = [];
    for (const component of listComponents({ version })) {
      items.push({
        label: component.name,
        kind: CompletionItemKind.Class,
        detail: stabilityLabel(component.stability) + (stabilityAllowed(settings, component.stability) ? "" : " (not enabled)"),
        ...insertion(replace, componentSnippet(component.name, component, true), component.name, ctx),
        sortText: componentRank(component.name, stabilityAllowed(settings, component.stability)),
        data: { kind: "component", name: component.name } satisfies CompletionData,
      });
    }
    for (const block of listConfigBlocks(version)) {
      if (owner && !["argument", "export", "declare"].includes(block.name) && !block.name.startsWith("import.")) continue;
      items.push({
        label: block.name,
        kind: CompletionItemKind.Module,
        detail: "config block",
        ...insertion(replace, componentSnippet(block.name, block, block.labelled), block.name, ctx),
        sortText: "2" + block.name,
        data: { kind: "component", name: block.name } satisfies CompletionData,
      });
    }
    for (const { name, module } of moduleComponents(scopeAt(model, filename, offset))) {
      items.push({
        label: name,
        kind: CompletionItemKind.Module,
        detail: "custom component",
        ...insertion(replace, moduleSnippet(name, module), name, ctx),
        sortText: "0" + name,
      });
    }
    return items;
  }

  const body = owner.block.body;
  const setAttributes = new Set(body.filter((s) => s.kind === "Attribute").map((s) => s.name.name));
  const presentBlocks = new Set(body.filter((s) => s.kind === "Block").map((s) => s.name));
  const module = owner.symbol?.module;
  if (module) {
    return module.arguments
      .filter((argument) => !setAttributes.has(argument.name))
      .map((argument) => ({
        label: argument.name,
        kind: CompletionItemKind.Field,
        detail: argument.required ? "required argument" : "optional argument",
        ...insertion(replace, `${argument.name} = $0`, `${argument.name} = `, ctx),
        sortText: (argument.required ? "0" : "1") + argument.name,
      }));
  }
  const container = owner.container;
  if (!container) return [];
  const root = rootSchema(path);
  const docUrl = root?.docUrl;
  const items: CompletionItem[] = [];
  for (const attribute of container.attributes) {
    if (setAttributes.has(attribute.name)) continue;
    items.push({
      label: attribute.name,
      kind: CompletionItemKind.Field,
      detail: `${typeToString(attribute.type)}${attribute.required ? " (required)" : ""}`,
      documentation: { kind: MarkupKind.Markdown, value: attributeMarkdown(attribute, docUrl) },
      ...insertion(replace, `${attribute.name} = ${valuePlaceholder(attribute.type, 1, attribute)}`, `${attribute.name} = `, ctx),
      sortText: (attribute.required ? "0" : "1") + attribute.name,
      ...(attribute.deprecated ? { tags: [CompletionItemTag.Deprecated] } : {}),
    });
  }
  for (const block of root ? childBlocks(root, container) : container.blocks) {
    if (presentBlocks.has(block.name) && !block.repeatable) continue;
    items.push({
      label: block.name,
      kind: CompletionItemKind.Struct,
      detail: `block${block.required ? " (required)" : ""}${block.repeatable ? ", repeatable" : ""}`,
      documentation: { kind: MarkupKind.Markdown, value: blockMarkdown(block, docUrl) },
      ...insertion(replace, blockSnippet(block), block.name, ctx),
      sortText: (block.required ? "0" : "2") + block.name,
    });
  }
  return items;
}

/** The schema of the component or config block the innermost blocks of a path belong to. */
function rootSchema(path: readonly BlockAt[]): ComponentSchema | ConfigBlockSchema | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    if (path[i].moduleBody) return undefined;
    if (path[i].symbol) return path[i].symbol!.schema;
  }
  return undefined;
}

function expressionItems(
  model: SemanticModel,
  filename: string,
  offset: number,
  path: readonly BlockAt[],
  expected: AlloyType | undefined,
  replace: Range,
  ctx: FeatureContext,
): CompletionItem[] {
  const version = ctx.workspace.settings.alloyVersion;
  const items: CompletionItem[] = [];
  const scope = scopeAt(model, filename, offset);
  const own = [...path].reverse().find((b) => b.symbol)?.symbol;
  for (const symbol of visibleComponents(scope)) {
    if (symbol === own) continue;
    for (const exported of exportsOf(model, symbol)) {
      if (!isAssignable(exported.type, expected)) continue;
      const name = `${symbol.id}.${exported.name}`;
      items.push({
        label: name,
        kind: CompletionItemKind.Reference,
        detail: exported.type ? typeToString(exported.type) : "export",
        textEdit: { range: replace, newText: name },
        sortText: "0" + symbol.id,
      });
    }
  }
  for (const name of moduleArguments(scope)) {
    items.push({
      label: `argument.${name}.value`,
      kind: CompletionItemKind.Variable,
      detail: "argument",
      textEdit: { range: replace, newText: `argument.${name}.value` },
      sortText: "0argument." + name,
    });
  }
  if (expected?.kind === "bool" || !expected) {
    for (const value of ["true", "false"]) items.push({ label: value, kind: CompletionItemKind.Keyword, sortText: "1" + value });
  }
  // What fits the argument first: a value of another type is a type error once inserted.
  const fits = (type: AlloyType) => isAssignable(type, expected);
  if (!expected || expected.kind !== "capsule") {
    for (const constant of listConstants(version)) {
      const name = constant.name.startsWith("constants.") ? constant.name : `constants.${constant.name}`;
      items.push({
        label: name,
        kind: CompletionItemKind.Constant,
        detail: typeToString(constant.type),
        documentation: constant.description,
        textEdit: { range: replace, newText: name },
        sortText: (fits(constant.type) ? "2" : "8") + name,
      });
    }
    for (const fn of listFunctions(version)) {
      items.push({
        label: fn.name,
        kind: CompletionItemKind.Function,
        detail: `→ ${typeToString(fn.returns)}`,
        ...insertion(replace, fn.params.length === 0 ? `${fn.name}()` : `${fn.name}($1)`, fn.params.length === 0 ? `${fn.name}()` : fn.name, ctx),
        ...(fn.params.length > 0 && ctx.workspace.client.snippets ? { command: { title: "Signature help", command: "editor.action.triggerParameterHints" } } : {}),
        sortText: (fits(fn.returns) ? "3" : "9") + fn.name,
        data: { kind: "function", name: fn.name } satisfies CompletionData,
      });
    }
  }
  return items;
}

/**
 * The components a reference can name from a scope, as the checker resolves references: the scope's own,
 * then, from a `foreach` template, those of the scopes around it.
 */
function visibleComponents(scope: ModuleScope | undefined): BlockSymbol[] {
  const found: BlockSymbol[] = [];
  for (let s = scope; s; s = s.kind === "foreach" ? s.parent : undefined) {
    for (const symbol of s.symbols) if (symbol.kind === "component" && symbol.label !== undefined && !symbol.duplicateOf) found.push(symbol);
  }
  return found;
}

/** The arguments of the module whose body holds the scope (through `foreach` templates). */
function moduleArguments(scope: ModuleScope | undefined): string[] {
  let s = scope;
  while (s && s.kind === "foreach") s = s.parent;
  if (!s || s.kind !== "declare") return [];
  return s.symbols.filter((symbol) => symbol.kind === "config" && symbol.name === "argument" && symbol.label !== undefined).map((symbol) => symbol.label!);
}

/** The exports a reference to `symbol` can name, with their types: the catalog's, or a module's `export` blocks. */
function exportsOf(model: SemanticModel, symbol: BlockSymbol): { name: string; type?: AlloyType }[] {
  if (symbol.schema && "exports" in symbol.schema) return symbol.schema.exports;
  return (symbol.module?.exports ?? []).map((e) => ({ name: e.name, type: e.value ? inferType(model, e.value) : undefined }));
}

/** The custom components usable from a scope: its `declare`s and those of its imports, and the enclosing scopes'. */
function moduleComponents(scope: ModuleScope | undefined): { name: string; module: ModuleDefinition }[] {
  const found: { name: string; module: ModuleDefinition }[] = [];
  for (let s = scope; s; s = s.parent) {
    for (const [name, declare] of s.declares) if (declare.definition) found.push({ name, module: declare.definition });
    for (const [label, imported] of s.imports) {
      for (const [declareName, module] of imported.importInfo?.modules ?? []) found.push({ name: `${label}.${declareName}`, module });
    }
  }
  return found;
}

/**
 * How an item inserts its text: the snippet (tab stops, placeholders, several lines) for clients that expand
 * snippets; for the others (Neovim's built-in completion before 0.11, Emacs without yasnippet) plain text on
 * one line, since such a client inserts a snippet's `$1` literally and a line break as a NUL byte.
 */
function insertion(range: Range, snippet: string, plain: string, ctx: FeatureContext): Pick<CompletionItem, "textEdit" | "insertTextFormat"> {
  return ctx.workspace.client.snippets
    ? { textEdit: { range, newText: snippet }, insertTextFormat: InsertTextFormat.Snippet }
    : { textEdit: { range, newText: plain }, insertTextFormat: InsertTextFormat.PlainText };
}

/**
 * The components most configs are made of (Alloy's getting-started pipelines for metrics, logs, traces and
 * profiles, and the Kubernetes discovery they start from): listed first, ahead of the 30 exporters.
 */
const COMMON_COMPONENTS = [
  "prometheus.scrape",
  "prometheus.remote_write",
  "discovery.kubernetes",
  "discovery.relabel",
  "prometheus.relabel",
  "loki.source.kubernetes",
  "loki.source.file",
  "local.file_match",
  "loki.process",
  "loki.write",
  "otelcol.receiver.otlp",
  "otelcol.processor.batch",
  "otelcol.exporter.otlp",
  "pyroscope.scrape",
  "pyroscope.write",
];

/**
 * Where a component sorts: enabled before not enabled (stability); common components first, in the order
 * above; then by how deep the name is (`prometheus.scrape` before `prometheus.exporter.apache`), then by name.
 */
function componentRank(name: string, enabled: boolean): string {
  const common = COMMON_COMPONENTS.indexOf(name);
  const group = common >= 0 ? `0${String(common).padStart(2, "0")}` : `1${name.split(".").length}`;
  return `${enabled ? "1" : "3"}${group}${name}`;
}

function moduleSnippet(name: string, module: ModuleDefinition): string {
  const required = module.arguments.filter((a) => a.required);
  const width = Math.max(0, ...required.map((a) => a.name.length));
  const lines = required.map((a, i) => `\t${a.name.padEnd(width)} = $${i + 2}`);
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
      // Receivers are listed one by one (`forward_to = [a.receiver, b.receiver]`); other lists usually come
      // whole from another component's export (`targets = discovery.kubernetes.pods.targets`), which a `[…]`
      // around it would turn into a list of lists.
      return type.element.kind === "capsule" ? `[$${stop}]` : `$${stop}`;
    case "map":
    case "object":
      return `{$${stop}}`;
    default:
      return `$${stop}`;
  }
}

