export { aggregateGraph } from "./aggregate.js";
export { buildGraph } from "./build.js";
export type { DataKind, GraphEdge, GraphModule, GraphNode, GraphPosition, NodeKind, PipelineGraph } from "./model.js";
export { DATA_KIND_COLORS, NODE_KIND_FILLS, flowEnds, nodeCaption } from "./model.js";
export { layoutGraph, toSvg } from "./render-svg.js";
export type { GraphLayout } from "./render-svg.js";
export { toDot, toJson, toMermaid } from "./render-text.js";

import type { PipelineGraph } from "./model.js";
import { toSvg } from "./render-svg.js";
import { toDot, toJson, toMermaid } from "./render-text.js";

export type GraphFormat = "json" | "mermaid" | "dot" | "svg";
export const graphFormats: readonly GraphFormat[] = ["json", "mermaid", "dot", "svg"];

/** Renders a graph in one of the output formats. */
export function renderGraph(graph: PipelineGraph, format: GraphFormat): string {
  switch (format) {
    case "json":
      return toJson(graph);
    case "mermaid":
      return toMermaid(graph);
    case "dot":
      return toDot(graph);
    case "svg":
      return toSvg(graph);
  }
}

