import type { GraphFormat, PipelineGraph } from "@alloy-toolkit/graph";
import type { FeatureContext } from "../feature-context.js";
import { MAX_GRAPH_NODES } from "../limits.js";

/** Parameters of the custom `alloy/graph` request. */
export interface GraphParams {
  /** A document of the config (folder) to draw. */
  readonly uri: string;
  /** `svg` when absent. */
  readonly format?: GraphFormat;
}

/**
 * The answer: the rendered graph and its JSON model. Node positions (`file`, `start`/`end`, 1-based) name
 * files as the checker does: the file-system path for `file:` documents, the URI otherwise.
 */
export interface GraphResult {
  readonly format: GraphFormat;
  readonly content: string;
  readonly graph: PipelineGraph;
  /**
   * Set when the config has more than {@link MAX_GRAPH_NODES} components: `graph` and `content` then have one
   * node per component name (`prometheus.scrape ×2400`), and this says how many components there are.
   */
  readonly aggregated?: { readonly components: number };
}

export const graphFormats: readonly GraphFormat[] = ["svg", "json", "mermaid", "dot"];

/**
 * The pipeline graph of the config `params.uri` belongs to, built from the analysis the diagnostics use
 * (no new parse or analysis while it is fresh). The graph package (and its layout engine) is loaded on the
 * first request, so it costs nothing at start-up. A config of more than {@link MAX_GRAPH_NODES} components is
 * drawn aggregated.
 */
export async function pipelineGraph(params: GraphParams, ctx: FeatureContext): Promise<GraphResult> {
  const format = params.format ?? "svg";
  const { aggregateGraph, buildGraph, renderGraph } = await import("@alloy-toolkit/graph");
  const full = buildGraph(ctx.workspace.analysis(params.uri).model);
  if (full.nodes.length <= MAX_GRAPH_NODES) return { format, content: renderGraph(full, format), graph: full };
  // Laying out thousands of nodes takes minutes and the picture says nothing: one node per component name.
  const graph = aggregateGraph(full);
  return { format, content: renderGraph(graph, format), graph, aggregated: { components: full.nodes.length } };
}
