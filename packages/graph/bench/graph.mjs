// Graph build and layout time for a generated 300-component config (133 scrape → relabel → remote_write
// pipelines fed by shared discovery), and for the examples.
import { analyze } from "@alloy-toolkit/checker";
import { buildGraph, layoutGraph, toSvg } from "../dist/index.js";

function generatedConfig(pipelines) {
  const parts = ['discovery.kubernetes "pods" {\n\trole = "pod"\n}\n'];
  for (let i = 0; i < pipelines; i++) {
    parts.push(
      `prometheus.scrape "s${i}" {\n\ttargets    = discovery.kubernetes.pods.targets\n\tforward_to = [prometheus.relabel.r${i}.receiver]\n}\n`,
      `prometheus.relabel "r${i}" {\n\tforward_to = [prometheus.remote_write.w${i % 33}.receiver]\n\n\trule {\n\t\taction = "keep"\n\t\tregex  = "x${i}"\n\t}\n}\n`,
    );
  }
  for (let i = 0; i < 33; i++) parts.push(`prometheus.remote_write "w${i}" {\n\tendpoint {\n\t\turl = "http://mimir-${i}/push"\n\t}\n}\n`);
  return parts.join("\n");
}

const text = generatedConfig(133);
const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
const times = { analyze: [], build: [], layout: [], svg: [] };
let graph;
for (let run = 0; run < 7; run++) {
  let t = performance.now();
  const model = analyze([{ filename: "generated.alloy", text }], { stabilityLevel: "experimental" });
  times.analyze.push(performance.now() - t);
  t = performance.now();
  graph = buildGraph(model);
  times.build.push(performance.now() - t);
  t = performance.now();
  const layout = layoutGraph(graph);
  times.layout.push(performance.now() - t);
  t = performance.now();
  toSvg(graph, layout);
  times.svg.push(performance.now() - t);
}
console.log(
  `graph of ${graph.nodes.length} components, ${graph.edges.length} edges: analyze ${median(times.analyze).toFixed(1)} ms, ` +
    `build ${median(times.build).toFixed(1)} ms, layout (dagre) ${median(times.layout).toFixed(1)} ms, SVG ${median(times.svg).toFixed(1)} ms`,
);

// The corpus's large.alloy: thousands of separate pipelines, each part laid out on its own (see layoutGraph).
const { existsSync, readFileSync } = await import("node:fs");
const large = new URL("../../../../shared/corpus/bench/large.alloy", import.meta.url);
if (existsSync(large)) {
  const model = analyze([{ filename: "large.alloy", text: readFileSync(large, "utf8") }], { stabilityLevel: "experimental" });
  const big = buildGraph(model);
  const t = performance.now();
  const layout = layoutGraph(big);
  const laidOut = performance.now() - t;
  console.log(
    `graph of large.alloy: ${big.nodes.length} components, ${big.edges.length} edges: layout ${(laidOut / 1000).toFixed(1)} s ` +
      `(${layout.width.toFixed(0)} × ${layout.height.toFixed(0)} px)`,
  );
} else {
  console.log(`graph of large.alloy skipped: ${large.pathname} not found`);
}
