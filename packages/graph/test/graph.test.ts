import { readFileSync } from "node:fs";
import { analyze } from "@alloy-toolkit/checker";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { aggregateGraph, buildGraph, layoutGraph, renderGraph, toDot, toMermaid, toSvg, type PipelineGraph } from "../src/index.js";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");

function graphOf(path: string): PipelineGraph {
  const model = analyze([{ filename: path, text: read(path) }], { stabilityLevel: "experimental" });
  return buildGraph(model);
}

/** 1-based line of the first line of a file that starts with `prefix`. */
const lineOf = (path: string, prefix: string) => read(path).split("\n").findIndex((l) => l.startsWith(prefix)) + 1;

const edgeSummary = (g: PipelineGraph) =>
  g.edges.map((e) => `${e.from} -[${e.attribute}: ${e.dataKind}${e.dangling ? ", dangling" : ""}]-> ${e.to}.${e.exportName}`);

describe("pipeline graph", () => {
  it("has a node per component and an edge per reference, with data kinds and flow", () => {
    const path = "../../../examples/clustered-scrape/config.alloy";
    const g = graphOf(path);
    expect(g.nodes.map((n) => [n.id, n.kind])).toEqual([
      ["logging", "config"],
      ["discovery.kubernetes.pods", "discovery"],
      ["discovery.relabel.pods", "discovery"],
      ["prometheus.scrape.pods", "source"],
      ["prometheus.remote_write.default", "export"],
    ]);
    expect(edgeSummary(g)).toEqual([
      "discovery.relabel.pods -[targets: targets]-> discovery.kubernetes.pods.targets",
      "prometheus.scrape.pods -[targets: targets]-> discovery.relabel.pods.output",
      "prometheus.scrape.pods -[forward_to: metrics]-> prometheus.remote_write.default.receiver",
    ]);
    expect(g.edges.map((e) => e.flow)).toEqual(["from-referenced", "from-referenced", "to-referenced"]);
    expect(g.nodes.find((n) => n.id === "prometheus.scrape.pods")).toMatchObject({
      clustered: true,
      file: path,
      start: { line: lineOf(path, 'prometheus.scrape "pods"'), column: 1 },
    });
  });

  it("tells OpenTelemetry signals apart by the output attribute", () => {
    const g = graphOf("../../../examples/otlp-gateway/config.alloy");
    const kinds = g.edges.filter((e) => e.from === "otelcol.receiver.otlp.default").map((e) => e.dataKind);
    expect(kinds).toEqual(["metrics", "logs", "traces"]);
    expect(g.nodes.find((n) => n.name === "otelcol.auth.basic")?.kind).toBe("config");
  });

  it("draws declared modules as subgraphs and dangling references to missing nodes", () => {
    const g = graphOf("fixtures/modules.alloy");
    expect(g.modules.map((m) => m.id)).toEqual(["scrape_and_send"]);
    expect(g.nodes.filter((n) => n.module === "scrape_and_send").map((n) => n.id)).toEqual([
      "scrape_and_send/argument.targets",
      "scrape_and_send/argument.url",
      "scrape_and_send/prometheus.scrape.default",
      "scrape_and_send/prometheus.remote_write.default",
    ]);
    expect(g.nodes.find((n) => n.id === "scrape_and_send.nodes")?.kind).toBe("module");
    expect(edgeSummary(g)).toContain(
      "scrape_and_send/prometheus.scrape.default -[forward_to: metrics]-> scrape_and_send/prometheus.remote_write.default.receiver",
    );
    expect(edgeSummary(g)).toContain("scrape_and_send.nodes -[targets: targets]-> discovery.kubernetes.nodes.targets");
    expect(edgeSummary(g)).toContain(
      "scrape_and_send/prometheus.scrape.default -[targets: targets]-> scrape_and_send/argument.targets.value",
    );
    expect(edgeSummary(g)).toContain("loki.source.api.push -[forward_to: logs, dangling]-> loki.write.missing.receiver");
    expect(g.nodes.find((n) => n.id === "loki.write.missing")).toMatchObject({ kind: "missing", name: "loki.write", label: "missing" });
  });

  it("renders Mermaid, DOT and a self-contained SVG with every node and edge", () => {
    const g = graphOf("fixtures/modules.alloy");
    const mermaid = toMermaid(g);
    expect(mermaid.startsWith("flowchart LR\n")).toBe(true);
    expect(mermaid).toContain('subgraph module0["declare scrape_and_send"]');
    expect(mermaid.match(/-->|-\.->/g)?.length).toBe(g.edges.length);
    const dot = toDot(g);
    expect(dot).toContain("rankdir=LR;");
    expect(dot).toContain("subgraph cluster_0");
    expect(dot.match(/ -> /g)?.length).toBe(g.edges.length);
    const svg = toSvg(g);
    expect(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")).toBe(true);
    expect(svg.match(/<g class="node"/g)?.length).toBe(g.nodes.length);
    expect(svg.match(/<g class="edge"/g)?.length).toBe(g.edges.length);
    expect(svg).toContain(`data-line="${lineOf("fixtures/modules.alloy", "\tprometheus.scrape")}"`);
    expect(svg).not.toMatch(/href=|<script/);
    expect(JSON.parse(renderGraph(g, "json"))).toEqual(JSON.parse(JSON.stringify(g)));
  });

  it("draws a declared module without components as a frame of its own", () => {
    const g = graphOf("fixtures/empty-declare.alloy");
    expect(g.modules.map((m) => m.id)).toEqual(["empty"]);
    const layout = layoutGraph(g);
    const frame = layout.clusters.get("empty")!;
    expect([frame.x, frame.y, frame.width, frame.height].every(Number.isFinite)).toBe(true);
    const node = layout.nodes.get("prometheus.relabel.a")!;
    // The frame and the component do not overlap.
    const apart =
      Math.abs(frame.x - node.x) >= (frame.width + node.width) / 2 || Math.abs(frame.y - node.y) >= (frame.height + node.height) / 2;
    expect(apart).toBe(true);
    const svg = toSvg(g, layout);
    expect(svg).toContain('<g class="module" data-id="empty">');
    expect(svg).not.toContain("NaN");
  });

  it("lays separate pipelines out one by one, in rows, none over another", () => {
    // 60 pipelines of two components each: 60 parts, laid out apart and set in rows about twice as wide as high.
    const text = Array.from(
      { length: 60 },
      (_, n) =>
        `prometheus.scrape "s${n}" {\n\ttargets = []\n\tforward_to = [prometheus.remote_write.w${n}.receiver]\n}\n` +
        `prometheus.remote_write "w${n}" {\n\tendpoint {\n\t\turl = "http://m${n}:9009"\n\t}\n}\n`,
    ).join("\n");
    const g = buildGraph(analyze([{ filename: "many.alloy", text }], { stabilityLevel: "experimental" }));
    expect(g.nodes).toHaveLength(120);
    const layout = layoutGraph(g);
    const boxes = [...layout.nodes.values()];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        const apart = Math.abs(a.x - b.x) >= (a.width + b.width) / 2 || Math.abs(a.y - b.y) >= (a.height + b.height) / 2;
        expect(apart).toBe(true);
      }
    }
    for (const box of boxes) {
      expect(box.x + box.width / 2).toBeLessThanOrEqual(layout.width);
      expect(box.y + box.height / 2).toBeLessThanOrEqual(layout.height);
    }
    expect(layout.width / layout.height).toBeGreaterThan(1);
    expect(layout.width / layout.height).toBeLessThan(4);
    const x = (id: string) => layout.nodes.get(id)!.x;
    expect(x("prometheus.scrape.s7")).toBeLessThan(x("prometheus.remote_write.w7"));
    for (const edge of layout.edges) expect(edge.points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
  });

  it("lays data flow out left to right", () => {
    const g = graphOf("../../../examples/clustered-scrape/config.alloy");
    const layout = layoutGraph(g);
    const x = (id: string) => layout.nodes.get(id)!.x;
    expect(x("discovery.kubernetes.pods")).toBeLessThan(x("discovery.relabel.pods"));
    expect(x("discovery.relabel.pods")).toBeLessThan(x("prometheus.scrape.pods"));
    expect(x("prometheus.scrape.pods")).toBeLessThan(x("prometheus.remote_write.default"));
  });

  it("writes well-formed XML whatever characters labels and file names hold", () => {
    // Control characters, an escape sequence and markup in a label (the parser reports such a label, but the
    // graph of a config with errors is still drawn); control characters and a lone surrogate in a file name.
    const text = 'local.file "a\\x01b\\x1b[31m<&>\\"" {\n  filename = "/x"\n}\n';
    const model = analyze([{ filename: "dir\u0007/conf\ud800ig\u001f.alloy", text }], { stabilityLevel: "experimental" });
    const graph = buildGraph(model);
    expect(graph.nodes.some((node) => node.label?.includes("\u0001"))).toBe(true);
    const svg = toSvg(graph);
    const errors: string[] = [];
    const parser = new SaxesParser();
    parser.on("error", (error) => errors.push(error.message));
    parser.write(svg).close();
    expect(errors).toEqual([]);
    expect(svg).toContain('<title>local.file &quot;a\\x01b\\x1b[31m&lt;&amp;&gt;&quot;&quot;</title>');
    expect(svg).toContain('data-file="dir\\x07/conf\\ud800ig\\x1f.alloy"');
  });
});

describe("aggregated graph", () => {
  it("has one node per component name, standing for its count, and one edge per attribute and export between them", () => {
    let text = 'prometheus.remote_write "default" {\n  endpoint {\n    url = "http://x"\n  }\n}\n';
    for (let i = 0; i < 50; i++) {
      text += `discovery.kubernetes "k${i}" {\n  role = "pod"\n}\nprometheus.scrape "s${i}" {\n  targets    = discovery.kubernetes.k${i}.targets\n  forward_to = [prometheus.remote_write.default.receiver]\n}\n`;
    }
    const graph = buildGraph(analyze([{ filename: "many.alloy", text }]));
    const aggregated = aggregateGraph(graph);
    expect(aggregated.nodes.map((n) => [n.id, n.count])).toEqual([
      ["prometheus.remote_write.default", undefined],
      ["discovery.kubernetes", 50],
      ["prometheus.scrape", 50],
    ]);
    expect(aggregated.nodes[2].start).toEqual(graph.nodes.find((n) => n.id === "prometheus.scrape.s0")!.start);
    expect(edgeSummary(aggregated)).toEqual([
      "prometheus.scrape -[targets: targets]-> discovery.kubernetes.targets",
      "prometheus.scrape -[forward_to: metrics]-> prometheus.remote_write.default.receiver",
    ]);
    expect(toSvg(aggregated)).toContain("prometheus.scrape ×50");
    expect(toMermaid(aggregated)).toContain("prometheus.scrape ×50");
  });
});

describe("aggregated across modules", () => {
  it("joins the components of every declare to those of their name, without module frames", () => {
    const text =
      'declare "a" {\n  prometheus.remote_write "w" {\n    endpoint {\n      url = "http://x"\n    }\n  }\n}\n' +
      'declare "b" {\n  prometheus.remote_write "w" {\n    endpoint {\n      url = "http://y"\n    }\n  }\n}\n' +
      'prometheus.remote_write "top" {\n  endpoint {\n    url = "http://z"\n  }\n}\n';
    const graph = buildGraph(analyze([{ filename: "modules.alloy", text }]));
    const byModule = aggregateGraph(graph);
    expect(byModule.nodes.map((n) => n.id).sort()).toEqual(["a/prometheus.remote_write.w", "b/prometheus.remote_write.w", "prometheus.remote_write.top"].sort());
    const across = aggregateGraph(graph, { acrossModules: true });
    expect(across.nodes.map((n) => [n.id, n.count, n.module])).toEqual([["prometheus.remote_write", 3, undefined]]);
    expect(across.modules).toEqual([]);
  });
});
