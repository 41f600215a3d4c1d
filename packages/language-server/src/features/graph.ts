import type { GraphFormat, PipelineGraph } from "@alloy-toolkit/graph";
import type { FeatureContext } from "../feature-context.js";

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
}

export const graphFormats: readonly GraphFormat[] = ["svg", "json", "mermaid", "dot"];

/**
 * The pipeline graph of the config `params.uri` belongs to, built from the analysis the diagnostics use
 * (no new parse or analysis while it is fresh). The graph package (and its layout engine) is loaded on the
 * first request, so it costs nothing at start-up.
 */
export async function pipelineGraph(params: GraphParams, ctx: FeatureContext): Promise<GraphResult> {
  const format = params.format ?? "svg";
  const { buildGraph, renderGraph } = await import("@alloy-toolkit/graph");
  const graph = buildGraph(ctx.workspace.analysis(params.uri).model);
  return { format, content: renderGraph(graph, format), graph };
}
