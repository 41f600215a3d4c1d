import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { componentHistory, componentNames, getComponent } from "@alloy-toolkit/catalog";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CompletionItem, CompletionList, Hover, Position } from "vscode-languageserver-protocol";
import { fixturesRoot, LspClient, withCursor } from "./support/lsp-client.js";

// The release before discovery.aws came, as the server's alloy.alloyVersion setting.
const release = "v1.17.1";
let client: LspClient;
let counter = 0;

beforeAll(async () => {
  client = await LspClient.start({ root: fixturesRoot, profile: "vscode", settings: { alloyVersion: release } });
});
afterAll(async () => {
  await client?.stop();
});

function openMarked(marked: string): { uri: string; position: Position } {
  const { text, position } = withCursor(marked);
  const uri = pathToFileURL(join(fixturesRoot, "scratch", `release${++counter}`, "config.alloy")).toString();
  client.open(uri, text);
  return { uri, position };
}

async function completeAt(marked: string): Promise<CompletionItem[]> {
  const { uri, position } = openMarked(marked);
  const list = await client.request<CompletionList>("textDocument/completion", { textDocument: { uri }, position });
  return list.items;
}

async function hoverAt(marked: string): Promise<string> {
  const { uri, position } = openMarked(marked);
  const hover = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position });
  return hover ? (hover.contents as { value: string }).value : "";
}

describe("alloy.alloyVersion in the server", () => {
  it("completion offers only the components the release has", async () => {
    const labels = (await completeAt("discovery.<|>")).map((i) => i.label);
    expect(labels).toContain("discovery.kubernetes");
    expect(labels).not.toContain("discovery.aws");
    const namespaces = new Set(componentNames({ version: release }).map((n) => n.split(".")[0]));
    const newer = componentNames().filter((n) => !componentNames({ version: release }).includes(n) && namespaces.has(n.split(".")[0]));
    expect(newer.length).toBeGreaterThan(0);
    for (const name of newer) {
      const offered = (await completeAt(`${name.split(".")[0]}.<|>`)).map((i) => i.label);
      expect(offered, name).not.toContain(name);
    }
  });

  it("completion offers only the arguments the release has", async () => {
    const at = "v1.1.1";
    const old = await LspClient.start({ root: fixturesRoot, profile: "vscode", settings: { alloyVersion: at } });
    try {
      const { text, position } = withCursor('prometheus.scrape "x" {\n\t<|>\n}\n');
      const uri = pathToFileURL(join(fixturesRoot, "scratch", "release-old", "config.alloy")).toString();
      old.open(uri, text);
      const labels = (await old.request<CompletionList>("textDocument/completion", { textDocument: { uri }, position })).items.map((i) => i.label);
      expect(labels).toContain("targets");
      expect(getComponent("prometheus.scrape")!.attributes.find((a) => a.name === "scrape_protocols")?.since).toBe("v1.2.0");
      expect(labels).not.toContain("scrape_protocols");
    } finally {
      await old.stop();
    }
    const labels = (await completeAt('prometheus.scrape "x" {\n\t<|>\n}\n')).map((i) => i.label);
    expect(labels).toContain("scrape_protocols");
  });

  it("hover shows since, the stability at the release and a later promotion", async () => {
    const scrape = await hoverAt('prometheus.scr<|>ape "x" {\n}\n');
    expect(scrape).toContain(`in ${release} · since ${componentHistory("prometheus.scrape")!.addedIn}`);
    const protocols = await hoverAt('prometheus.scrape "x" {\n\tscrape_proto<|>cols = []\n}\n');
    expect(protocols).toContain("since v1.2.0");
    const promoted = componentNames({ version: release }).find((name) => {
      const stability = componentHistory(name)!.stability;
      const now = stability.find((s) => s.releases.includes(release));
      return now && stability.indexOf(now) < stability.length - 1;
    });
    expect(promoted, "a component the release has that a later release promotes").toBeDefined();
    const value = await hoverAt(`${promoted!.slice(0, 3)}<|>${promoted!.slice(3)} "x" {\n}\n`);
    expect(value).toMatch(new RegExp(`${promoted!.replace(/\./g, "\\.")} is [a-z-]+ in ${release} \\([a-z-]+ from v1\\.\\d+\\.\\d+(-rc\\.\\d+)?\\)`));
  });

  it("diagnostics say what the release lacks", async () => {
    const uri = pathToFileURL(join(fixturesRoot, "scratch", "release-diagnostics", "config.alloy")).toString();
    client.open(uri, 'discovery.aws "x" {\n}\n');
    const diagnostics = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    expect(diagnostics.map((d) => d.message)).toContain("discovery.aws is not in Alloy v1.17.1 (added in v1.18.0)");
  });
});
