/**
 * Hand-kept corrections for what the documentation gets wrong or leaves unsaid. Every entry says
 * why. The generator applies them after reading the pages and lists unused entries in the report,
 * so a fixed doc page shows up as a stale override.
 *
 * `target` is a component or config-block name; `path` a block path inside it (`[]` = the body);
 * a path segment may end in `*` to match a name prefix (`stage.*`).
 */
export type Override =
  | {
      kind: "attribute";
      target: string;
      path: string[];
      attribute: string;
      set: { required?: boolean; type?: string; default?: string | null; deprecated?: boolean };
      reason: string;
    }
  | {
      kind: "add-attribute";
      target: string;
      path: string[];
      attribute: { name: string; type: string; required: boolean; description: string; default?: string };
      reason: string;
    }
  | { kind: "remove-attribute"; target: string; path: string[]; attribute: string; reason: string }
  | {
      kind: "block";
      target: string;
      path: string[];
      set: { required?: boolean; repeatable?: boolean; inheritsBlocksFrom?: string[]; ordered?: boolean };
      reason: string;
    }
  | {
      kind: "add-block";
      target: string;
      path: string[];
      /** `copyFrom`: `[component, ...path]` of a block whose attributes and blocks this one shares. */
      block: { name: string; description: string; required: boolean; repeatable: boolean; copyFrom?: string[] };
      reason: string;
    }
  | { kind: "component"; target: string; set: { status?: "active" | "removed" }; reason: string };

/** Blocks that Alloy decodes as lists, when the pages do not say "multiple" in prose. */
const repeatable = (target: string, path: string[], reason: string): Override => ({
  kind: "block",
  target,
  path,
  set: { repeatable: true },
  reason,
});

export const overrides: Override[] = [
  {
    kind: "add-attribute",
    target: "loki.source.windowsevent",
    path: [],
    attribute: {
      name: "legacy_bookmark_path",
      type: "string",
      required: false,
      description:
        "Path of a Grafana Agent Static bookmark, converted to an Alloy bookmark when `bookmark_path` does not exist.",
    },
    reason:
      "The page explains `legacy_bookmark_path` in a note under the Arguments table, but the table omits the row; converter outputs for Windows event logs set it.",
  },
  {
    kind: "attribute",
    target: "loki.source.docker",
    path: [],
    attribute: "labels",
    set: { required: false },
    reason:
      "The Arguments table says Required yes but documents a default of `{}`; Alloy's own integration test config (integration-tests/docker/tests/loki-docker) runs loki.source.docker without `labels`.",
  },
  {
    kind: "block",
    target: "loki.process",
    path: ["stage.*"],
    set: { repeatable: true, ordered: true },
    reason: "Stages form a pipeline: each stage block may appear any number of times and runs in order (stated once in prose for all stages).",
  },
  {
    kind: "block",
    target: "loki.process",
    path: ["stage.match"],
    set: { inheritsBlocksFrom: [] },
    reason: "stage.match \"supports all the same stage.NAME blocks as the top level\" (prose only, no table rows).",
  },
  {
    kind: "block",
    target: "loki.process",
    path: ["stage.metrics", "metric.*"],
    set: { repeatable: true },
    reason: "One metric.* block per generated metric (\"a number of nested inner metric.* blocks\").",
  },
  {
    kind: "add-block",
    target: "otelcol.processor.probabilistic_sampler",
    path: [],
    block: {
      name: "output",
      description: "Configures where to send received telemetry data.",
      required: true,
      repeatable: false,
      copyFrom: ["otelcol.processor.batch", "output"],
    },
    reason: "The Usage and Examples sections use a required `output` block like every otelcol processor, but the Blocks table omits it.",
  },
  repeatable("*", ["rule"], "Relabel rules are a list (`rule` blocks apply in order); the shared rule snippet does not say so."),
  repeatable("*", ["*", "write_relabel_config"], "write_relabel_config holds a list of relabel rules."),
  repeatable("loki.source.syslog", ["listener"], "One listener block per address; valid configs repeat it (corpus), the page lists it without saying so."),
  repeatable("otelcol.processor.attributes", ["action"], "Actions are a list applied in order; valid configs repeat the block (corpus)."),
  repeatable("otelcol.receiver.filelog", ["ordering_criteria", "sort_by"], "Sort rules are a list; valid configs repeat the block (corpus)."),
  repeatable("discovery.kubernetes", ["selectors"], "One selectors block per role; Alloy decodes a list."),
  repeatable("*", ["*", "match_expression"], "Label-selector match expressions are a list, combined with AND (prose says so only for some pages)."),
  repeatable("*", ["extra_query_matchers", "matcher"], "Extra query matchers are a list of matcher blocks."),
  repeatable("prometheus.exporter.process", ["matcher"], "Process matchers are a list; each block selects a group of processes."),
  repeatable("beyla.ebpf", ["*", "*instrument"], "Service selection criteria are lists of instrument blocks."),
  repeatable("loki.process", ["stage.truncate", "rule"], "stage.truncate applies a list of truncation rules."),
  repeatable("otelcol.processor.k8sattributes", ["*", "label"], "Label extraction/filter rules are lists."),
  repeatable("otelcol.processor.k8sattributes", ["extract", "annotation"], "Annotation extraction rules are a list."),
  repeatable("otelcol.connector.spanmetrics", ["dimension"], "Extra dimensions are a list."),
  repeatable("otelcol.connector.spanmetrics", ["*", "dimension"], "Extra dimensions are a list."),
  repeatable("otelcol.connector.spanmetrics", ["calls_dimension"], "Extra call dimensions are a list."),
  repeatable("otelcol.processor.*", ["*", "attribute"], "Attribute match properties are a list of attribute blocks."),
  repeatable("otelcol.processor.tail_sampling", ["policy"], "Sampling policies are a list, evaluated together."),
  repeatable("otelcol.processor.tail_sampling", ["policy", "*", "*_sub_policy"], "Sub-policies of and/not/drop/composite are lists."),
];

/**
 * Textual fixes applied to a documentation file before it is read, for errors that stop a row
 * from being read at all (a typo in a type). `find` must occur in `file` exactly.
 */
export interface DocFix {
  file: string;
  find: string;
  replace: string;
  reason: string;
}

export const docFixes: DocFix[] = [
  {
    file: "reference/components/otelcol/otelcol.receiver.filelog.md",
    find: "`lists(map(string)`",
    replace: "`list(map(string))`",
    reason: "Typo in the type of header > metadata_operators (unbalanced parenthesis, `lists`).",
  },
  {
    file: "reference/components/pyroscope/pyroscope.relabel.md",
    find: "`[]relabel.Config`",
    replace: "`RelabelRules`",
    reason: "The exported `rules` field is the same RelabelRules capsule as in prometheus.relabel and loki.relabel; the docs show the Go type.",
  },
];
