import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CodeAction, CompletionList, Diagnostic, Hover, TextEdit } from "vscode-languageserver-protocol";
import { applyEdits, fixturesRoot, LspClient, withCursor } from "./support/lsp-client.js";

/**
 * Helm values files of the grafana/alloy chart: checked without any `.alloy` file open, read again when they
 * change on disk, and edited like Alloy inside `alloy.configMap.content` (did-you-mean, quick fixes, hover,
 * completion); YAML that is not such values is never read as Alloy.
 */

const values = (content: string) =>
  `controller:\n  type: statefulset\n  replicas: 2\nalloy:\n  clustering:\n    enabled: true\n  configMap:\n    content: |\n${content
    .split("\n")
    .map((l) => (l ? `      ${l}` : l))
    .join("\n")}`;
const broken = values('prometheus.scrap "pods" {\n  targets = []\n}\n');
const fixed = values('prometheus.scrape "pods" {\n  targets    = []\n  forward_to = []\n  clustering {\n    enabled = true\n  }\n}\n');

/** A workspace folder holding a copy of `values-workspace/` and a values file named like examples/mistakes/*.yaml. */
function workspaceWithMistake(): { dir: string; mistake: string } {
  const dir = mkdtempSync(join(tmpdir(), "alloy-values-"));
  cpSync(join(fixturesRoot, "values-workspace"), dir, { recursive: true });
  const mistake = join(dir, "deploy", "clustering-block-missing.yaml");
  writeFileSync(mistake, broken);
  return { dir, mistake };
}

const uriOf = (path: string) => pathToFileURL(path).toString();
const hasTypo = (p: { diagnostics: Diagnostic[] }) => p.diagnostics.some((d) => d.message.includes("prometheus.scrap"));

describe("values files on disk", () => {
  it("are checked with no .alloy file open, under the default globs (any YAML name)", async () => {
    const { dir, mistake } = workspaceWithMistake();
    const client = await LspClient.start({ root: dir, profile: "vscode" });
    const diagnostics = await client.waitForDiagnostics(uriOf(mistake), hasTypo);
    const typo = diagnostics.find((d) => d.message.includes("prometheus.scrap"))!;
    expect(typo.message).toContain('did you mean "prometheus.scrape"');
    expect(typo.range.start).toEqual({ line: 8, character: 6 });
    await client.stop();
  });

  it("are read again when they change on disk: the client's file events, or the server's own watcher", async () => {
    for (const profile of ["vscode", "neovim-0.10"] as const) {
      const { dir, mistake } = workspaceWithMistake();
      const client = await LspClient.start({ root: dir, profile });
      await client.waitForDiagnostics(uriOf(mistake), hasTypo);
      writeFileSync(mistake, fixed);
      // VS Code watches files for the server (it registered for it); Neovim on Linux does not: the server watches.
      if (profile === "vscode") client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(mistake), type: 2 }] });
      await client.waitForDiagnostics(uriOf(mistake), (p) => !hasTypo(p));
      await client.stop();
    }
  });

  it("clear when a fixed values file is saved", async () => {
    const { dir, mistake } = workspaceWithMistake();
    const client = await LspClient.start({ root: dir, profile: "vscode" });
    const uri = uriOf(mistake);
    client.open(uri, broken, 1, "yaml");
    await client.waitForDiagnostics(uri, hasTypo);
    client.change(uri, 2, [{ text: fixed }]);
    writeFileSync(mistake, fixed);
    client.notify("textDocument/didSave", { textDocument: { uri } });
    await client.waitForDiagnostics(uri, (p) => !hasTypo(p));
    await client.stop();
  });

  it("other YAML is never read as Alloy: a Kubernetes manifest gets no diagnostics, open or not", async () => {
    const { dir } = workspaceWithMistake();
    const client = await LspClient.start({ root: dir, profile: "vscode" });
    const manifest = join(dir, "k8s", "deployment.yaml");
    const uri = uriOf(manifest);
    client.open(uri, readFileSync(manifest, "utf8"), 1, "yaml");
    const gateway = uriOf(join(dir, "deploy", "gateway.yaml"));
    await client.waitForDiagnostics(uriOf(join(dir, "deploy", "clustering-block-missing.yaml")), hasTypo);
    await client.request("workspace/symbol", { query: "" });
    expect(client.lastDiagnostics(uri)?.diagnostics ?? []).toEqual([]);
    expect((client.lastDiagnostics(gateway)?.diagnostics ?? []).filter((d) => d.severity === 1)).toEqual([]);
    const hover = await client.request("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 2 } });
    expect(hover).toBeNull();
    const formatting = await client.request("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(formatting).toEqual([]);
    await client.stop();
  });
});

describe("inside alloy.configMap.content", () => {
  let client: LspClient;
  let counter = 0;
  beforeAll(async () => {
    client = await LspClient.start({ root: fixturesRoot, profile: "vscode" });
  });
  afterAll(async () => {
    await client?.stop();
  });

  /** Opens `marked` as a values file (a `<|>` cursor in its content). */
  function openValues(marked: string): { uri: string; text: string; position: { line: number; character: number } } {
    const { text, position } = withCursor(marked);
    const uri = pathToFileURL(join(fixturesRoot, "scratch", `values${++counter}`, "values.yaml")).toString();
    client.open(uri, text, 1, "yaml");
    return { uri, text, position };
  }

  it("offers did-you-mean quick fixes, applied to the values file", async () => {
    const { uri, text } = openValues(values('prometheus.scrape "pods" {\n  targets    = []\n  forward_to = []\n  scrape_intervl = "30s"\n  clustering {\n    enabled = true\n  }\n}\n<|>'));
    const diagnostics = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === "check/unknown-attribute"));
    const unknown = diagnostics.find((d) => d.code === "check/unknown-attribute")!;
    expect(unknown.message).toContain('did you mean "scrape_interval"');
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: unknown.range, context: { diagnostics: [unknown] } });
    expect(actions.map((a) => a.title)).toEqual(['Rename to "scrape_interval"']);
    const fixedText = applyEdits(text, actions[0].edit!.changes![uri]);
    expect(fixedText).toContain('        scrape_interval = "30s"\n');
    expect(actions.some((a) => a.kind?.startsWith("source"))).toBe(false);
  });

  it("hovers components and arguments, with ranges in the values file", async () => {
    const { uri, position } = openValues(values('prometheus.scr<|>ape "pods" {\n  targets    = []\n  forward_to = []\n}\n'));
    const hover = await client.request<Hover>("textDocument/hover", { textDocument: { uri }, position });
    expect((hover.contents as { value: string }).value).toContain("**prometheus.scrape**");
    // The name part under the cursor, `scrape`, in the values file's lines and columns.
    expect(hover.range).toEqual({ start: { line: 8, character: 17 }, end: { line: 8, character: 23 } });
    const outside = await client.request("textDocument/hover", { textDocument: { uri }, position: { line: 1, character: 3 } });
    expect(outside).toBeNull();
  });

  it("completes arguments, and indents a multi-line snippet for the block scalar", async () => {
    const { uri, position, text } = openValues(values('prometheus.scrape "pods" {\n  targets    = []\n  forward_to = []\n  <|>\n}\n'));
    const list = await client.request<CompletionList>("textDocument/completion", { textDocument: { uri }, position });
    const labels = list.items.map((i) => i.label);
    expect(labels).toContain("scrape_interval");
    expect(labels).not.toContain("targets");
    const clustering = list.items.find((i) => i.label === "clustering")!;
    const edit = clustering.textEdit as TextEdit;
    expect(edit.range.start.line).toBe(position.line);
    const lines = edit.newText.split("\n");
    expect(lines.slice(1).every((l) => l.startsWith("      "))).toBe(true);
    expect(applyEdits(text, [edit]).split("\n")[position.line]).toMatch(/^ {8}clustering \{$/);
  });
});
