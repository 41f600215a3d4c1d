import type { GraphEdge, GraphNode, PipelineGraph } from "./model.js";

/**
 * The graph with one node per component name (per module): `prometheus.scrape ×2400` stands for every
 * `prometheus.scrape` of its scope, at the first one's position, and the edges between their members become
 * one edge per attribute, export and data kind. A config of thousands of components is drawn this way: its
 * picture stays readable, and laid out in a moment instead of minutes (the layout's cost grows faster than
 * the number of nodes). With `acrossModules`, the components of every `declare` join those of their name
 * outside it, and no module frames are drawn: for configs with modules by the hundred.
 */
export function aggregateGraph(graph: PipelineGraph, options: { readonly acrossModules?: boolean } = {}): PipelineGraph {
  const groupOf = new Map<string, string>();
  const groups = new Map<string, { first: GraphNode; count: number; clustered: boolean }>();
  const acrossModules = options.acrossModules === true;
  for (const node of graph.nodes) {
    const id = node.module === undefined || acrossModules ? node.name : `${node.module}/${node.name}`;
    groupOf.set(node.id, id);
    const group = groups.get(id);
    if (group) {
      group.count++;
      group.clustered ||= node.clustered;
    } else groups.set(id, { first: node, count: 1, clustered: node.clustered });
  }
  const nodes: GraphNode[] = [...groups].map(([id, { first, count, clustered }]) =>
    count === 1 && !acrossModules ? first : { ...first, id, label: undefined, clustered, count, ...(acrossModules ? { module: undefined } : {}) },
  );
  // A component alone of its name keeps its own node and id.
  const nodeOf = (id: string) => {
    const group = groupOf.get(id);
    return group === undefined || (groups.get(group)!.count === 1 && !acrossModules) ? id : group;
  };
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  for (const edge of graph.edges) {
    const from = nodeOf(edge.from);
    const to = nodeOf(edge.to);
    const key = [from, to, edge.attribute, edge.exportName, edge.dataKind, edge.flow, edge.dangling].join("\u0000");
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ ...edge, from, to });
  }
  return { nodes, edges, modules: acrossModules ? [] : graph.modules };
}
