import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { GraphResult } from "../src/features/graph.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, fixturesRoot, LspClient } from "./support/lsp-client.js";

let client: LspClient;

beforeAll(async () => {
  client = await LspClient.start({ root: fixturesRoot });
});
afterAll(async () => {
  // Undefined when the server failed to start: beforeAll's error is the one to read.
  await client?.stop();
});

describe("alloy/graph", () => {
  it("is advertised with its formats", () => {
    expect(client.capabilities.experimental).toMatchObject({ alloyGraphProvider: { formats: ["svg", "json", "mermaid", "dot"] } });
  });

  it("answers with an SVG by default, and the JSON model with block positions", async () => {
    const { uri } = fixture("pipeline/config.alloy");
    const result = await client.request<GraphResult>("alloy/graph", { uri });
    expect(result.format).toBe("svg");
    expect(result.content).toMatch(/^<svg[\s>]/);
    const ids = result.graph.nodes.map((n) => n.id).sort();
    expect(ids).toEqual(["discovery.kubernetes.pods", "prometheus.remote_write.default", "prometheus.scrape.pods"]);
    const scrape = result.graph.nodes.find((n) => n.id === "prometheus.scrape.pods")!;
    expect(scrape.file).toBe(join(fixturesRoot, "pipeline", "config.alloy"));
    expect(scrape.start).toMatchObject({ line: 6, column: 1 });
    const edges = result.graph.edges.map((e) => `${e.from} -> ${e.to} (${e.attribute})`).sort();
    expect(edges).toEqual([
      "prometheus.scrape.pods -> discovery.kubernetes.pods (targets)",
      "prometheus.scrape.pods -> prometheus.remote_write.default (forward_to)",
    ]);
  });

  it("renders mermaid, dot and json", async () => {
    const { uri } = fixture("pipeline/config.alloy");
    const mermaid = await client.request<GraphResult>("alloy/graph", { uri, format: "mermaid" });
    expect(mermaid.content.startsWith("flowchart LR")).toBe(true);
    const dot = await client.request<GraphResult>("alloy/graph", { uri, format: "dot" });
    expect(dot.content).toContain("rankdir=LR");
    const json = await client.request<GraphResult>("alloy/graph", { uri, format: "json" });
    expect(JSON.parse(json.content)).toEqual(json.graph);
  });

  it("follows the open document's unsaved text", async () => {
    const uri = pathToFileURL(join(fixturesRoot, "scratch", "graph", "config.alloy")).toString();
    client.open(uri, 'prometheus.scrape "a" {\n\ttargets    = []\n\tforward_to = [prometheus.remote_write.x.receiver]\n}\n');
    const before = await client.request<GraphResult>("alloy/graph", { uri, format: "json" });
    expect(before.graph.nodes.find((n) => n.id === "prometheus.remote_write.x")?.kind).toBe("missing");
    client.change(uri, 2, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: 'prometheus.remote_write "x" {\n}\n' }]);
    const after = await client.request<GraphResult>("alloy/graph", { uri, format: "json" });
    expect(after.graph.nodes.find((n) => n.id === "prometheus.remote_write.x")?.kind).not.toBe("missing");
    client.close(uri);
  });

  it("rejects a missing uri and an unknown format", async () => {
    await expect(client.request("alloy/graph", {})).rejects.toMatchObject({ code: -32602 });
    const { uri } = fixture("pipeline/config.alloy");
    await expect(client.request("alloy/graph", { uri, format: "png" })).rejects.toMatchObject({ code: -32602 });
  });
});

describe("alloy/graph of a large config", () => {
  it("draws 10,000 components one node per component name, and answers other requests meanwhile", async () => {
    let text = 'prometheus.remote_write "default" {\n\tendpoint {\n\t\turl = "http://mimir"\n\t}\n}\n';
    for (let i = 0; i < 2_500; i++) {
      text += `discovery.kubernetes "k${i}" {\n\trole = "pod"\n}\n\ndiscovery.relabel "r${i}" {\n\ttargets = discovery.kubernetes.k${i}.targets\n}\n\n`;
      text += `prometheus.scrape "s${i}" {\n\ttargets    = discovery.relabel.r${i}.output\n\tforward_to = [prometheus.remote_write.default.receiver]\n}\n\n`;
      text += `prometheus.relabel "p${i}" {\n\tforward_to = [prometheus.remote_write.default.receiver]\n}\n\n`;
    }
    const uri = pathToFileURL(join(fixturesRoot, "scratch", "graph-large", "config.alloy")).toString();
    client.open(uri, text);
    const graph = client.request<GraphResult>("alloy/graph", { uri });
    const hover = client.request("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 3 } });
    const result = await graph;
    expect(await hover).not.toBeNull();
    expect(result.aggregated).toEqual({ components: 10_001 });
    expect(result.graph.nodes.map((n) => [n.id, n.count])).toEqual([
      ["prometheus.remote_write.default", undefined],
      ["discovery.kubernetes", 2_500],
      ["discovery.relabel", 2_500],
      ["prometheus.scrape", 2_500],
      ["prometheus.relabel", 2_500],
    ]);
    expect(result.content).toContain("prometheus.scrape ×2500");
  });
});
