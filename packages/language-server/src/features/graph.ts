import type { GraphFormat, GraphLayout, PipelineGraph } from "@alloy-toolkit/graph";
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
 * drawn aggregated. The SVG's layout is kept per config while the graph's shape (nodes, captions, edges) stays
 * the same: typing inside a block moves positions but not the picture, and costs no new layout.
 */
export async function pipelineGraph(params: GraphParams, ctx: FeatureContext): Promise<GraphResult> {
  const format = params.format ?? "svg";
  const { aggregateGraph, buildGraph, renderGraph, layoutGraph, toSvg } = await import("@alloy-toolkit/graph");
  const full = buildGraph(ctx.workspace.analysis(params.uri).model);
  let graph = full;
  if (full.nodes.length > MAX_GRAPH_NODES) {
    // Laying out thousands of nodes takes minutes and the picture says nothing: one node per component name.
    const byModule = aggregateGraph(full);
    graph = byModule.nodes.length <= MAX_GRAPH_NODES ? byModule : aggregateGraph(full, { acrossModules: true });
  }
  const aggregated = graph === full ? {} : { aggregated: { components: full.nodes.length } };
  if (format !== "svg") return { format, content: renderGraph(graph, format), graph, ...aggregated };
  const key = ctx.workspace.configKeyOf(params.uri);
  const shape = shapeOf(graph);
  let layout = layouts.get(key);
  if (layout?.shape !== shape) {
    layout = { shape, layout: layoutGraph(graph) };
    layouts.set(key, layout);
  }
  return { format, content: toSvg(graph, layout.layout), graph, ...aggregated };
}

/** The last layout per config, with the shape it was made for. */
const layouts = new Map<string, { shape: string; layout: GraphLayout }>();

/** What a layout depends on: the nodes as drawn (id, caption, kind, module) and the edges, not positions in files. */
function shapeOf(graph: PipelineGraph): string {
  return JSON.stringify([
    graph.nodes.map((n) => [n.id, n.name, n.label, n.count, n.kind, n.stability, n.clustered, n.module]),
    graph.edges.map((e) => [e.from, e.to, e.attribute, e.exportName, e.dataKind, e.flow, e.dangling]),
    graph.modules.map((m) => m.id),
  ]);
}
