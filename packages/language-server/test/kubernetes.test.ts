import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, Hover, Location } from "vscode-languageserver-protocol";
import { applyEdits, fixturesRoot, LspClient, withCursor } from "./support/lsp-client.js";

/**
 * Kubernetes YAML holding Alloy, served as `alloylint` checks a folder (`fixtures/kubernetes/`): a StatefulSet
 * in one file running the config of a ConfigMap in another (`split/`), a kustomization generating its
 * ConfigMap from an `.alloy` file (`kustomize/`), a Helm chart's templates (`chart/`) and an nginx Deployment
 * (`nginx/`, invalid YAML even) that get nothing.
 */

const uriOf = (path: string) => pathToFileURL(path).toString();
/** 0-based line and column of `needle` in `text`. */
function at(text: string, needle: string): { line: number; character: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${needle} not in the text`);
  const before = text.slice(0, index).split("\n");
  return { line: before.length - 1, character: before[before.length - 1].length };
}
const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => d.code);

let dir: string;
let client: LspClient;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "alloy-kubernetes-"));
  cpSync(join(fixturesRoot, "kubernetes"), dir, { recursive: true });
  client = await LspClient.start({ root: dir, profile: "vscode" });
});
afterAll(async () => {
  await client?.stop();
});

describe("manifests", () => {
  const configMap = () => join(dir, "split", "configmap.yaml");
  const workload = () => join(dir, "split", "alloy-workload.yaml");

  it("are checked with no file open: the deployment rules, at the line of the config inside the ConfigMap", async () => {
    const text = readFileSync(configMap(), "utf8");
    const diagnostics = await client.waitForDiagnostics(uriOf(configMap()), (p) => p.diagnostics.length > 0);
    const storage = diagnostics.find((d) => d.code === "deploy/storage-not-persistent")!;
    expect(storage.range.start).toEqual(at(text, 'prometheus.remote_write "default"'));
    expect(codes(diagnostics)).toContain("deploy/node-local-source-on-replicas");
  });

  it("report a misspelled component at its YAML line, with the checker's quick fix as an edit of the YAML", async () => {
    const uri = uriOf(configMap());
    const text = readFileSync(configMap(), "utf8").replace('prometheus.scrape "node"', 'prometheus.scrap "node"');
    client.open(uri, text, 1, "yaml");
    const diagnostics = await client.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.some((d) => d.message.includes("prometheus.scrap")));
    const typo = diagnostics.find((d) => d.message.includes('did you mean "prometheus.scrape"'))!;
    expect(typo.range.start).toEqual(at(text, "prometheus.scrap "));
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: typo.range, context: { diagnostics: [typo] } });
    const rename = actions.find((a) => a.title.includes("prometheus.scrape"))!;
    expect(applyEdits(text, rename.edit!.changes![uri])).toBe(readFileSync(configMap(), "utf8"));
    client.change(uri, 2, [{ text: readFileSync(configMap(), "utf8") }]);
    await client.waitForDiagnostics(uri, (p) => p.version === 2 && !p.diagnostics.some((d) => d.message.includes("prometheus.scrap")));
  });

  it("form one input per folder: editing the workload's file checks the ConfigMap's file again", async () => {
    const uri = uriOf(workload());
    const text = readFileSync(workload(), "utf8");
    client.open(uri, text, 1, "yaml");
    // The container now runs a file the ConfigMap does not hold.
    client.change(uri, 2, [{ text: text.replace("/etc/alloy/config.alloy", "/etc/alloy/config.river") }]);
    const found = await client.waitForDiagnostics(uri, (p) => p.version === 2 && codes(p.diagnostics).includes("deploy/run-file-missing"));
    expect(found.find((d) => d.code === "deploy/run-file-missing")!.range.start.line).toBe(at(text, "/etc/alloy/config.alloy").line);
    // No deployment runs the ConfigMap's config any more: no deployment rule about it.
    await client.waitForDiagnostics(uriOf(configMap()), (p) => !codes(p.diagnostics).includes("deploy/storage-not-persistent"));
    client.change(uri, 3, [{ text }]);
    await client.waitForDiagnostics(uriOf(configMap()), (p) => codes(p.diagnostics).includes("deploy/storage-not-persistent"));
    client.close(uri);
  });

  describe("Alloy features inside the ConfigMap's config", () => {
    const open = (marked: string) => {
      const { text, position } = withCursor(marked);
      const uri = uriOf(configMap());
      client.change(uri, Date.now() % 1_000_000, [{ text }]);
      return { uri, text, position };
    };
    const original = () => readFileSync(configMap(), "utf8");

    it("hovers a component, with its range in the YAML file", async () => {
      const { uri, text, position } = open(original().replace('prometheus.scrape "node"', 'prometheus.scr<|>ape "node"'));
      const hover = await client.request<Hover>("textDocument/hover", { textDocument: { uri }, position });
      expect((hover.contents as { value: string }).value).toContain("**prometheus.scrape**");
      const start = at(text, 'scrape "node"');
      expect(hover.range).toEqual({ start, end: { line: start.line, character: start.character + "scrape".length } });
    });

    it("completes the arguments of the block at the cursor", async () => {
      const { uri, position } = open(original().replace("      forward_to = [", "      <|>\n      forward_to = ["));
      const list = await client.request<CompletionList>("textDocument/completion", { textDocument: { uri }, position });
      const labels = list.items.map((i) => i.label);
      expect(labels).toContain("scrape_interval");
      expect(labels).not.toContain("targets");
    });

    it("goes to the definition of a reference, in the YAML file", async () => {
      const { uri, text, position } = open(original().replace("[prometheus.remote_write.default.receiver]", "[prometheus.remote_write.def<|>ault.receiver]"));
      const locations = await client.request<Location[]>("textDocument/definition", { textDocument: { uri }, position });
      expect(locations).toHaveLength(1);
      expect(locations[0].uri).toBe(uri);
      expect(locations[0].range.start.line).toBe(at(text, 'prometheus.remote_write "default"').line);
    });

    it("lists the config's components as the document's symbols, at their YAML lines", async () => {
      const { uri, text } = open(original() + "<|>");
      const symbols = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri } });
      expect(symbols.map((s) => [s.name, s.range.start.line])).toEqual([
        ['prometheus.exporter.unix "node"', at(text, "prometheus.exporter.unix").line],
        ['prometheus.scrape "node"', at(text, "prometheus.scrape").line],
        ['prometheus.remote_write "default"', at(text, "prometheus.remote_write \"default\" {").line],
      ]);
    });

    it("answers nothing outside the config (the YAML around it)", async () => {
      const { uri, position } = open(original().replace("kind: Con", "kind: Con<|>"));
      expect(await client.request("textDocument/hover", { textDocument: { uri }, position })).toBeNull();
    });
  });
});

describe("kustomize", () => {
  it("re-checks the .alloy file a configMapGenerator names with its kustomization: the deployment rules land in it, its own check once", async () => {
    const file = join(dir, "kustomize", "config.alloy");
    const uri = uriOf(file);
    client.open(uri, readFileSync(file, "utf8"));
    const text = 'prometheus.remote_write "default" {\n  endpoint {\n    url = "https://prometheus.example.com/api/v1/write"\n  }\n}\n\nlogging {\n  levl = "info"\n}\n';
    client.change(uri, 2, [{ text }]);
    const diagnostics = await client.waitForDiagnostics(uri, (p) => codes(p.diagnostics).includes("deploy/storage-not-persistent") && codes(p.diagnostics).includes("check/unknown-attribute"));
    expect(diagnostics.find((d) => d.code === "deploy/storage-not-persistent")!.range.start).toEqual({ line: 0, character: 0 });
    expect(codes(diagnostics).filter((c) => c === "check/unknown-attribute")).toHaveLength(1);
    client.change(uri, 3, [{ text: 'logging {\n  level = "info"\n}\n' }]);
    await client.waitForDiagnostics(uri, (p) => p.version === 3 && p.diagnostics.length === 0);
  });
});

describe("a Helm chart's templates", () => {
  it("are Go templates, not YAML until rendered: no diagnostics (as alloylint skips them)", async () => {
    const file = join(dir, "chart", "templates", "configmap.yaml");
    const uri = uriOf(file);
    client.open(uri, readFileSync(file, "utf8"), 1, "yaml");
    await client.waitForDiagnostics(uriOf(join(dir, "split", "configmap.yaml")));
    await client.request("workspace/symbol", { query: "" });
    expect(client.lastDiagnostics(uri)?.diagnostics ?? []).toEqual([]);
    expect(await client.request("textDocument/documentSymbol", { textDocument: { uri } })).toEqual([]);
  });
});

describe("YAML holding no Alloy", () => {
  it("gets no diagnostics (not even its YAML errors) and no answers", async () => {
    const file = join(dir, "nginx", "deployment.yaml");
    const uri = uriOf(file);
    client.open(uri, readFileSync(file, "utf8"), 1, "yaml");
    await client.waitForDiagnostics(uriOf(join(dir, "split", "configmap.yaml")));
    await client.request("workspace/symbol", { query: "" });
    expect(client.lastDiagnostics(uri)?.diagnostics ?? []).toEqual([]);
    expect(await client.request("textDocument/hover", { textDocument: { uri }, position: { line: 13, character: 12 } })).toBeNull();
    expect(await client.request("textDocument/documentSymbol", { textDocument: { uri } })).toEqual([]);
  });
});
