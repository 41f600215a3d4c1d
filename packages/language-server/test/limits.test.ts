import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic, DocumentSymbol, SemanticTokens } from "vscode-languageserver-protocol";
import { LspClient } from "./support/lsp-client.js";

/**
 * What the server does past its limits (the README's "Reliability" section): it says so and stays
 * responsive, instead of reading, checking or sending without bound.
 */

const uriOf = (path: string) => pathToFileURL(path).toString();

describe("large documents", () => {
  let client: LspClient;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "alloy-limits-"));
    client = await LspClient.start({ profile: "vscode" });
  });
  afterAll(async () => {
    await client?.stop();
  });

  it("a file over the size limit is neither parsed nor checked: one diagnostic says so", async () => {
    const uri = uriOf(join(dir, "huge.alloy"));
    client.open(uri, `// ${"x".repeat(80)}\n`.repeat(110_000));
    const [only] = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    expect(only.code).toBe("server/file-too-large");
    expect(only.message).toMatch(/^This file is 8\.8 MiB, over the 8\.0 MiB the language server reads/);
    expect(await client.request("textDocument/hover", { textDocument: { uri }, position: { line: 3, character: 4 } })).toBeNull();
    expect(await client.request("textDocument/documentSymbol", { textDocument: { uri } })).toEqual([]);
  });

  it("a file of a million lines gets at most 1,000 diagnostics (one more says how many are left out), a capped outline and capped tokens", async () => {
    const uri = uriOf(join(dir, "million.alloy"));
    client.open(uri, "x = 1\n".repeat(1_000_000));
    const diagnostics: Diagnostic[] = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 60_000);
    expect(diagnostics).toHaveLength(1_001);
    expect(diagnostics[1_000]).toMatchObject({ code: "server/too-many-diagnostics", message: expect.stringMatching(/^999000 more problems in this file are not shown/) });
    const symbols = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri } });
    expect(symbols.length).toBeLessThanOrEqual(5_000);
    const tokens = await client.request<SemanticTokens>("textDocument/semanticTokens/full", { textDocument: { uri } });
    expect(tokens.data.length).toBe(200_000 * 5);
    const range = await client.request<SemanticTokens>("textDocument/semanticTokens/range", {
      textDocument: { uri },
      range: { start: { line: 999_990, character: 0 }, end: { line: 1_000_000, character: 0 } },
    });
    expect(range.data.length).toBe(10 * 3 * 5);
  });
});

describe("import.file in the language server", () => {
  let dir: string;
  let workspace: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "alloy-imports-"));
    workspace = join(dir, "workspace");
    mkdirSync(workspace);
    writeFileSync(join(dir, "outside.alloy"), 'declare "thing" {\n\targument "a" { }\n}\n');
    writeFileSync(join(workspace, "inside.alloy.module"), 'declare "thing" {\n\targument "a" { }\n}\n');
    // Sparse: 600 MiB that take no disk, more characters than a JavaScript string may hold.
    writeFileSync(join(workspace, "huge.alloy.module"), "");
    truncateSync(join(workspace, "huge.alloy.module"), 600 * 1024 * 1024);
    // Latin-1 (é as one byte 0xE9), which Alloy rejects: line 2, byte column 25.
    writeFileSync(join(workspace, "latin1.alloy.module"), Buffer.concat([Buffer.from('declare "thing" {\n\targument "a" { } // caf'), Buffer.from([0xe9]), Buffer.from("\n}\n")]));
  });

  const config = (filename: string) => `import.file "mod" {\n\tfilename = ${JSON.stringify(filename)}\n}\n\nmod.thing "x" {\n\ta = 1\n}\n`;

  async function importDiagnostics(client: LspClient, filename: string): Promise<Diagnostic[]> {
    const uri = uriOf(join(workspace, `config-${filename.replace(/\W/g, "_")}.alloy`));
    client.open(uri, config(filename));
    return client.waitForDiagnostics(uri, (p) => p.version === 1);
  }

  it("reads modules inside the workspace folders, not past the size limit, never a FIFO; the server stays responsive", async () => {
    const client = await LspClient.start({ root: workspace, profile: "vscode" });
    expect(await importDiagnostics(client, "inside.alloy.module")).toEqual([]);
    const huge = await importDiagnostics(client, "huge.alloy.module");
    expect(huge.map((d) => [d.code, d.message])).toEqual([
      ["check/import-not-read", expect.stringMatching(/^import\.file\.mod is not read: .*huge\.alloy\.module is 600 MiB, over the 8 MiB limit for imported modules$/)],
      ["check/unchecked-import", expect.stringContaining("mod.thing comes from import.file.mod")],
    ]);
    if (spawnSync("mkfifo", [join(workspace, "fifo")]).status === 0) {
      const fifo = await importDiagnostics(client, "fifo");
      expect(fifo[0].message).toMatch(/fifo is not a regular file$/);
    }
    expect(await client.request("workspace/symbol", { query: "x" })).toBeDefined();
    await client.stop();
  });

  it("does not read a module whose bytes are not UTF-8, and says where the first bad byte is, as Alloy counts it", async () => {
    const client = await LspClient.start({ root: workspace, profile: "vscode" });
    const diagnostics = await importDiagnostics(client, "latin1.alloy.module");
    expect(diagnostics[0]).toMatchObject({ code: "check/import-not-read" });
    expect(diagnostics[0].message).toMatch(/^import\.file\.mod is not read: .*latin1\.alloy\.module is not UTF-8 \(.*latin1\.alloy\.module:2:25: illegal UTF-8 encoding\)$/);
    await client.stop();
  });

  it("reads a module outside the workspace folders only when importsOutsideWorkspace allows it", async () => {
    const refused = await LspClient.start({ root: workspace, profile: "vscode" });
    const [diagnostic] = await importDiagnostics(refused, "../outside.alloy");
    expect(diagnostic.code).toBe("check/import-not-read");
    expect(diagnostic.message).toContain("is outside the workspace folders (the alloy.importsOutsideWorkspace setting allows reading it)");
    await refused.stop();
    const allowed = await LspClient.start({ root: workspace, profile: "vscode", settings: { importsOutsideWorkspace: true } });
    expect(await importDiagnostics(allowed, "../outside.alloy")).toEqual([]);
    await allowed.stop();
  });
});
