import { DATA_KIND_COLORS, NODE_KIND_FILLS, flowEnds, nodeCaption, type GraphNode, type PipelineGraph } from "./model.js";

/** The graph as pretty-printed JSON (stable key order, as built). */
export function toJson(graph: PipelineGraph): string {
  return JSON.stringify(graph, null, 2) + "\n";
}

/** Mermaid `flowchart LR`, with `declare`d modules as subgraphs and edges coloured by data kind. */
export function toMermaid(graph: PipelineGraph): string {
  const ids = new Map<string, string>();
  graph.nodes.forEach((n, i) => ids.set(n.id, `n${i}`));
  const mermaidText = (text: string) => text.replace(/"/g, "#quot;");
  const lines = ["flowchart LR"];
  const nodeLine = (n: GraphNode, indent: string) => {
    const caption = mermaidText(nodeCaption(n)) + (n.clustered ? " ⧉" : "");
    const shape = n.kind === "missing" ? `{{"${caption}"}}` : `["${caption}"]`;
    return `${indent}${ids.get(n.id)}${shape}:::${n.kind}`;
  };
  graph.modules.forEach((module, i) => {
    lines.push(`  subgraph module${i}["declare ${mermaidText(module.id)}"]`);
    for (const n of graph.nodes.filter((x) => x.module === module.id)) lines.push(nodeLine(n, "    "));
    lines.push("  end");
  });
  for (const n of graph.nodes.filter((x) => x.module === undefined)) lines.push(nodeLine(n, "  "));
  graph.edges.forEach((e) => {
    const [from, to] = flowEnds(e);
    const arrow = e.dangling ? "-.->" : "-->";
    lines.push(`  ${ids.get(from)} ${arrow}|"${mermaidText(`${e.attribute} · ${e.dataKind}`)}"| ${ids.get(to)}`);
  });
  graph.edges.forEach((e, i) => lines.push(`  linkStyle ${i} stroke:${DATA_KIND_COLORS[e.dataKind]},stroke-width:2px`));
  for (const [kind, fill] of Object.entries(NODE_KIND_FILLS)) {
    lines.push(`  classDef ${kind} fill:${fill},stroke:#343a40${kind === "missing" ? ",stroke-dasharray:4 2" : ""}`);
  }
  return lines.join("\n") + "\n";
}

/** Graphviz DOT, left to right, `declare`d modules as clusters, edges coloured by data kind. */
export function toDot(graph: PipelineGraph): string {
  const quote = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  const lines = [
    "digraph alloy {",
    "  rankdir=LR;",
    '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  const nodeLine = (n: GraphNode, indent: string) => {
    const style = n.kind === "missing" ? '"rounded,filled,dashed"' : n.clustered ? '"rounded,filled,bold"' : '"rounded,filled"';
    return `${indent}${quote(n.id)} [label=${quote(nodeCaption(n) + "\n" + n.kind)}, fillcolor=${quote(NODE_KIND_FILLS[n.kind])}, style=${style}];`;
  };
  graph.modules.forEach((module, i) => {
    lines.push(`  subgraph cluster_${i} {`, `    label=${quote(`declare ${module.id}`)};`, "    style=dashed;");
    for (const n of graph.nodes.filter((x) => x.module === module.id)) lines.push(nodeLine(n, "    "));
    lines.push("  }");
  });
  for (const n of graph.nodes.filter((x) => x.module === undefined)) lines.push(nodeLine(n, "  "));
  for (const e of graph.edges) {
    const [from, to] = flowEnds(e);
    const attrs = [`label=${quote(e.attribute)}`, `color=${quote(DATA_KIND_COLORS[e.dataKind])}`];
    if (e.dangling) attrs.push("style=dashed");
    lines.push(`  ${quote(from)} -> ${quote(to)} [${attrs.join(", ")}];`);
  }
  lines.push("}");
  return lines.join("\n") + "\n";
}
