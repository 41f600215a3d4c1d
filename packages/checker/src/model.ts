import type { AlloyType, ComponentSchema, ConfigBlockSchema } from "@alloy-toolkit/catalog";
import type {
  Attribute,
  Block,
  CallExpression,
  Diagnostic as ParseDiagnostic,
  Expression,
  File,
  Identifier,
  LineIndex,
  Range,
} from "@alloy-toolkit/parser";

/** A file handed to {@link analyze}/{@link check}: its name as it should appear in diagnostics, and its text. */
export interface SourceInput {
  readonly filename: string;
  readonly text: string;
}

/** A parsed file of the config. */
export interface SourceDocument {
  readonly filename: string;
  readonly text: string;
  readonly ast: File;
  readonly lineIndex: LineIndex;
  readonly parseDiagnostics: readonly ParseDiagnostic[];
}

/**
 * What a top-level statement of a module is, following `alloy validate`: `config` blocks (`argument`,
 * `export`, `foreach`, `import.*`, `logging`, `tracing`), `declare` blocks, `service` blocks (`http`,
 * `remotecfg`, `livedebugging`), and everything else is a `component`.
 */
export type SymbolKind = "component" | "declare" | "config" | "service";

/** A module that a custom component instantiates: a `declare` block, local or imported. */
export interface ModuleDefinition {
  /** The component name used to instantiate it: `self_collect`, or `math.add` for an import. */
  readonly name: string;
  readonly origin: "declare" | "import.file" | "import.string";
  readonly arguments: readonly ModuleArgument[];
  readonly exports: readonly ModuleExport[];
  /** The `declare` block (in the config, or in the imported source). */
  readonly declare: Block;
  /** The symbol of the `declare` block (in the config, or in the imported module's scope). */
  readonly symbol?: BlockSymbol;
}

export interface ModuleArgument {
  readonly name: string;
  /** `optional = false` or no `optional` attribute. */
  readonly required: boolean;
  readonly block: Block;
}

export interface ModuleExport {
  readonly name: string;
  readonly block: Block;
  /** The `value` expression, whose type {@link inferType} can tell. */
  readonly value?: Expression;
}

/** What an `import.*` block brings in. */
export interface ImportInfo {
  readonly source: "file" | "string" | "git" | "http";
  /**
   * True when the imported source was read and parsed; `import.git`/`import.http` are never fetched,
   * and `import.file` needs a resolver.
   */
  readonly resolved: boolean;
  /** Declares of the imported source, by declare label. */
  readonly modules: ReadonlyMap<string, ModuleDefinition>;
  /** The source read, when it was. */
  readonly module?: ImportedModule;
  /** Why the resolver did not read an `import.file` (too large, not a regular file…). */
  readonly problem?: string;
}

/**
 * A module read by an `import.file` (a file, or a folder's files) or an `import.string`: its documents and
 * their scopes, symbols and references, for navigation. The rules check the config's own blocks only.
 */
export interface ImportedModule {
  /** The `import.*` block that reads it (in the config, or in another imported module). */
  readonly importedBy: BlockSymbol;
  /** Named as the resolver named them; an `import.string`'s is `<importing file>#import.string.<label>`. */
  readonly documents: readonly SourceDocument[];
  readonly root: ModuleScope;
  readonly symbols: readonly BlockSymbol[];
  readonly references: readonly Reference[];
}

/** A top-level block of a module: a component, a declare, a config block or a service block. */
export interface BlockSymbol {
  readonly kind: SymbolKind;
  /** Block name, e.g. `prometheus.scrape`, `declare`, `import.file`, `self_collect`. */
  readonly name: string;
  readonly label: string | undefined;
  /** Alloy's node id: name and label joined with dots (`prometheus.scrape.pods`). */
  readonly id: string;
  readonly document: SourceDocument;
  readonly block: Block;
  /** The scope the block is declared in. */
  readonly scope: ModuleScope;
  /** Position in `alloy validate`'s order of checks; diagnostics are sorted by it. */
  order: number;
  /** Where the block's reference checks come in that order (after a foreach template's checks). */
  refOrder: number;
  /** Set on the second and later declarations of the same id. */
  duplicateOf?: BlockSymbol;
  /** Catalog schema of a built-in component or config/service block. */
  schema?: ComponentSchema | ConfigBlockSchema;
  /** For a component: the module it instantiates (local or imported declare), when known. */
  module?: ModuleDefinition;
  /** For a component of an import that was not read (`import.git`, `import.http`): the import. */
  uncheckedImport?: BlockSymbol;
  /** For `declare`: the module body; for `foreach`: the template. */
  inner?: ModuleScope;
  /** For `import.*`. */
  importInfo?: ImportInfo;
  /** For `declare`: the module it defines. */
  definition?: ModuleDefinition;
}

/** The scope of a module: the root config, a `declare` body, or a `foreach` template. */
export interface ModuleScope {
  readonly kind: "root" | "declare" | "foreach";
  readonly parent?: ModuleScope;
  /** The `declare` or `foreach` symbol owning this scope. */
  readonly owner?: BlockSymbol;
  /** Top-level blocks of the scope, in source order (files in name order). */
  readonly symbols: BlockSymbol[];
  /** First declaration of each node id. */
  readonly nodes: Map<string, BlockSymbol>;
  /** Declares visible as custom components from this scope, by label (own scope only). */
  readonly declares: Map<string, BlockSymbol>;
  /** Imports in this scope, by label. */
  readonly imports: Map<string, BlockSymbol>;
  /** The `var` name of a foreach template. */
  readonly foreachVar?: string;
  /** Attributes at the top level of the scope (not allowed by Alloy). */
  readonly strayAttributes: { document: SourceDocument; attribute: Attribute; owner?: BlockSymbol }[];
  /** Order of the scope's end, where its cycle diagnostics go. */
  endOrder: number;
}

/** What a reference resolves to. */
export type ReferenceTargetKind =
  | "node" // a component, argument, import… of the same module
  | "stdlib" // a standard-library function or `constants`
  | "foreach-var" // the `var` of an enclosing foreach template
  | "unresolved";

/**
 * A reference in an expression: a chain of identifiers `a.b.c.d` (Alloy's traversal), resolved against
 * the module scope it appears in.
 */
export interface Reference {
  readonly document: SourceDocument;
  /** The block whose body holds the reference. */
  readonly from: BlockSymbol;
  readonly scope: ModuleScope;
  /** The identifiers of the chain. */
  readonly parts: readonly Identifier[];
  /** The outermost expression of the chain (an Identifier or AccessExpression). */
  readonly expression: Expression;
  /** From the first identifier to the end of the last. */
  readonly range: Range;
  /** The chain is the callee of a call (`sys.env("X")`). */
  readonly call?: CallExpression;
  /** Names of the blocks and the attribute holding the reference, from the component body. */
  readonly attributePath: readonly string[];
  kind: ReferenceTargetKind;
  target?: BlockSymbol;
  /** How many parts name the target node (`prometheus.remote_write.x` → 3). */
  targetParts: number;
  /** Inside a foreach template, Alloy does not check references; neither do we report them unresolved. */
  readonly inForeach: boolean;
}

/** The result of {@link analyze}: the semantic model the checker rules and the language server share. */
export interface SemanticModel {
  readonly documents: readonly SourceDocument[];
  /** Every module read by the config's imports (and by theirs), for navigation. */
  readonly modules: readonly ImportedModule[];
  readonly root: ModuleScope;
  /** Every block symbol of every scope, in `alloy validate` order. */
  readonly symbols: readonly BlockSymbol[];
  readonly references: readonly Reference[];
  /** References by target symbol. */
  readonly referencesTo: ReadonlyMap<BlockSymbol, Reference[]>;
  /** Whether any file has syntax errors (Alloy then reports only those). */
  readonly hasSyntaxErrors: boolean;
  readonly options: ResolvedOptions;
  /** The type of a reference's value (export type from the catalog or module), when known. */
  referenceType(reference: Reference): AlloyType | undefined;
}

export interface ResolvedOptions {
  readonly alloyVersion: import("@alloy-toolkit/catalog").AlloyVersion;
  readonly stabilityLevel: import("./options.js").StabilityLevel;
  readonly communityComponents: boolean;
  readonly disable: ReadonlySet<string>;
  readonly severity: Readonly<Record<string, import("@alloy-toolkit/parser").Severity | "off">>;
  readonly rules: readonly import("./rule.js").Rule[];
  readonly alloyCompatible: boolean;
  readonly resolveImport?: import("./options.js").ImportResolver;
}
