import { catalogVersion, getComponent, getConfigBlock, type AlloyType } from "@alloy-toolkit/catalog";
import {
  attributeNamed,
  blockNamed,
  traversalParts,
  endOffset,
  parse,
  startOffset,
  type Block,
  type CallExpression,
  type Expression,
  type Identifier,
  type Range,
  type Statement,
} from "@alloy-toolkit/parser";
import type {
  BlockSymbol,
  ImportedModule,
  ImportInfo,
  ModuleDefinition,
  ModuleScope,
  Reference,
  ReferenceTargetKind,
  ResolvedOptions,
  SemanticModel,
  SourceDocument,
  SourceInput,
  SymbolKind,
} from "./model.js";
import type { CheckOptions, ImportProblem, ImportResolver } from "./options.js";
import { addToGroup } from "./group.js";
import { isStdlibRoot } from "./stdlib.js";
import { exportType } from "./types.js";

/** Blocks `alloy validate` treats as config blocks (the rest are declares, services or components). */
const CONFIG_BLOCKS = new Set([
  "foreach",
  "argument",
  "export",
  "logging",
  "tracing",
  "import.file",
  "import.string",
  "import.http",
  "import.git",
]);

/** Alloy services that take a configuration block. */
export const SERVICE_BLOCKS = new Set(["http", "remotecfg", "livedebugging"]);

export function resolveOptions(options: CheckOptions = {}): ResolvedOptions {
  return {
    alloyVersion: options.alloyVersion ?? catalogVersion,
    stabilityLevel: options.stabilityLevel ?? "generally-available",
    communityComponents: options.communityComponents ?? false,
    disable: new Set(options.disable ?? []),
    severity: options.severity ?? {},
    rules: options.rules ?? [],
    alloyCompatible: options.alloyCompatible ?? false,
    resolveImport: options.resolveImport,
  };
}

function isImportProblem(resolved: ReturnType<ImportResolver>): resolved is ImportProblem {
  return typeof resolved === "object" && resolved !== null && "problem" in resolved;
}

/** What an import resolver gave, as documents (a folder's files sorted by name). */
function importedDocuments(filename: string, resolved: Exclude<ReturnType<ImportResolver>, ImportProblem>): SourceDocument[] {
  if (resolved === undefined) return [];
  const list = typeof resolved === "string" ? [{ filename, text: resolved }] : Array.isArray(resolved) ? resolved : [resolved as SourceInput];
  const parsed = list.filter((d): d is SourceDocument => "ast" in d);
  const unparsed = parseDocuments(list.filter((d) => !("ast" in d)));
  return [...parsed, ...unparsed].sort((a, b) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0));
}

/** Parses the files of one config, sorted by name as `alloy validate` reads a directory. */
export function parseDocuments(files: readonly SourceInput[]): SourceDocument[] {
  return [...files]
    .sort((a, b) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0))
    .map((file) => {
      const result = parse(file.text, { filename: file.filename });
      return {
        filename: file.filename,
        text: file.text,
        ast: result.ast,
        lineIndex: result.lineIndex,
        parseDiagnostics: result.diagnostics,
      };
    });
}

/** A range of one document from offsets (end exclusive). */
export function rangeAt(document: SourceDocument, start: number, end: number): Range {
  return document.lineIndex.rangeAt(start, end);
}

/** Alloy's node id of a block: its name parts and label joined with dots. */
export function blockId(block: Block): string {
  return block.label ? `${block.name}.${block.label.value}` : block.name;
}

/**
 * What a block at the top level of a module (a file, a `declare` body, a `foreach` template) is, by its name:
 * the one classification the rules, the graph and the language server share.
 */
export function classifyBlock(name: string): SymbolKind {
  if (CONFIG_BLOCKS.has(name)) return "config";
  if (name === "declare") return "declare";
  if (SERVICE_BLOCKS.has(name)) return "service";
  return "component";
}

interface Located {
  document: SourceDocument;
  statement: Statement;
}

/**
 * Builds the semantic model of a config made of one or more files: the block symbols of every module
 * scope (root, `declare` bodies, `foreach` templates), the modules they define or import, and every
 * reference resolved to its target. Pure: `import.file` sources are read through
 * `options.resolveImport` only. Works on files with syntax errors too (on the partial AST).
 */
export function analyze(files: readonly SourceInput[], options: CheckOptions = {}): SemanticModel {
  const resolved = resolveOptions(options);
  const documents = parseDocuments(files);
  return analyzeDocuments(documents, resolved);
}

export function analyzeDocuments(documents: readonly SourceDocument[], options: ResolvedOptions): SemanticModel {
  const modules: ImportedModule[] = [];
  const builder = new ModelBuilder(options, modules, new Set(documents.map((d) => d.filename)), 0);
  const root = builder.buildModule(documents);
  const referencesTo = new Map<BlockSymbol, Reference[]>();
  for (const reference of builder.references) {
    if (reference.target) addToGroup(referencesTo, reference.target, reference);
  }
  const typeCache = new Map<Reference, AlloyType | undefined>();
  const model: SemanticModel = {
    documents,
    modules,
    root,
    symbols: builder.symbols,
    references: builder.references,
    referencesTo,
    hasSyntaxErrors: documents.some((d) => d.parseDiagnostics.some((p) => p.severity === "error")),
    options,
    referenceType(reference) {
      if (typeCache.has(reference)) return typeCache.get(reference);
      typeCache.set(reference, undefined); // guards against cycles through module exports
      const type = exportType(model, reference);
      typeCache.set(reference, type);
      return type;
    },
  };
  return model;
}

/** How deep `import.file` modules importing modules are read. */
const MAX_IMPORT_DEPTH = 8;

class ModelBuilder {
  readonly symbols: BlockSymbol[] = [];
  readonly references: Reference[] = [];
  private order = 0;

  /**
   * @param modules where the modules read by imports go (every builder of one analysis shares it)
   * @param reading the files of the modules being read, from the config down to this one (an import cycle stops)
   */
  constructor(
    private readonly options: ResolvedOptions,
    private readonly modules: ImportedModule[],
    private readonly reading: ReadonlySet<string>,
    private readonly depth: number,
  ) {}

  /** The root scope of a config or module made of `documents`, every reference resolved. */
  buildModule(documents: readonly SourceDocument[]): ModuleScope {
    const statements: Located[] = [];
    for (const document of documents) {
      for (const statement of document.ast.body) statements.push({ document, statement });
    }
    const root = this.buildScope(statements, "root");
    this.resolveAll();
    return root;
  }

  private next(): number {
    return this.order++;
  }

  buildScope(
    statements: readonly Located[],
    kind: ModuleScope["kind"],
    parent?: ModuleScope,
    owner?: BlockSymbol,
    foreachVar?: string,
  ): ModuleScope {
    const scope: ModuleScope = {
      kind,
      parent,
      owner,
      symbols: [],
      nodes: new Map(),
      declares: new Map(),
      imports: new Map(),
      foreachVar,
      strayAttributes: [],
      endOrder: 0,
    };
    const groups: Record<SymbolKind, Located[]> = { declare: [], config: [], component: [], service: [] };
    for (const located of statements) {
      if (located.statement.kind === "Attribute") {
        scope.strayAttributes.push({ document: located.document, attribute: located.statement, owner });
        continue;
      }
      groups[classifyBlock(located.statement.name)].push(located);
    }
    // Alloy checks declares first (they register custom components), then configs, components, services.
    for (const kindName of ["declare", "config", "component", "service"] as const) {
      const seen = new Map<string, BlockSymbol>();
      for (const { document, statement } of groups[kindName]) {
        const block = statement as Block;
        const symbol: BlockSymbol = {
          kind: kindName,
          name: block.name,
          label: block.label?.value,
          id: blockId(block),
          document,
          block,
          scope,
          order: this.next(),
          refOrder: 0,
        };
        symbol.refOrder = symbol.order;
        const first = seen.get(symbol.id);
        if (first) symbol.duplicateOf = first;
        else seen.set(symbol.id, symbol);
        if (!scope.nodes.has(symbol.id)) scope.nodes.set(symbol.id, symbol);
        scope.symbols.push(symbol);
        this.symbols.push(symbol);
        this.describe(symbol);
      }
    }
    scope.endOrder = this.next();
    return scope;
  }

  /** Fills in what a symbol is (schema, module, inner scope, import) and collects its references. */
  private describe(symbol: BlockSymbol): void {
    const { block, scope, document } = symbol;
    switch (symbol.kind) {
      case "declare": {
        if (symbol.label !== undefined && !symbol.duplicateOf) scope.declares.set(symbol.label, symbol);
        symbol.schema = getConfigBlock("declare", this.options.alloyVersion);
        symbol.definition = moduleDefinition(symbol.label ?? "", "declare", block, symbol);
        symbol.inner = this.buildScope(
          block.body.map((statement) => ({ document, statement })),
          "declare",
          scope,
          symbol,
        );
        symbol.refOrder = this.next();
        return;
      }
      case "config": {
        symbol.schema = getConfigBlock(symbol.name, this.options.alloyVersion);
        if (symbol.name.startsWith("import.")) {
          if (symbol.label !== undefined && !symbol.duplicateOf) scope.imports.set(symbol.label, symbol);
          symbol.importInfo = this.readImport(symbol);
        }
        if (symbol.name === "foreach") {
          const template = blockNamed(block, "template");
          const varValue = attributeNamed(block, "var")?.value;
          const varName = varValue?.kind === "StringLiteral" ? varValue.value : undefined;
          this.addReferences(symbol, referencesIn(block.body.filter((s) => s !== template)));
          if (template) {
            symbol.inner = this.buildScope(
              template.body.map((statement) => ({ document, statement })),
              "foreach",
              scope,
              symbol,
              varName,
            );
          }
          symbol.refOrder = this.next();
          return;
        }
        this.addReferences(symbol, referencesOfBlock(block));
        return;
      }
      case "service":
        symbol.schema = getConfigBlock(symbol.name, this.options.alloyVersion);
        this.addReferences(symbol, referencesOfBlock(block));
        return;
      case "component":
        symbol.schema = getComponent(symbol.name, this.options.alloyVersion);
        this.addReferences(symbol, referencesOfBlock(block));
        return;
    }
  }

  private readImport(symbol: BlockSymbol): ImportInfo {
    const source = symbol.name.slice("import.".length) as ImportInfo["source"];
    const empty: ImportInfo = { source, resolved: false, modules: new Map() };
    const value = attributeNamed(symbol.block, source === "file" ? "filename" : "content")?.value;
    if (value?.kind !== "StringLiteral" || this.depth >= MAX_IMPORT_DEPTH) return empty;
    let documents: SourceDocument[];
    if (source === "file") {
      if (!this.options.resolveImport) return empty;
      const resolved = this.options.resolveImport(value.value, symbol.document.filename);
      if (isImportProblem(resolved)) return { ...empty, problem: resolved.problem };
      documents = importedDocuments(value.value, resolved);
    } else if (source === "string") {
      // Named after the importing file and the import: its positions are in the string's text, not in that file.
      documents = parseDocuments([{ filename: `${symbol.document.filename}#${symbol.id}`, text: value.value }]);
    } else {
      return empty;
    }
    if (documents.length === 0 || documents.some((d) => d.parseDiagnostics.some((p) => p.severity === "error"))) return empty;
    if (documents.some((d) => this.reading.has(d.filename))) return empty;
    const reading = new Set(this.reading);
    for (const document of documents) reading.add(document.filename);
    const builder = new ModelBuilder(this.options, this.modules, reading, this.depth + 1);
    const root = builder.buildModule(documents);
    const module: ImportedModule = { importedBy: symbol, documents, root, symbols: builder.symbols, references: builder.references };
    this.modules.push(module);
    const modules = new Map<string, ModuleDefinition>();
    for (const [label, declare] of root.declares) {
      if (!declare.definition) continue;
      modules.set(label, { ...declare.definition, name: `${symbol.label ?? ""}.${label}`, origin: source === "file" ? "import.file" : "import.string" });
    }
    return { source, resolved: true, modules, module };
  }

  private addReferences(from: BlockSymbol, found: readonly FoundReference[]): void {
    const inForeach = isInForeach(from.scope);
    for (const { expression, parts, attributePath, call } of found) {
      this.references.push(new ChainReference(from, parts, expression, call, attributePath, inForeach));
    }
  }

  /** Resolves every reference once all scopes are built (a reference may name a later block). */
  resolveAll(): void {
    for (const symbol of this.symbols) {
      if (symbol.kind === "component") this.resolveComponentType(symbol);
    }
    for (const reference of this.references) resolveReference(reference);
  }

  private resolveComponentType(symbol: BlockSymbol): void {
    if (symbol.schema) return;
    const found = lookupComponentType(symbol.scope, symbol.name);
    if (found?.module) symbol.module = found.module;
    if (found?.uncheckedImport) symbol.uncheckedImport = found.uncheckedImport;
  }
}

/** A reference of the model; its range (first to last identifier) is made when first read. */
class ChainReference implements Reference {
  readonly document: SourceDocument;
  readonly scope: ModuleScope;
  kind: ReferenceTargetKind = "unresolved";
  target?: BlockSymbol;
  targetParts = 0;
  private spanRange: Range | undefined;

  constructor(
    readonly from: BlockSymbol,
    readonly parts: readonly Identifier[],
    readonly expression: Expression,
    readonly call: CallExpression | undefined,
    readonly attributePath: readonly string[],
    readonly inForeach: boolean,
  ) {
    this.document = from.document;
    this.scope = from.scope;
  }

  get range(): Range {
    this.spanRange ??= rangeAt(this.document, startOffset(this.parts[0].range), endOffset(this.parts[this.parts.length - 1].range));
    return this.spanRange;
  }
}

/** A reference chain found in a block body, before it is resolved in a scope. */
interface FoundReference {
  readonly expression: Expression;
  readonly parts: Identifier[];
  readonly attributePath: readonly string[];
  readonly call: CallExpression | undefined;
}

/**
 * The reference chains of each block body analyzed so far. An edited document keeps the block objects of
 * the statements the edit did not touch (the parser's `reparse`), so analyzing it again finds their
 * chains here instead of walking their expressions. The chains hold the AST's own nodes, whose ranges
 * `reparse` keeps current.
 */
const blockReferences = new WeakMap<Block, readonly FoundReference[]>();

function referencesOfBlock(block: Block): readonly FoundReference[] {
  let found = blockReferences.get(block);
  if (!found) {
    found = referencesIn(block.body);
    blockReferences.set(block, found);
  }
  return found;
}

/** The reference chains of a body, in source order. */
function referencesIn(body: readonly Statement[]): FoundReference[] {
  const found: FoundReference[] = [];
  collectStatements(body, [], found);
  return found;
}

function collectStatements(body: readonly Statement[], path: readonly string[], found: FoundReference[]): void {
  for (const statement of body) {
    if (statement.kind === "Block") {
      collectStatements(statement.body, [...path, statement.name], found);
    } else {
      collectExpression(statement.value, [...path, statement.name.name], found);
    }
  }
}

function collectExpression(expression: Expression, attributePath: readonly string[], found: FoundReference[]): void {
  const stack: { expression: Expression; call?: CallExpression }[] = [{ expression }];
  while (stack.length > 0) {
    const { expression: node, call } = stack.pop()!;
    switch (node.kind) {
      case "Identifier":
      case "AccessExpression": {
        const parts = traversalParts(node);
        if (parts) {
          found.push({ expression: node, parts, attributePath, call });
        } else if (node.kind === "AccessExpression") {
          stack.push({ expression: node.object });
        }
        break;
      }
      case "IndexExpression":
        stack.push({ expression: node.index }, { expression: node.object });
        break;
      case "CallExpression":
        for (let i = node.args.length - 1; i >= 0; i--) stack.push({ expression: node.args[i] });
        stack.push({ expression: node.callee, call: node });
        break;
      case "ArrayExpression":
        for (let i = node.elements.length - 1; i >= 0; i--) stack.push({ expression: node.elements[i] });
        break;
      case "ObjectExpression":
        for (let i = node.fields.length - 1; i >= 0; i--) stack.push({ expression: node.fields[i].value });
        break;
      case "UnaryExpression":
        stack.push({ expression: node.operand });
        break;
      case "BinaryExpression":
        stack.push({ expression: node.right }, { expression: node.left });
        break;
      case "ParenExpression":
        stack.push({ expression: node.expression });
        break;
      default:
        break;
    }
  }
}

function isInForeach(scope: ModuleScope): boolean {
  for (let s: ModuleScope | undefined = scope; s; s = s.parent) {
    if (s.kind === "foreach") return true;
    if (s.kind === "declare") return false;
  }
  return false;
}

/**
 * Finds what a component name means in a scope: a `declare` label visible from it, or
 * `<import label>.<declare>` of an import visible from it. Built-in components are looked up in the catalog.
 */
export function lookupComponentType(
  scope: ModuleScope,
  name: string,
): { module?: ModuleDefinition; uncheckedImport?: BlockSymbol } | undefined {
  const dot = name.indexOf(".");
  for (let s: ModuleScope | undefined = scope; s; s = s.parent) {
    const declare = s.declares.get(name);
    if (declare?.definition) return { module: declare.definition };
    if (dot > 0) {
      const imported = s.imports.get(name.slice(0, dot));
      if (imported?.importInfo) {
        if (!imported.importInfo.resolved) return { uncheckedImport: imported };
        const module = imported.importInfo.modules.get(name.slice(dot + 1));
        return module ? { module } : undefined;
      }
    }
  }
  return undefined;
}

/**
 * The node ids a reference chain may name, shortest first (`a`, `a.b`, `a.b.c`…). Kept per chain: the chains
 * of unchanged blocks are reused from one analysis to the next (see `referencesOfBlock`).
 */
const chainIds = new WeakMap<readonly Identifier[], readonly string[]>();

function idsOfChain(parts: readonly Identifier[]): readonly string[] {
  let ids = chainIds.get(parts);
  if (!ids) {
    const list: string[] = [];
    let id = "";
    for (let i = 0; i < parts.length; i++) {
      id = i === 0 ? parts[0].name : `${id}.${parts[i].name}`;
      list.push(id);
    }
    ids = list;
    chainIds.set(parts, ids);
  }
  return ids;
}

function resolveReference(reference: Reference): void {
  const ids = idsOfChain(reference.parts);
  const lookup = (scope: ModuleScope): boolean => {
    for (let i = 0; i < ids.length; i++) {
      const target = scope.nodes.get(ids[i]);
      if (target) {
        reference.kind = "node";
        reference.target = target;
        reference.targetParts = i + 1;
        return true;
      }
    }
    return false;
  };
  if (lookup(reference.scope)) return;
  // Inside a foreach template: the loop variable, then the enclosing scopes.
  for (let s: ModuleScope | undefined = reference.scope; s && s.kind === "foreach"; s = s.parent) {
    if (s.foreachVar === ids[0]) {
      reference.kind = "foreach-var";
      return;
    }
    if (s.parent && lookup(s.parent)) return;
  }
  if (isStdlibRoot(ids[0])) reference.kind = "stdlib";
}

function moduleDefinition(
  name: string,
  origin: ModuleDefinition["origin"],
  declare: Block,
  symbol?: BlockSymbol,
): ModuleDefinition {
  const args: ModuleDefinition["arguments"][number][] = [];
  const exports: ModuleDefinition["exports"][number][] = [];
  for (const statement of declare.body) {
    if (statement.kind !== "Block" || !statement.label) continue;
    if (statement.name === "argument") {
      // Alloy: `optional` defaults to false; a non-literal value cannot be judged, so it is taken as optional.
      const optional = attributeNamed(statement, "optional")?.value;
      const required = optional === undefined || (optional.kind === "BoolLiteral" && !optional.value);
      args.push({ name: statement.label.value, required, block: statement });
    } else if (statement.name === "export") {
      exports.push({ name: statement.label.value, block: statement, value: attributeNamed(statement, "value")?.value });
    }
  }
  return { name, origin, arguments: args, exports, declare, symbol };
}

