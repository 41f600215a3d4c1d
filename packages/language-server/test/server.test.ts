import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, fixturesRoot, LspClient } from "./support/lsp-client.js";

const scratch = (name: string) => pathToFileURL(join(fixturesRoot, "scratch", name, "config.alloy")).toString();

describe("server lifecycle over stdio", () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start({ root: join(fixturesRoot, "pipeline") });
  });
  afterAll(async () => {
    // Undefined when the server failed to start: beforeAll's error is the one to read.
    await client?.stop();
  });

  it("advertises every registered feature", () => {
    const providers = Object.keys(client.capabilities).sort();
    expect(providers).toEqual(
      [
        "codeActionProvider",
        "completionProvider",
        "definitionProvider",
        "documentFormattingProvider",
        "documentHighlightProvider",
        "documentLinkProvider",
        "documentRangeFormattingProvider",
        "documentSymbolProvider",
        "experimental",
        "foldingRangeProvider",
        "hoverProvider",
        "inlayHintProvider",
        "positionEncoding",
        "referencesProvider",
        "renameProvider",
        "selectionRangeProvider",
        "semanticTokensProvider",
        "signatureHelpProvider",
        "textDocumentSync",
        "workspace",
        "workspaceSymbolProvider",
      ].sort(),
    );
  });

  it("publishes parse and checker diagnostics on open, and updates them on change", async () => {
    const uri = scratch("diagnostics");
    client.open(uri, 'prometheus.scrap "x" {\n}\n');
    const first = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    expect(first[0].message).toContain('did you mean "prometheus.scrape"');
    expect(first[0].code).toMatch(/^check\//);
    client.change(uri, 2, [{ range: { start: { line: 0, character: 16 }, end: { line: 0, character: 16 } }, text: "e" }]);
    const second = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    expect(second.some((d) => d.message.includes("did you mean"))).toBe(false);
    client.change(uri, 3, [{ text: 'prometheus.scrape "x" {\n' }]);
    const third = await client.waitForDiagnostics(uri, (p) => p.version === 3);
    expect(third.some((d) => String(d.code).startsWith("parse/"))).toBe(true);
    client.close(uri);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
  });

  it("publishes diagnostics for workspace files that are not open", async () => {
    const workspace = await LspClient.start({ root: join(fixturesRoot, "workspace") });
    const { uri } = fixture("workspace/broken.alloy");
    const diagnostics = await workspace.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    expect(diagnostics[0].message).toContain('did you mean "prometheus.scrape"');
    await workspace.stop();
  });

  it("answers $/cancelRequest with RequestCancelled", async () => {
    const uri = scratch("cancel");
    client.open(uri, 'prometheus.scrape "x" {\n}\n');
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const source = new (await import("vscode-jsonrpc")).CancellationTokenSource();
        const pending = client.connection.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 3 } }, source.token);
        source.cancel();
        return pending.then(
          () => "answered",
          (error: { code?: number }) => error.code,
        );
      }),
    );
    expect(outcomes.every((o) => o === "answered" || o === -32800)).toBe(true);
    expect(outcomes).toContain(-32800);
  });

  it("answers malformed requests with errors and keeps running", async () => {
    await expect(client.request("textDocument/hover", {})).rejects.toMatchObject({ code: -32602 });
    await expect(client.request("textDocument/completion", null)).rejects.toBeDefined();
    await expect(client.request("alloy/unknownMethod", {})).rejects.toMatchObject({ code: -32601 });
    const hover = await client.request("textDocument/hover", { textDocument: { uri: "file:///nowhere.alloy" }, position: { line: 0, character: 0 } });
    expect(hover).toBeNull();
    const symbols = await client.request<unknown[]>("workspace/symbol", { query: "pods" });
    expect(symbols.length).toBeGreaterThan(0);
  });

  it("honours the diagnosticsDelay setting (debounce) and coalesces quick edits", async () => {
    const slow = await LspClient.start({ settings: { diagnosticsDelay: 200 } });
    const uri = scratch("debounce");
    slow.open(uri, "");
    for (let v = 2; v <= 6; v++) slow.change(uri, v, [{ text: `prometheus.scrap "x${v}" {\n}\n` }]);
    const published = await slow.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    expect(published[0].message).toContain("did you mean");
    expect(slow.lastDiagnostics(uri)?.version).toBe(6);
    await slow.stop();
  });

  it("reads rule toggles from settings", async () => {
    const quiet = await LspClient.start({ settings: { rules: { "check/unknown-component": "off" } } });
    const uri = scratch("rules");
    quiet.open(uri, 'prometheus.scrap "x" {\n}\nlogging {\n\tlevel = "verbose"\n}\n');
    const diagnostics = await quiet.waitForDiagnostics(uri);
    expect(diagnostics.some((d) => d.code === "check/unknown-component")).toBe(false);
    await quiet.stop();
  });

  it("checks Helm values files (alloy.configMap.content)", async () => {
    const values = await LspClient.start({ root: join(fixturesRoot, "values") });
    const { uri, text } = fixture("values/values.yaml");
    values.open(uri, text, 1, "yaml");
    const diagnostics = await values.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const typo = diagnostics.find((d) => d.message.includes("prometheus.scrap"));
    expect(typo?.range.start.line).toBe(9);
    await values.stop();
  });

  it("exits with 0 after shutdown and 1 without", async () => {
    const a = await LspClient.start();
    expect(await a.stop()).toBe(0);
    const b = await LspClient.start();
    const exited = new Promise<number | null>((r) => b.process.once("exit", (code) => r(code)));
    b.notify("exit", null);
    expect(await exited).toBe(1);
  });
});
