import { classifyBlock, isAssignable, type SymbolKind as BlockKind } from "@alloy-toolkit/checker";
import { getComponent, type AlloyType } from "@alloy-toolkit/catalog";
import { describe, expect, it } from "vitest";
import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, Hover, Location, SemanticTokens } from "vscode-languageserver-protocol";
import { fixture, serverForTests } from "./support/lsp-client.js";

/**
 * The language server answers from the checker's model: what the checker resolves, requires and accepts is
 * what navigation, hover and completion show (issue #21's cases, each a fixture under `fixtures/model/`).
 */
const server = serverForTests();

function open(path: string) {
  const file = fixture(path);
  server.client.open(file.uri, file.text);
  return file;
}

const hoverText = async (uri: string, position: { line: number; character: number }) =>
  ((await server.client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position }))?.contents as { value: string } | undefined)?.value ?? "";

/** The code actions for a diagnostic, the way an editor asks for them. */
async function actionsFor(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return server.client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
}

function apply(text: string, action: CodeAction, uri: string): string {
  const lines = text.split("\n");
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const edits = [...(action.edit?.changes?.[uri] ?? [])].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const edit of edits) out = out.slice(0, offset(edit.range.start)) + edit.newText + out.slice(offset(edit.range.end));
  return out;
}

describe("one model for the checker and the language server", () => {
  it("goes to and hovers a component declared inside a foreach template", async () => {
    const { uri, text, positions } = open("model/foreach/config.alloy");
    const locations = await server.client.request<Location[]>("textDocument/definition", { textDocument: { uri }, position: positions[0] });
    const line = text.split("\n").findIndex((l) => l.includes('prometheus.remote_write "per_team"'));
    expect(locations).toEqual([{ uri, range: { start: { line, character: 26 }, end: { line, character: 36 } } }]);
    expect(await hoverText(uri, positions[0])).toContain("capsule(MetricsReceiver)");
  });

  it("calls an argument declared optional = false required, at its reference and where it is set", async () => {
    const { uri, positions } = open("model/required-argument/config.alloy");
    for (const position of positions) {
      const value = await hoverText(uri, position);
      expect(value).toContain("Argument `endpoint` (required)");
      expect(value).not.toContain("optional");
    }
  });

  it("offers every reference whose type the checker's isAssignable accepts for the argument", async () => {
    const { uri, positions } = open("model/assignable/config.alloy");
    const list = await server.client.request<CompletionList>("textDocument/completion", { textDocument: { uri }, position: positions[0] });
    const offered = list.items.map((i) => i.label).filter((l) => l.split(".").length > 3);
    const expected = getComponent("prometheus.remote_write")!.blocks.find((b) => b.name === "endpoint")!.attributes.find((a) => a.name === "remote_timeout")!.type;
    const candidates: [string, AlloyType][] = [];
    for (const [name, label] of [["local.file", "token"], ["prometheus.exporter.unix", "node"]]) {
      for (const e of getComponent(name)!.exports) candidates.push([`${name}.${label}.${e.name}`, e.type]);
    }
    const accepted = candidates.filter(([, type]) => isAssignable(type, expected)).map(([name]) => name);
    expect(accepted).toEqual(["local.file.token.content"]);
    expect(offered.sort()).toEqual(accepted.sort());
  });

  it("classifies top-level blocks one way: the checker's, in the outline and the semantic tokens", async () => {
    const { uri, text } = open("model/classified/config.alloy");
    const symbols = await server.client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri } });
    const outline: Record<BlockKind, number> = { component: 5, declare: 2, config: 3, service: 3 };
    for (const symbol of symbols) {
      const name = symbol.name.split(" ")[0];
      expect([name, symbol.kind]).toEqual([name, outline[classifyBlock(name)]]);
    }
    const tokens = await server.client.request<SemanticTokens>("textDocument/semanticTokens/full", { textDocument: { uri } });
    const legend = (server.client.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[] } }).legend.tokenTypes;
    const lines = text.split("\n");
    let line = 0;
    let character = 0;
    const typeOf = new Map<string, string>();
    for (let i = 0; i < tokens.data.length; i += 5) {
      line += tokens.data[i];
      character = tokens.data[i] === 0 ? character + tokens.data[i + 1] : tokens.data[i + 1];
      if (character === 0) typeOf.set(lines[line].slice(0, tokens.data[i + 2]), legend[tokens.data[i + 3]]);
    }
    const tokenType: Record<BlockKind, string> = { component: "class", declare: "keyword", config: "namespace", service: "namespace" };
    for (const name of ["logging", "livedebugging", "http", "declare", "noop", "prometheus.exporter.self"]) {
      expect([name, typeOf.get(name)]).toEqual([name, tokenType[classifyBlock(name)]]);
    }
  });

  it("prefers the fix that renames the component of an unresolved reference and keeps its export", async () => {
    const { uri, text } = open("model/unresolved/config.alloy");
    const diagnostics = await server.client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === "check/unresolved-reference"));
    const unresolved = diagnostics.find((d) => d.code === "check/unresolved-reference")!;
    const preferred = (await actionsFor(uri, unresolved)).filter((a) => a.isPreferred);
    expect(preferred).toHaveLength(1);
    expect(apply(text, preferred[0], uri)).toContain("forward_to = [prometheus.relabel.default.receiver]");
  });

  it("gives a missing required attribute exactly one fix, besides switching the rule off for the line", async () => {
    const { uri, text } = open("model/missing-required/config.alloy");
    const diagnostics = await server.client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === "check/missing-required"));
    const missing = diagnostics.find((d) => d.code === "check/missing-required")!;
    const actions = await actionsFor(uri, missing);
    const fixes = actions.filter((a) => !a.title.startsWith("Disable "));
    expect(fixes.map((a) => a.title)).toEqual(['Add required attribute "forward_to"']);
    expect(apply(text, fixes[0], uri)).toBe('prometheus.scrape "pods" {\n\ttargets = []\n\tforward_to = \n}\n');
  });

  it("goes nowhere for a declare of an import.string, whose text is a string of the config, and finds the import", async () => {
    const { uri, positions } = open("model/import-string/config.alloy");
    const declare = await server.client.request<Location[]>("textDocument/definition", { textDocument: { uri }, position: positions[0] });
    expect(declare).toEqual([]);
    const imported = await server.client.request<Location[]>("textDocument/definition", {
      textDocument: { uri },
      position: { line: positions[0].line, character: 2 },
    });
    expect(imported).toEqual([{ uri, range: { start: { line: 0, character: 14 }, end: { line: 0, character: 22 } } }]);
  });
});
