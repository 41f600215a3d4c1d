/** What flows along an edge, decided by the type of the referenced export (and, for OpenTelemetry, the attribute). */
export type DataKind = "metrics" | "logs" | "traces" | "profiles" | "targets" | "other";

/**
 * The role of a node in a pipeline: where data enters (`source`), is transformed (`process`), leaves
 * (`export`), where targets are found (`discovery`), a top-level config block (`config`), a module
 * instance (`module`, a use of a `declare`d or imported component), or a reference to something that does
 * not exist (`missing`).
 */
export type NodeKind = "source" | "process" | "export" | "discovery" | "config" | "module" | "missing";

/** A point in a file; line and column are 1-based, as in the parser. */
export interface GraphPosition {
  readonly line: number;
  readonly column: number;
}

export interface GraphNode {
  /** `<component name>.<label>` (or the block name when it has no label); unique within its scope. */
  readonly id: string;
  /** Component or block name, e.g. `prometheus.scrape`. */
  readonly name: string;
  readonly label: string | undefined;
  readonly kind: NodeKind;
  /** Catalog stability, when the component is known. */
  readonly stability: string | undefined;
  readonly file: string | undefined;
  readonly start: GraphPosition | undefined;
  readonly end: GraphPosition | undefined;
  /** Whether the component has `clustering { enabled = true }`. */
  readonly clustered: boolean;
  /** The `declare` this node is defined in, if any (its module subgraph). */
  readonly module: string | undefined;
  readonly docUrl: string | undefined;
  /** In an aggregated graph ({@link aggregateGraph}): how many components this node stands for. */
  readonly count?: number;
}

export interface GraphEdge {
  /** The node whose attribute holds the reference. */
  readonly from: string;
  /** The node whose export is referenced (a `missing` node when it does not exist). */
  readonly to: string;
  /** The referencing attribute's path inside its component, e.g. `forward_to` or `output > metrics`. */
  readonly attribute: string;
  /** The referenced export, e.g. `receiver`. */
  readonly exportName: string;
  readonly dataKind: DataKind;
  /**
   * Which way the data goes: `to-referenced` for receivers and consumers (`forward_to = [x.receiver]`
   * sends data to x); `from-referenced` for values read from the other component (`targets = d.targets`).
   */
  readonly flow: "to-referenced" | "from-referenced";
  /** The reference does not resolve to a component. */
  readonly dangling: boolean;
}

/** A `declare`d module: drawn as a subgraph around the nodes defined in it. */
export interface GraphModule {
  readonly id: string;
  readonly file: string | undefined;
  readonly start: GraphPosition | undefined;
}

export interface PipelineGraph {
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
  readonly modules: GraphModule[];
}

/** A node's title: `name "label"`, or `name ×count` for a node standing for several components. */
export function nodeCaption(node: GraphNode): string {
  if (node.count !== undefined) return `${node.name} ×${node.count}`;
  return node.label === undefined ? node.name : `${node.name} "${node.label}"`;
}

/** The data-flow direction of an edge: `[source, target]` node ids. */
export function flowEnds(edge: GraphEdge): [string, string] {
  return edge.flow === "to-referenced" ? [edge.from, edge.to] : [edge.to, edge.from];
}

/** Colours per data kind, shared by every renderer so the outputs look alike. */
export const DATA_KIND_COLORS: Readonly<Record<DataKind, string>> = {
  metrics: "#e8590c",
  logs: "#1971c2",
  traces: "#2f9e44",
  profiles: "#9c36b5",
  targets: "#868e96",
  other: "#495057",
};

/** Fill colours per node kind. */
export const NODE_KIND_FILLS: Readonly<Record<NodeKind, string>> = {
  source: "#fff4e6",
  process: "#e7f5ff",
  export: "#ebfbee",
  discovery: "#f8f9fa",
  config: "#f3f0ff",
  module: "#fff9db",
  missing: "#ffe3e3",
};
