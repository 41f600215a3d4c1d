// The language server as the extension ships it: bundled by extension/esbuild.mjs into one CommonJS file
// (the catalog data included), spoken to over stdio.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { format } from "../../packages/formatter/dist/index.js";
import { getComponent } from "../../packages/catalog/dist/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../extension/esbuild.mjs";
import { extensionDir, repoDir } from "./manifest";
import { StdioLspClient } from "./lsp-client";

const example = join(extensionDir, "test/e2e/workspace/mistake.alloy");
const text = readFileSync(example, "utf8");
const uri = pathToFileURL(example).href;
const scrape = getComponent("prometheus.scrape")!;

let outDir: string;
let client: StdioLspClient;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), "alloy-vscode-bundle-"));
  await build({ production: true, sourcemap: false, outDir });
  // Run from a folder with no node_modules above it: the bundle must not need any.
  client = new StdioLspClient(join(outDir, "server.js"));
  await client.request("initialize", { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: {} });
  client.notify("initialized", {});
  client.notify("textDocument/didOpen", { textDocument: { uri, languageId: "alloy", version: 1, text } });
});

afterAll(async () => {
  await client?.stop();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

function positionOf(needle: string, offset = 0) {
  const lines = text.slice(0, text.indexOf(needle) + offset).split("\n");
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

describe("bundled language server (extension/dist/server.js)", () => {
  it("answers a hover with the catalog's documentation of the component", async () => {
    const hover = await client.request("textDocument/hover", {
      textDocument: { uri },
      position: positionOf("prometheus.scrape", "prometheus.".length + 1),
    });
    const markdown: string = hover?.contents?.value ?? "";
    expect(markdown).toContain(scrape.description.split(/\s+/).slice(1, 6).join(" "));
    expect(markdown).toContain(scrape.docUrl);
  });

  it("reports the misspelt attribute", async () => {
    const published = await client.waitForNotification<{ uri: string; diagnostics: { message: string }[] }>(
      "textDocument/publishDiagnostics",
      (p) => p.uri === uri && p.diagnostics.length > 0,
    );
    expect(published.diagnostics.map((d) => d.message).join("\n")).toContain("scrape_intervall");
  });

  it("formats the document as the formatter does", async () => {
    type Edit = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
    const edits: Edit[] = await client.request("textDocument/formatting", {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: false },
    });
    // The server sends the changed lines; applied as an editor applies them, they give the formatter's text.
    const lines = text.split("\n");
    const offset = (p: Edit["range"]["start"]) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    let formatted = text;
    for (const edit of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
      formatted = formatted.slice(0, offset(edit.range.start)) + edit.newText + formatted.slice(offset(edit.range.end));
    }
    expect(formatted).toBe(format(text));
  });

  it("answers alloy/graph with the example's components as SVG nodes that name the file by its path", async () => {
    const result = await client.request("alloy/graph", { uri, format: "svg" });
    expect(result.format).toBe("svg");
    const ids = result.graph.nodes.map((n: { id: string }) => n.id).sort();
    expect(ids).toEqual(["prometheus.remote_write.default", "prometheus.scrape.node"]);
    const start = positionOf('prometheus.remote_write "default"');
    expect(result.content).toContain(
      `data-id="prometheus.remote_write.default" data-file="${example}" data-line="${start.line + 1}" data-column="1"`,
    );
  });

  it("loads the checker that is bundled with it", () => {
    expect(client.stderr).not.toMatch(/unavailable/);
  });
});

describe("the bundled server's code cache (ALLOY_LANGUAGE_SERVER_CODE_CACHE_DIR, set by the client)", () => {
  const runBundle = join(repoDir, "packages/language-server/bin/run-bundle.js");
  let cacheDir: string;
  afterAll(() => cacheDir && rmSync(cacheDir, { recursive: true, force: true }));

  it("is written when the server exits, then compiles the bundle on the next start", async () => {
    cacheDir = mkdtempSync(join(tmpdir(), "alloy-vscode-code-cache-"));
    const env = { ...process.env, ALLOY_LANGUAGE_SERVER_CODE_CACHE_DIR: join(cacheDir, "code-cache") };
    const first = new StdioLspClient(join(outDir, "server.js"), env);
    await first.request("initialize", { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: {} });
    expect(await first.stop()).toBe(0);
    expect(first.stderr).toBe("");
    const files = readdirSync(join(cacheDir, "code-cache"));
    expect(files).toEqual([expect.stringMatching(/^server-bundle-\w+-v8-[\w.-]+\.v8-cache$/)]);

    // A fresh Node process (V8 checks its flags) compiles the bundle from the cache.
    const cacheFile = join(cacheDir, "code-cache", files[0]);
    const probe = `process.stdout.write(require(${JSON.stringify(runBundle)}).compileBundle(${JSON.stringify(join(outDir, "server-bundle.js"))}, ${JSON.stringify(cacheFile)}).cache)`;
    expect(spawnSync(process.execPath, ["-e", probe], { encoding: "utf8" }).stdout).toBe("used");

    const second = new StdioLspClient(join(outDir, "server.js"), env);
    const result = await second.request("initialize", { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: {} });
    expect(result.capabilities.hoverProvider).toBeTruthy();
    expect(await second.stop()).toBe(0);
    expect(second.stderr).toBe("");
  });
});
