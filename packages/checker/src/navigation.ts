import { childBlocks, type BlockContainer, type BlockSchema } from "@alloy-toolkit/catalog";
import { endOffset, startOffset, type Block, type Range, type Statement } from "@alloy-toolkit/parser";
import { derived, derivedValue } from "./derived.js";
import type { BlockSymbol, ModuleScope, Reference, SemanticModel, SourceDocument } from "./model.js";

/**
 * Navigation over the semantic model: what names what, across the config's files and the modules its
 * imports read. Every labelled block symbol (component, `declare`, `argument`, `export`, `import.*`…) can be
 * named by uses:
 *
 * - `reference`: an expression (`prometheus.remote_write.default.receiver` names the component by its label
 *   part, `argument.x.value` names the argument by `x`, `mod.y.out` names the module's `export "out"`);
 * - `instantiation`: a custom component's name names its `declare` (`my_module "a" {}`), or its import and
 *   the import's declare (`lib.my_module "a" {}`);
 * - `argument-name`: an attribute set in a module instance names the declare's `argument`.
 *
 * Offsets are 0-based UTF-16 offsets into the document's text; a range holds an offset from its start to its
 * end included (a cursor just after a name is on it).
 */

export type SymbolUseKind = "reference" | "instantiation" | "argument-name";

/** A place that names a block symbol: `range` is the text naming it (what a rename replaces). */
export interface SymbolUse {
  readonly symbol: BlockSymbol;
  readonly kind: SymbolUseKind;
  readonly document: SourceDocument;
  readonly range: Range;
  /** For `reference`s: the reference of the model the use is part of. */
  readonly reference?: Reference;
}

/** The symbol at a position: its definition's label, or a use of it. */
export interface SymbolAt {
  readonly symbol: BlockSymbol;
  /** The label of the definition (quotes included), or the use's range. */
  readonly range: Range;
  readonly use?: SymbolUse;
}

interface NavigationIndex {
  /** Every document of the model (the config's, then the modules'), by file name. */
  readonly documents: ReadonlyMap<string, SourceDocument>;
  readonly scopes: ReadonlyMap<string, ModuleScope>;
  /** Uses per file, by start offset. */
  readonly usesByFile: ReadonlyMap<string, readonly SymbolUse[]>;
  readonly usesBySymbol: ReadonlyMap<BlockSymbol, readonly SymbolUse[]>;
  /** Labelled symbols per file, and every symbol by its block. */
  readonly definitionsByFile: ReadonlyMap<string, readonly BlockSymbol[]>;
  readonly symbolOfBlock: ReadonlyMap<Block, BlockSymbol>;
  /** References whose target is a component, per file, for positions inside a reference but not on its label. */
  readonly componentReferencesByFile: ReadonlyMap<string, readonly Reference[]>;
}

const navigationIndex = derived((model): NavigationIndex => {
  const documents = new Map<string, SourceDocument>();
  const scopes = new Map<string, ModuleScope>();
  for (const document of model.documents) {
    documents.set(document.filename, document);
    scopes.set(document.filename, model.root);
  }
  for (const module of model.modules) {
    for (const document of module.documents) {
      if (documents.has(document.filename)) continue;
      documents.set(document.filename, document);
      scopes.set(document.filename, module.root);
    }
  }
  const uses: SymbolUse[] = [];
  const symbolOfBlock = new Map<Block, BlockSymbol>();
  const definitionsByFile = new Map<string, BlockSymbol[]>();
  const componentReferencesByFile = new Map<string, Reference[]>();
  const addSymbols = (symbols: readonly BlockSymbol[]) => {
    for (const symbol of symbols) {
      symbolOfBlock.set(symbol.block, symbol);
      if (symbol.block.label) push(definitionsByFile, symbol.document.filename, symbol);
      if (symbol.kind === "component") instantiationUses(symbol, uses);
    }
  };
  const addReferences = (references: readonly Reference[]) => {
    for (const reference of references) {
      referenceUses(reference, uses);
      if (reference.target?.kind === "component") push(componentReferencesByFile, reference.document.filename, reference);
    }
  };
  addSymbols(model.symbols);
  addReferences(model.references);
  for (const module of model.modules) {
    addSymbols(module.symbols);
    addReferences(module.references);
  }
  const usesByFile = new Map<string, SymbolUse[]>();
  const usesBySymbol = new Map<BlockSymbol, SymbolUse[]>();
  for (const use of uses) {
    push(usesByFile, use.document.filename, use);
    push(usesBySymbol, use.symbol, use);
  }
  for (const list of usesByFile.values()) list.sort((a, b) => startOffset(a.range) - startOffset(b.range));
  return { documents, scopes, usesByFile, usesBySymbol, definitionsByFile, symbolOfBlock, componentReferencesByFile };
});

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The uses a reference makes: its target by the target's label part, and a module's export by its field. */
function referenceUses(reference: Reference, out: SymbolUse[]): void {
  const target = reference.target;
  if (reference.kind !== "node" || !target || target.label === undefined) return;
  const { document } = reference;
  out.push({ symbol: target, kind: "reference", document, range: reference.parts[reference.targetParts - 1].range, reference });
  const field = reference.parts[reference.targetParts];
  const exported = field && target.module?.symbol?.inner?.nodes.get(`export.${field.name}`);
  if (field && exported) out.push({ symbol: exported, kind: "reference", document, range: field.range, reference });
}

/** The uses a custom component's block makes: its name parts, and the argument names it sets. */
function instantiationUses(symbol: BlockSymbol, out: SymbolUse[]): void {
  const { document, block } = symbol;
  const parts = block.nameParts;
  if (parts.length === 2 && (symbol.module || symbol.uncheckedImport)) {
    const imported = symbol.uncheckedImport ?? lookupImport(symbol.scope, parts[0].name);
    if (imported) out.push({ symbol: imported, kind: "instantiation", document, range: parts[0].range });
  }
  const declare = symbol.module?.symbol;
  if (!declare) return;
  out.push({ symbol: declare, kind: "instantiation", document, range: parts[parts.length - 1].range });
  for (const statement of block.body) {
    if (statement.kind !== "Attribute") continue;
    const argument = declare.inner?.nodes.get(`argument.${statement.name.name}`);
    if (argument) out.push({ symbol: argument, kind: "argument-name", document, range: statement.name.range });
  }
}

function lookupImport(scope: ModuleScope, label: string): BlockSymbol | undefined {
  for (let s: ModuleScope | undefined = scope; s; s = s.parent) {
    const found = s.imports.get(label);
    if (found) return found;
  }
  return undefined;
}

function holds(range: Range, offset: number): boolean {
  return startOffset(range) <= offset && offset <= endOffset(range);
}

/**
 * Builds the index every navigation question reads (once per model; it is built on the first question
 * otherwise): a host with time to spare, between edits, builds it before a request has to wait for it.
 */
export function prepareNavigation(model: SemanticModel): void {
  derivedValue(model, navigationIndex);
}

/** A document of the model (the config's or an imported module's) by its file name. */
export function documentNamed(model: SemanticModel, filename: string): SourceDocument | undefined {
  return derivedValue(model, navigationIndex).documents.get(filename);
}

/**
 * The symbol at an offset of a document: a use's name, a definition's label, else (anywhere in a reference
 * to a component, `prometheus.remote_write.x.receiver`) the component it names.
 */
export function symbolAt(model: SemanticModel, filename: string, offset: number): SymbolAt | undefined {
  const index = derivedValue(model, navigationIndex);
  for (const use of index.usesByFile.get(filename) ?? []) {
    if (startOffset(use.range) > offset) break;
    if (holds(use.range, offset)) return { symbol: use.symbol, range: use.range, use };
  }
  for (const symbol of index.definitionsByFile.get(filename) ?? []) {
    if (holds(symbol.block.label!.range, offset)) return { symbol, range: symbol.block.label!.range };
  }
  for (const reference of index.componentReferencesByFile.get(filename) ?? []) {
    if (!holds(reference.range, offset)) continue;
    const use = (index.usesBySymbol.get(reference.target!) ?? []).find((u) => u.reference === reference);
    if (use) return { symbol: use.symbol, range: use.range, use };
  }
  return undefined;
}

/** Every use of a symbol, in the config and in the modules its imports read. */
export function usesOf(model: SemanticModel, symbol: BlockSymbol): readonly SymbolUse[] {
  return derivedValue(model, navigationIndex).usesBySymbol.get(symbol) ?? [];
}

/** A block on the way to a position, and what the model knows of it. */
export interface BlockAt {
  readonly block: Block;
  /** For a top-level block of a module (component, `declare`, config or service block): its symbol. */
  readonly symbol?: BlockSymbol;
  /** For a block nested in a component or config block: its schema. */
  readonly schema?: BlockSchema;
  /** What the block's body may hold, when a schema tells (a component's, a config block's, a nested block's). */
  readonly container?: BlockContainer;
  /** When the block's body is a module's top level (a `declare` body, a `foreach` template): its scope. */
  readonly moduleBody?: ModuleScope;
}

/**
 * The blocks of a document whose range holds `offset` (from the start of the name to the `}` included),
 * outermost first, each with its symbol or schema.
 */
export function blocksAt(model: SemanticModel, filename: string, offset: number): BlockAt[] {
  const index = derivedValue(model, navigationIndex);
  const document = index.documents.get(filename);
  if (!document) return [];
  const path: BlockAt[] = [];
  let statements: readonly Statement[] = document.ast.body;
  /** The top-level container the nested blocks are looked up in (`childBlocks` needs it for inherited blocks). */
  let root: BlockContainer | undefined;
  let parent: BlockContainer | undefined;
  for (;;) {
    const block = statements.find((s): s is Block => s.kind === "Block" && holds(s.range, offset));
    if (!block) return path;
    const symbol = index.symbolOfBlock.get(block);
    const last = path[path.length - 1];
    if (symbol) {
      root = parent = symbol.schema;
      const moduleBody = symbol.kind === "declare" ? symbol.inner : undefined;
      path.push({ block, symbol, container: moduleBody ? undefined : symbol.schema, moduleBody });
    } else if (last?.symbol?.name === "foreach" && last.symbol.kind === "config" && block.name === "template") {
      root = parent = undefined;
      path.push({ block, moduleBody: last.symbol.inner });
    } else {
      const schema = root && parent ? childBlocks(root, parent).find((b) => b.name === block.name) : undefined;
      parent = schema;
      path.push({ block, schema, container: schema });
    }
    statements = block.body;
  }
}

/**
 * The innermost module scope at an offset of a document: a `declare` body or a `foreach` template holding it,
 * else the document's own module (the config, or the imported module).
 */
export function scopeAt(model: SemanticModel, filename: string, offset: number): ModuleScope | undefined {
  const index = derivedValue(model, navigationIndex);
  let scope = index.scopes.get(filename);
  for (const at of blocksAt(model, filename, offset)) {
    if (at.moduleBody && offset > startOffset(at.block.openBrace)) scope = at.moduleBody;
  }
  return scope;
}
