import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CompletionList, Diagnostic, Hover, Location, TextEdit } from "vscode-languageserver-protocol";
import { applyEdits, clientProfile, clientProfiles, fixturesRoot, LspClient, withCursor, type ClientProfileName } from "./support/lsp-client.js";

/**
 * The server as each editor sees it: started with the `initialize` capabilities that editor really sends
 * (`test/fixtures/client-profiles/`, each naming the client source it was read from), it sends only what
 * that client takes. The README's editor recipes are backed by these profiles.
 */

/** The capability that allows a dynamic registration of `method`, as `dynamicRegistration` flags name it. */
const REGISTRATION_CAPABILITY: Record<string, string[]> = {
  "workspace/didChangeConfiguration": ["workspace", "didChangeConfiguration"],
  "workspace/didChangeWatchedFiles": ["workspace", "didChangeWatchedFiles"],
  "textDocument/formatting": ["textDocument", "formatting"],
  "textDocument/rangeFormatting": ["textDocument", "rangeFormatting"],
};

function capability(capabilities: Record<string, unknown>, path: string[]): Record<string, unknown> | undefined {
  let at: unknown = capabilities;
  for (const key of path) at = (at as Record<string, unknown> | undefined)?.[key];
  return at as Record<string, unknown> | undefined;
}

let counter = 0;
const scratchUri = (name = "config.alloy") => pathToFileURL(join(fixturesRoot, "scratch", `editors${++counter}`, name)).toString();

describe.each(clientProfiles)("as %s", (name: ClientProfileName) => {
  const profile = clientProfile(name);
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start({ root: join(fixturesRoot, "pipeline"), profile: name });
  });
  afterAll(async () => {
    await client?.stop();
  });

  it("registers dynamically only what the client said it takes dynamically", async () => {
    // Registrations happen once `initialized` is handled: a request answered after it means they were sent.
    await client.request("workspace/symbol", { query: "" });
    for (const registration of client.registrations) {
      const path = REGISTRATION_CAPABILITY[registration.method];
      expect(path, `unexpected registration of ${registration.method}`).toBeDefined();
      expect(capability(profile.capabilities, path)?.dynamicRegistration, registration.method).toBe(true);
    }
  });

  it("formats Alloy files only: statically, or registered for Alloy documents when the client registers formatting dynamically", async () => {
    await client.request("workspace/symbol", { query: "" });
    const dynamic = capability(profile.capabilities, ["textDocument", "formatting"])?.dynamicRegistration === true;
    const registration = client.registrations.find((r) => r.method === "textDocument/formatting");
    if (dynamic) {
      expect(client.capabilities.documentFormattingProvider).toBeUndefined();
      const selector = (registration?.registerOptions as { documentSelector: { language?: string; pattern?: string }[] }).documentSelector;
      expect(selector.every((filter) => filter.language === "alloy" || /alloy/.test(filter.pattern ?? ""))).toBe(true);
    } else {
      expect(client.capabilities.documentFormattingProvider).toBe(true);
      expect(registration).toBeUndefined();
    }
  });

  it("negotiates the position encoding: utf-8 when offered, else utf-16", () => {
    const offered = (capability(profile.capabilities, ["general"])?.positionEncodings as string[] | undefined) ?? [];
    expect(client.capabilities.positionEncoding).toBe(offered.includes("utf-8") ? "utf-8" : "utf-16");
  });

  it("sends snippets only to a client that expands them, and plain one-line text to the others", async () => {
    const snippets = capability(profile.capabilities, ["textDocument", "completion", "completionItem"])?.snippetSupport === true;
    const uri = scratchUri();
    client.open(uri, "");
    const list = await client.request<CompletionList>("textDocument/completion", { textDocument: { uri }, position: { line: 0, character: 0 } });
    const scrape = list.items.find((i) => i.label === "prometheus.scrape")!;
    const newText = (scrape.textEdit as TextEdit).newText;
    if (snippets) {
      expect(scrape.insertTextFormat).toBe(2);
      expect(newText).toContain("\n");
    } else {
      for (const item of list.items) {
        expect(item.insertTextFormat, item.label).not.toBe(2);
        const text = (item.textEdit as TextEdit | undefined)?.newText ?? item.insertText ?? item.label;
        expect(text, item.label).not.toMatch(/[\n\0]|\$\{?\d/);
      }
      expect(newText).toBe("prometheus.scrape");
    }
  });

  it("reports progress while the workspace is checked only to a client that shows it", async () => {
    const progress = capability(profile.capabilities, ["window"])?.workDoneProgress === true;
    if (progress) {
      await expect.poll(() => client.progress.some((p) => p.value.kind === "end")).toBe(true);
      expect(client.progress[0].value).toMatchObject({ kind: "begin", title: "Alloy: checking the workspace" });
    } else {
      await client.request("workspace/symbol", { query: "" });
      await new Promise((r) => setTimeout(r, 300));
      expect(client.progressTokens).toEqual([]);
      expect(client.progress).toEqual([]);
    }
  });

  it("counts characters in the negotiated encoding, both ways", async () => {
    const utf8 = client.capabilities.positionEncoding === "utf-8";
    const marked = 'local.file "café_名" {\n\tfilename = "/tmp/é"\n}\n\nlocal.file "b" {\n\tfilename = local.file.café_名.<|>content\n}\n';
    const { text, position } = withCursor(marked);
    const uri = scratchUri();
    client.open(uri, text);
    const line = text.split("\n")[position.line];
    const character = (utf16: number) => (utf8 ? Buffer.byteLength(line.slice(0, utf16)) : utf16);
    const hover = await client.request<Hover>("textDocument/hover", { textDocument: { uri }, position: { line: position.line, character: character(position.character) } });
    expect((hover.contents as { value: string }).value).toContain("content");
    const definition = await client.request<Location[]>("textDocument/definition", { textDocument: { uri }, position: { line: position.line, character: character(position.character - 4) } });
    const label = text.split("\n")[0];
    const end = label.indexOf('" {') + 1;
    expect(definition[0].range).toEqual({
      start: { line: 0, character: utf8 ? Buffer.byteLength(label.slice(0, 11)) : 11 },
      end: { line: 0, character: utf8 ? Buffer.byteLength(label.slice(0, end)) : end },
    });
    // An incremental edit in the same encoding: typing after the multi-byte label.
    const at = { line: 0, character: utf8 ? Buffer.byteLength(label.slice(0, end + 2)) : end + 2 };
    client.change(uri, 2, [{ range: { start: at, end: at }, text: " " }]);
    const diagnostics = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    expect(diagnostics.filter((d) => d.severity === 1)).toEqual([]);
  });
});

describe("an unnamed buffer's root", () => {
  it("is not read as the file system root (Neovim sends file://. for a buffer without a file)", async () => {
    const client = await LspClient.start({ rootUri: "file://.", profile: "neovim-0.10" });
    const uri = "untitled:Untitled-1";
    client.open(uri, 'prometheus.scrap "x" {\n}\n');
    const diagnostics = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    expect(diagnostics[0].message).toContain('did you mean "prometheus.scrape"');
    expect(client.logs.some((l) => l.includes("ignoring workspace folder file://."))).toBe(true);
    const symbols = await client.request<{ location: { uri: string } }[]>("workspace/symbol", { query: "" });
    expect(symbols.map((s) => s.location.uri)).toEqual([uri]);
    await client.stop();
  });
});

describe("settings", () => {
  it("says which setting is invalid and what it accepts, and keeps the previous value", async () => {
    const client = await LspClient.start({ settings: { alloyVersion: "v9.9.9", diagnosticsDelay: -5, stabilityLevel: "experimental" } });
    await expect.poll(() => client.messages.length).toBe(2);
    expect(client.messages[0].message).toMatch(/^Alloy: alloy\.alloyVersion: "v9\.9\.9" is not valid \(expected one of v1\.\d+\.\d+.*\); using "v1\.\d+\.\d+"$/);
    expect(client.messages[1].message).toContain("alloy.diagnosticsDelay: -5 is not valid (expected a number of milliseconds from 0 to 60000)");
    // The valid one applies: an experimental component is not reported.
    const uri = scratchUri();
    client.open(uri, 'prometheus.exporter.unix "x" {\n}\n');
    await client.stop();
  });

  it("reruns nothing when the configuration did not change", async () => {
    const dir = mkdtempSync(join(tmpdir(), "alloy-settings-"));
    const uri = pathToFileURL(join(dir, "config.alloy")).toString();
    const client = await LspClient.start({ profile: "vscode", settings: { diagnosticsDelay: 0 } });
    client.configuration = { diagnosticsDelay: 0 };
    client.open(uri, 'prometheus.scrap "x" {\n}\n');
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    await client.request("workspace/symbol", { query: "" });
    const before = client.publishCount.get(uri);
    client.notify("workspace/didChangeConfiguration", { settings: { alloy: { diagnosticsDelay: 0 } } });
    await client.request("workspace/symbol", { query: "" });
    await new Promise((r) => setTimeout(r, 300));
    expect(client.publishCount.get(uri)).toBe(before);
    // A change does run them again.
    client.configuration = { diagnosticsDelay: 0, rules: { "check/unknown-component": "off" } };
    client.notify("workspace/didChangeConfiguration", { settings: null });
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.every((d) => d.code !== "check/unknown-component"));
    await client.stop();
  });

  it("checks open files only with diagnosticsScope: openFiles", async () => {
    const dir = mkdtempSync(join(tmpdir(), "alloy-scope-"));
    mkdirSync(join(dir, "closed"));
    writeFileSync(join(dir, "closed", "config.alloy"), 'prometheus.scrap "x" {\n}\n');
    mkdirSync(join(dir, "open"));
    const client = await LspClient.start({ root: dir, settings: { diagnosticsScope: "openFiles" } });
    const open = pathToFileURL(join(dir, "open", "config.alloy")).toString();
    client.open(open, 'prometheus.scrap "x" {\n}\n');
    await client.waitForDiagnostics(open, (p) => p.diagnostics.length > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(client.lastDiagnostics(pathToFileURL(join(dir, "closed", "config.alloy")).toString())).toBeUndefined();
    await client.stop();
  });
});

describe("lines ended by a lone CR", () => {
  it("are lines to the server as they are to LSP: positions are not shifted by a line", async () => {
    const client = await LspClient.start({ profile: "vscode" });
    const uri = scratchUri();
    // Alloy reads this as one line (only \n ends a line for its scanner); an editor shows four.
    const text = 'logging {\r\tlevl = "info"\r}\r\ntracing {\r}\n';
    client.open(uri, text);
    const diagnostics: Diagnostic[] = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const unknown = diagnostics.find((d) => d.code === "check/unknown-attribute")!;
    expect(unknown.range).toEqual({ start: { line: 1, character: 1 }, end: { line: 1, character: 14 } });
    const hover = await client.request<Hover>("textDocument/hover", { textDocument: { uri }, position: { line: 3, character: 2 } });
    expect((hover.contents as { value: string }).value).toContain("**tracing**");
    expect(hover.range).toEqual({ start: { line: 3, character: 0 }, end: { line: 3, character: 7 } });
    await client.stop();
  });
});

describe("CRLF files", () => {
  it("are formatted in their own line endings: a formatted file gives no edit", async () => {
    const client = await LspClient.start({ profile: "vscode" });
    const formatted = scratchUri();
    client.open(formatted, 'logging {\r\n\tlevel = "info"\r\n}\r\n');
    expect(await client.request("textDocument/formatting", { textDocument: { uri: formatted }, options: { tabSize: 4, insertSpaces: false } })).toEqual([]);
    const unformatted = scratchUri();
    const text = 'logging {\r\nlevel = "info"\r\n}\r\n';
    client.open(unformatted, text);
    const edits = await client.request<TextEdit[]>("textDocument/formatting", { textDocument: { uri: unformatted }, options: { tabSize: 4, insertSpaces: false } });
    expect(applyEdits(text, edits)).toBe('logging {\r\n\tlevel = "info"\r\n}\r\n');
    await client.stop();
  });
});
