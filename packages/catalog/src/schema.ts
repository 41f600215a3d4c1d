import type { AlloyType } from "./types.js";

/** Stability level as documented (front matter `labels.stage` or a stability banner). */
export type Stability = "generally-available" | "public-preview" | "experimental" | "community";

/** An attribute (argument) of a component or of one of its blocks. */
export interface AttributeSchema {
  name: string;
  type: AlloyType;
  /** The type exactly as the documentation spells it, for hover text. */
  documentedType: string;
  required: boolean;
  /** Set when the Required cell is not a plain yes/no (`yes*`, `conditional`, `See below`, …). */
  requiredCondition?: string;
  /** The Default cell as documented (Alloy syntax such as `"30s"` or `true`, sometimes prose). */
  default?: string;
  /** Allowed string values, when the description lists them. */
  enum?: string[];
  description: string;
  deprecated: boolean;
  /** Fields of an object (or list of objects) value, when the docs list them as `attr > field` rows. */
  fields?: AttributeSchema[];
  /** The release that added it (`v1.5.0`), when that is later than the release that added its component or block. */
  since?: string;
}

/** A block that may appear inside a component, a config block, or another block. */
export interface BlockSchema {
  name: string;
  /** Names from the component body down to this block, e.g. `["endpoint", "basic_auth"]`. */
  path: string[];
  description: string;
  required: boolean;
  /** Set when the Required cell is not a plain yes/no. */
  requiredCondition?: string;
  /** Whether the block may appear more than once in its parent. */
  repeatable: boolean;
  /** Whether the block takes a label (`name "label" { … }`). */
  labelled: boolean;
  attributes: AttributeSchema[];
  blocks: BlockSchema[];
  /**
   * Recursive blocks: the child blocks of the block at this path (relative to the component body)
   * are allowed here too, e.g. `stage.match` in `loki.process` accepts every `stage.*` block.
   */
  inheritsBlocksFrom?: string[];
  /** Whether blocks may appear in any order, or their order matters (pipelines such as `stage.*`). */
  ordered?: boolean;
  /**
   * Set when Alloy decodes the block into a map: it takes attributes of any name, of this type, and no
   * blocks (`attributes` is then empty).
   */
  openAttributes?: AlloyType;
  /** The release that added it, when that is later than the release that added its parent. */
  since?: string;
}

/** A field exported by a component, referenced as `<name>.<label>.<field>`. */
export interface ExportSchema {
  name: string;
  type: AlloyType;
  documentedType: string;
  description: string;
  /** The release that added it, when that is later than the release that added its component. */
  since?: string;
}

/**
 * A component's configuration surface in one Alloy release: its structure (attributes, blocks, what is
 * required, what repeats, types, stability) as that release's code decodes it, its prose (descriptions,
 * defaults, links) from the docs.
 */
export interface ComponentSchema {
  /** Fully qualified name, e.g. `prometheus.remote_write`. */
  name: string;
  /** First name segment, e.g. `prometheus`. */
  namespace: string;
  stability: Stability;
  /**
   * `removed`: the release asked for no longer has the component; the schema is that of the last
   * release that had it (`removedIn` says which release dropped it).
   */
  status: "active" | "removed";
  /** The Alloy release this schema describes (`v1.18.1`). */
  alloyVersion: string;
  /** The release that added the component (`v1.18.0`; `v1.0.0` for those in every catalogued release). */
  since: string;
  /** With `status: "removed"`: the first release without it (`v1.14.0`). */
  removedIn?: string;
  description: string;
  /**
   * Documentation page relative to `docs/sources`, e.g. `reference/components/prometheus/prometheus.remote_write.md`;
   * empty for components the docs snapshot has no page for (removed before its release).
   */
  docPath: string;
  /** Versioned page URL on grafana.com (of the docs snapshot's release); empty without a page. */
  docUrl: string;
  attributes: AttributeSchema[];
  blocks: BlockSchema[];
  exports: ExportSchema[];
  /** Whether `exports` is known to be complete (the code's `Exports` struct, or an empty one). */
  exportsDocumented: boolean;
  /** Whether the component accepts a `clustering` block. */
  clustering: boolean;
}

/** A top-level configuration block (`logging`, `http`, `import.git`, `declare`, …) in one Alloy release. */
export interface ConfigBlockSchema {
  name: string;
  stability: Stability;
  /** The Alloy release this schema describes. */
  alloyVersion: string;
  /** The release that added the block. */
  since: string;
  description: string;
  docPath: string;
  docUrl: string;
  /** Whether the block takes a label, e.g. `argument "name" { … }`. */
  labelled: boolean;
  attributes: AttributeSchema[];
  blocks: BlockSchema[];
  exports: ExportSchema[];
}

export interface FunctionParameter {
  name: string;
  type: AlloyType;
  optional: boolean;
}

/** A standard-library function. */
export interface FunctionSchema {
  /** Full name as called, e.g. `encoding.from_json`, `coalesce`. */
  name: string;
  params: FunctionParameter[];
  /** Whether the last parameter repeats (`array.concat(list...)`). */
  variadic: boolean;
  returns: AlloyType;
  stability: Stability;
  description: string;
  docPath: string;
  docUrl: string;
  /** Pre-namespace names still accepted for this function, e.g. `json_decode`. */
  deprecatedAliases: string[];
}

/** A member of the `constants` object, e.g. `constants.hostname`. */
export interface ConstantSchema {
  name: string;
  type: AlloyType;
  description: string;
}

/** The catalog of one Alloy release (`getCatalog(version)`). */
export interface Catalog {
  $comment: string;
  /** Version of the data's shape; bumped on incompatible changes. */
  formatVersion: number;
  alloyVersion: string;
  /** The Go source the structure was read from. */
  source: { repository: string; tag: string; commit: string };
  /** The docs snapshot the prose was read from (one release for all). */
  docsSource: { repository: string; tag: string; commit: string };
  generator: { name: string; version: string };
  components: ComponentSchema[];
  configBlocks: ConfigBlockSchema[];
  functions: FunctionSchema[];
  /** Deprecated pre-namespace function name → current name, e.g. `env` → `sys.env`. */
  deprecatedFunctionNames: Record<string, string>;
  constants: ConstantSchema[];
}
