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
}

/** A field exported by a component, referenced as `<name>.<label>.<field>`. */
export interface ExportSchema {
  name: string;
  type: AlloyType;
  documentedType: string;
  description: string;
}

/** Everything the documentation says about a component's configuration surface. */
export interface ComponentSchema {
  /** Fully qualified name, e.g. `prometheus.remote_write`. */
  name: string;
  /** First name segment, e.g. `prometheus`. */
  namespace: string;
  stability: Stability;
  /** `removed` components are still documented but no longer accepted by Alloy. */
  status: "active" | "removed";
  description: string;
  /** Documentation page relative to `docs/sources`, e.g. `reference/components/prometheus/prometheus.remote_write.md`. */
  docPath: string;
  /** Versioned page URL on grafana.com. */
  docUrl: string;
  attributes: AttributeSchema[];
  blocks: BlockSchema[];
  exports: ExportSchema[];
  /** False when the page has no exported-fields section at all (exports are then unknown, not empty). */
  exportsDocumented: boolean;
  /** Whether the component accepts a `clustering` block. */
  clustering: boolean;
}

/** A top-level configuration block (`logging`, `http`, `import.git`, `declare`, …). */
export interface ConfigBlockSchema {
  name: string;
  stability: Stability;
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

/** The JSON catalog file for one Alloy release. */
export interface Catalog {
  $comment: string;
  /** Version of this JSON shape; bumped on incompatible changes. */
  formatVersion: number;
  alloyVersion: string;
  source: { repository: string; tag: string; commit: string };
  generator: { name: string; version: string };
  components: ComponentSchema[];
  configBlocks: ConfigBlockSchema[];
  functions: FunctionSchema[];
  /** Deprecated pre-namespace function name → current name, e.g. `env` → `sys.env`. */
  deprecatedFunctionNames: Record<string, string>;
  constants: ConstantSchema[];
}
