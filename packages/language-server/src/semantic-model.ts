import { getComponent, getConfigBlock, type AlloyVersion, type ComponentSchema } from "@alloy-toolkit/catalog";
import { traversalParts } from "@alloy-toolkit/checker/core";
import {
  endOffset,
  startOffset,
  walk,
  type AccessExpression,
  type Block,
  type Expression,
  type Identifier,
  type Range,
  type Statement,
} from "@alloy-toolkit/parser";
import type { ParsedDocument } from "./documents.js";

/**
 * The semantic model of one Alloy config (a folder of `.alloy` files read as one, as `alloy validate`
 * does) and the modules it imports with `import.file`: what each name declares and what each reference
 * points at. Definition, references, rename, reference completion and hover read it.
 *
 * Diagnostics, inlay hints and the pipeline graph use the checker's model (`Workspace.analysis`). This one
 * stays because the checker's model does not yet have what navigation needs: the documents and symbols of
 * `import.file` modules (the checker parses module sources without their URIs and keeps only their
 * `declare`s), uses that are not expressions (a custom component's name naming its `declare` or import, the
 * argument names set in a module instance), and offset lookups (`scopeAt`, `symbolAt`).
 */

export type SymbolKind = "component" | "declare" | "argument" | "export" | "import";

export interface ConfigSymbol {
  /** Stable within one model: kind, scope and name. */
  readonly id: string;
  readonly kind: SymbolKind;
  /** The block name: `prometheus.scrape`, `declare`, `argument`, `import.file`, or a module component's name. */
  readonly blockName: string;
  /** The label: the component label, the declared/argument/export/import name. */
  readonly label: string;
  readonly uri: string;
  readonly block: Block;
  readonly scope: Scope;
  /** For catalog components. */
  readonly schema?: ComponentSchema;
  /** For instances of a `declare` (local or imported): the declare. */
  instanceOf?: ConfigSymbol;
  /** For a `declare`: the scope of its body. */
  body?: Scope;
  /** For an `import.file`: the module's top-level scope once loaded. */
  module?: Scope;
}

export type ReferenceKind = "reference" | "instantiation" | "argument-name";

/** A use of a symbol. `nameRange` is the text that names the symbol (what rename replaces). */
export interface SymbolReference {
  readonly symbol: ConfigSymbol;
  readonly kind: ReferenceKind;
  readonly uri: string;
  readonly nameRange: Range;
  /** For `reference`s: the whole expression (`prometheus.remote_write.default.receiver`). */
  readonly expression?: Expression;
  /** For references to a component: the export named after the label, if any. */
  readonly field?: Identifier;
}

export class Scope {
  readonly components = new Map<string, ConfigSymbol>();
  readonly declares = new Map<string, ConfigSymbol>();
  readonly arguments = new Map<string, ConfigSymbol>();
  readonly exports = new Map<string, ConfigSymbol>();
  readonly imports = new Map<string, ConfigSymbol>();

  constructor(
    /** `dir:<uri>` for a config folder, `module:<uri>` for an imported file, plus `/<name>` per declare. */
    readonly key: string,
    readonly parent: Scope | undefined,
    /** The `declare` whose body this is, if any. */
    readonly declare: ConfigSymbol | undefined,
  ) {}

  lookupDeclare(name: string): ConfigSymbol | undefined {
    return this.declares.get(name) ?? this.parent?.lookupDeclare(name);
  }

  lookupImport(name: string): ConfigSymbol | undefined {
    return this.imports.get(name) ?? this.parent?.lookupImport(name);
  }
}

/** Reads a module imported by `import.file`: the documents at a path relative to the importing document. */
export type ModuleLoader = (fromUri: string, filename: string) => ParsedDocument[];

interface ScopeSpan {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  readonly scope: Scope;
}

export class SemanticModel {
  readonly symbols: ConfigSymbol[] = [];
  readonly references: SymbolReference[] = [];
  readonly documents = new Map<string, ParsedDocument>();
  private readonly spans: ScopeSpan[] = [];
  private readonly rootScopes = new Map<string, Scope>();
  private readonly referencesBySymbol = new Map<string, SymbolReference[]>();

  /** The innermost scope at an offset of a document of this model. */
  scopeAt(uri: string, offset: number): Scope | undefined {
    let best: ScopeSpan | undefined;
    for (const span of this.spans) {
      if (span.uri !== uri || offset < span.start || offset > span.end) continue;
      if (!best || span.end - span.start <= best.end - best.start) best = span;
    }
    return best?.scope;
  }

  referencesTo(symbol: ConfigSymbol): readonly SymbolReference[] {
    return this.referencesBySymbol.get(symbol.id) ?? [];
  }

  /** The symbol whose definition label or whose reference covers `offset` in `uri`. */
  symbolAt(uri: string, offset: number): { symbol: ConfigSymbol; range: Range; reference?: SymbolReference } | undefined {
    for (const reference of this.references) {
      if (reference.uri === uri && contains(reference.nameRange, offset)) {
        return { symbol: reference.symbol, range: reference.nameRange, reference };
      }
    }
    for (const symbol of this.symbols) {
      const label = symbol.block.label;
      if (symbol.uri === uri && label && contains(label.range, offset)) return { symbol, range: label.range };
    }
    // Anywhere else in a reference (`prometheus.remote_write.x`): the component it names.
    for (const reference of this.references) {
      if (reference.uri === uri && reference.expression && reference.symbol.kind === "component" && contains(reference.expression.range, offset)) {
        return { symbol: reference.symbol, range: reference.nameRange, reference };
      }
    }
    return undefined;
  }

  /** @internal */
  addReference(reference: SymbolReference): void {
    this.references.push(reference);
    const list = this.referencesBySymbol.get(reference.symbol.id);
    if (list) list.push(reference);
    else this.referencesBySymbol.set(reference.symbol.id, [reference]);
  }

  /** @internal */
  addSpan(span: ScopeSpan): void {
    this.spans.push(span);
  }

  /** @internal */
  rootScope(key: string, create: () => Scope): { scope: Scope; created: boolean } {
    const existing = this.rootScopes.get(key);
    if (existing) return { scope: existing, created: false };
    const scope = create();
    this.rootScopes.set(key, scope);
    return { scope, created: true };
  }
}

/** Block names that are not components: config blocks of the language itself. */
function isConfigBlockName(name: string, version: AlloyVersion): boolean {
  return getConfigBlock(name, version) !== undefined || name === "declare" || name === "argument" || name === "export";
}

const MAX_IMPORT_DEPTH = 8;

/**
 * Builds the model of a config made of `documents` (one folder), following `import.file` modules
 * through `loadModule`.
 */
export function buildSemanticModel(
  configKey: string,
  documents: readonly ParsedDocument[],
  loadModule: ModuleLoader,
  version: AlloyVersion,
): SemanticModel {
  const model = new SemanticModel();
  const builder = new ModelBuilder(model, loadModule, version);
  builder.module(`dir:${configKey}`, documents, 0);
  builder.resolveAll();
  return model;
}

interface PendingScope {
  readonly scope: Scope;
  readonly uri: string;
  readonly body: readonly Statement[];
}

class ModelBuilder {
  private readonly pending: PendingScope[] = [];

  constructor(
    private readonly model: SemanticModel,
    private readonly loadModule: ModuleLoader,
    private readonly version: AlloyVersion,
  ) {}

  module(key: string, documents: readonly ParsedDocument[], depth: number): Scope {
    const { scope, created } = this.model.rootScope(key, () => new Scope(key, undefined, undefined));
    if (!created) return scope;
    for (const document of documents) {
      this.model.documents.set(document.uri, document);
      const ast = document.ast;
      this.model.addSpan({ uri: document.uri, start: 0, end: document.text.length, scope });
      this.declareScope(scope, document.uri, ast.body);
    }
    for (const symbol of scope.imports.values()) this.loadImport(symbol, depth);
    return scope;
  }

  private loadImport(symbol: ConfigSymbol, depth: number): void {
    if (symbol.blockName !== "import.file" || depth >= MAX_IMPORT_DEPTH) return;
    const filename = symbol.block.body.find(
      (s) => s.kind === "Attribute" && s.name.name === "filename" && s.value.kind === "StringLiteral",
    );
    if (!filename || filename.kind !== "Attribute" || filename.value.kind !== "StringLiteral") return;
    const documents = this.loadModule(symbol.uri, filename.value.value);
    if (documents.length === 0) return;
    symbol.module = this.module(`module:${documents.map((d) => d.uri).join(",")}`, documents, depth + 1);
  }

  /** Records the definitions of a scope's body, recursing into `declare` bodies. */
  private declareScope(scope: Scope, uri: string, body: readonly Statement[]): void {
    this.pending.push({ scope, uri, body });
    for (const statement of body) {
      if (statement.kind !== "Block" || !statement.label) continue;
      const block = statement;
      const label = block.label!.value;
      const define = (kind: SymbolKind, map: Map<string, ConfigSymbol>, extra: Partial<ConfigSymbol> = {}) => {
        const symbol: ConfigSymbol = {
          id: `${kind}:${scope.key}:${kind === "component" ? block.name + "." : ""}${label}`,
          kind,
          blockName: block.name,
          label,
          uri,
          block,
          scope,
          ...extra,
        };
        if (!map.has(kind === "component" ? `${block.name}.${label}` : label)) {
          map.set(kind === "component" ? `${block.name}.${label}` : label, symbol);
          this.model.symbols.push(symbol);
        }
        return symbol;
      };
      if (block.name === "declare") {
        const symbol = define("declare", scope.declares);
        const body = new Scope(`${scope.key}/${label}`, scope, symbol);
        symbol.body = body;
        this.model.addSpan({ uri, start: startOffset(block.range), end: endOffset(block.range), scope: body });
        this.declareScope(body, uri, block.body);
      } else if (block.name === "argument") define("argument", scope.arguments);
      else if (block.name === "export") define("export", scope.exports);
      else if (block.name.startsWith("import.")) define("import", scope.imports);
      else if (!isConfigBlockName(block.name, this.version)) {
        define("component", scope.components, { schema: getComponent(block.name, this.version) });
      }
    }
  }

  /** Second pass, once every scope's definitions are known: instantiations and references. */
  resolveAll(): void {
    for (let i = 0; i < this.pending.length; i++) {
      const { scope, uri, body } = this.pending[i];
      for (const symbol of scope.components.values()) this.linkInstance(symbol);
      for (const statement of body) this.resolveStatement(scope, uri, statement, true);
    }
  }

  private linkInstance(symbol: ConfigSymbol): void {
    if (symbol.schema || symbol.instanceOf) return;
    const parts = symbol.block.nameParts;
    const local = parts.length === 1 ? symbol.scope.lookupDeclare(parts[0].name) : undefined;
    if (local) {
      symbol.instanceOf = local;
      return;
    }
    if (parts.length === 2) {
      const imported = symbol.scope.lookupImport(parts[0].name);
      const declare = imported?.module?.declares.get(parts[1].name);
      if (declare) symbol.instanceOf = declare;
    }
  }

  private resolveStatement(scope: Scope, uri: string, statement: Statement, topLevel: boolean): void {
    if (statement.kind === "Attribute") {
      this.resolveExpression(scope, uri, statement.value);
      return;
    }
    if (topLevel && statement.name === "declare") return; // its own scope, resolved separately
    if (topLevel) this.resolveInstantiation(scope, uri, statement);
    for (const child of statement.body) this.resolveStatement(scope, uri, child, false);
  }

  private resolveInstantiation(scope: Scope, uri: string, block: Block): void {
    const parts = block.nameParts;
    if (parts.length === 1) {
      const declare = scope.lookupDeclare(parts[0].name);
      if (!declare) return;
      this.model.addReference({ symbol: declare, kind: "instantiation", uri, nameRange: parts[0].range });
      this.resolveArgumentNames(declare, uri, block);
    } else if (parts.length === 2) {
      const imported = scope.lookupImport(parts[0].name);
      if (!imported) return;
      this.model.addReference({ symbol: imported, kind: "instantiation", uri, nameRange: parts[0].range });
      const declare = imported.module?.declares.get(parts[1].name);
      if (!declare) return;
      this.model.addReference({ symbol: declare, kind: "instantiation", uri, nameRange: parts[1].range });
      this.resolveArgumentNames(declare, uri, block);
    }
  }

  /** `my_module "x" { some_argument = … }`: the attribute names refer to the declare's arguments. */
  private resolveArgumentNames(declare: ConfigSymbol, uri: string, block: Block): void {
    const args = declare.body?.arguments;
    if (!args) return;
    for (const statement of block.body) {
      if (statement.kind !== "Attribute") continue;
      const argument = args.get(statement.name.name);
      if (argument) {
        this.model.addReference({ symbol: argument, kind: "argument-name", uri, nameRange: statement.name.range });
      }
    }
  }

  private resolveExpression(scope: Scope, uri: string, expression: Expression): void {
    walk(expression, {
      enter: (node) => {
        if (node.kind !== "AccessExpression") return;
        const parts = traversalParts(node);
        if (!parts) return;
        this.resolveChain(scope, uri, node, parts);
        return false;
      },
    });
  }

  private resolveChain(scope: Scope, uri: string, expression: AccessExpression, parts: Identifier[]): void {
    if (parts[0].name === "argument" && parts.length >= 2) {
      const argument = findArgument(scope, parts[1].name);
      if (argument) this.model.addReference({ symbol: argument, kind: "reference", uri, nameRange: parts[1].range, expression });
      return;
    }
    for (let k = parts.length; k >= 2; k--) {
      const key = parts
        .slice(0, k)
        .map((p) => p.name)
        .join(".");
      const component = scope.components.get(key);
      if (!component) continue;
      const field = parts[k] as Identifier | undefined;
      this.model.addReference({ symbol: component, kind: "reference", uri, nameRange: parts[k - 1].range, expression, field });
      const exported = field ? component.instanceOf?.body?.exports.get(field.name) : undefined;
      if (exported && field) this.model.addReference({ symbol: exported, kind: "reference", uri, nameRange: field.range, expression });
      return;
    }
  }
}

function findArgument(scope: Scope, name: string): ConfigSymbol | undefined {
  return scope.arguments.get(name);
}

function contains(range: Range, offset: number): boolean {
  return startOffset(range) <= offset && offset <= endOffset(range);
}
