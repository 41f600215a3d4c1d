import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Position } from "vscode-languageserver-protocol";
import { seededRandom } from "../../../test/support/random.mjs";
import { sharedPath } from "../../../test/support/shared.js";
import { fixturesRoot, LspClient, packageRoot } from "./support/lsp-client.js";

const EDITS = Number(process.env.LSP_ROBUSTNESS_EDITS ?? 3_000);
const MAX_TEXT = 24_000;

function loadFragments(): string[] {
  const examples = join(packageRoot, "..", "..", "examples");
  const texts = readdirSync(examples, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(examples, entry.name, "config.alloy")))
    .map((entry) => readFileSync(join(examples, entry.name, "config.alloy"), "utf8"));
  const corpus = sharedPath("corpus");
  if (corpus) {
    for (const source of ["alloy-repo", "alloy-parser", "alloy-docs"]) {
      const dir = join(corpus, source);
      const files = readdirSync(dir).filter((f) => f.endsWith(".alloy")).sort();
      for (let i = 0; i < files.length; i += Math.max(1, Math.floor(files.length / 60))) texts.push(readFileSync(join(dir, files[i]), "utf8"));
    }
  }
  return texts;
}

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split("\n").length - 1;
  return { line, character: offset - (before.lastIndexOf("\n") + 1) };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

describe("robustness under random edits", () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start({ root: join(fixturesRoot, "pipeline") });
  });
  afterAll(async () => {
    // Undefined when the server failed to start: beforeAll's error is the one to read.
    await client?.stop();
  });

  it(`survives ${EDITS} random edits with every feature requested after each`, async () => {
    const seed = Number(process.env.LSP_ROBUSTNESS_SEED ?? 7);
    const next = seededRandom(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    const fragments = loadFragments();
    const uri = pathToFileURL(join(fixturesRoot, "scratch", "robustness", "config.alloy")).toString();
    let text = fragments[0];
    client.open(uri, text);
    const failures: string[] = [];
    let requests = 0;
    let comparisons = 0;
    let maxRss = 0;
    const rssSamples: number[] = [];
    const snippets = ["{", "}", "[", "]", "(", ")", '"', "=", ".", ",", "\n", " ", "prometheus.", "argument.", "sys.env(", "`", "/*", "//", "\t", "é", "😀"];

    for (let edit = 1; edit <= EDITS; edit++) {
      const kind = next();
      let start = Math.floor(next() * (text.length + 1));
      let end = start;
      let insert = "";
      if (text.length > MAX_TEXT || kind < 0.3) end = Math.min(text.length, start + Math.floor(next() * (text.length > MAX_TEXT ? 4_000 : 80)));
      else if (kind < 0.8) insert = Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(snippets)).join("");
      else {
        const source = pick(fragments);
        const from = Math.floor(next() * source.length);
        insert = source.slice(from, from + Math.floor(next() * 600));
      }
      // Never split a surrogate pair: editors do not.
      if (start > 0 && /[\udc00-\udfff]/.test(text[start] ?? "")) start--;
      if (end < text.length && /[\udc00-\udfff]/.test(text[end] ?? "")) end++;
      const range = { start: positionAt(text, start), end: positionAt(text, end) };
      text = text.slice(0, start) + insert + text.slice(end);
      client.change(uri, edit + 1, [{ range, text: insert }]);

      const at = positionAt(text, Math.floor(next() * (text.length + 1)));
      const doc = { textDocument: { uri } };
      const whole = { start: { line: 0, character: 0 }, end: positionAt(text, text.length) };
      const calls: [string, unknown][] = [
        ["textDocument/hover", { ...doc, position: at }],
        ["textDocument/completion", { ...doc, position: at }],
        ["textDocument/signatureHelp", { ...doc, position: at }],
        ["textDocument/definition", { ...doc, position: at }],
        ["textDocument/references", { ...doc, position: at, context: { includeDeclaration: true } }],
        ["textDocument/prepareRename", { ...doc, position: at }],
        ["textDocument/rename", { ...doc, position: at, newName: "renamed" }],
        ["textDocument/documentSymbol", doc],
        ["textDocument/foldingRange", doc],
        ["textDocument/selectionRange", { ...doc, positions: [at] }],
        ["textDocument/documentLink", doc],
        ["textDocument/semanticTokens/full", doc],
        ["textDocument/inlayHint", { ...doc, range: whole }],
        ["textDocument/formatting", { ...doc, options: { tabSize: 4, insertSpaces: false } }],
        ["textDocument/rangeFormatting", { ...doc, range: { start: at, end: at }, options: { tabSize: 4, insertSpaces: false } }],
        ["textDocument/codeAction", { ...doc, range: { start: at, end: at }, context: { diagnostics: client.lastDiagnostics(uri)?.diagnostics ?? [] } }],
      ];
      if (edit % 50 === 0) calls.push(["workspace/symbol", { query: "p" }]);
      await Promise.all(
        calls.map(([method, params]) =>
          client.request(method, params).then(
            () => undefined,
            (error: { code?: number; message?: string }) => {
              if (error.code !== -32800) failures.push(`edit ${edit} ${method}: ${error.code} ${error.message}`);
            },
          ),
        ),
      );
      requests += calls.length;
      if (edit % 100 === 0) {
        const rss = rssMb(client.process.pid!);
        rssSamples.push(rss);
        maxRss = Math.max(maxRss, rss);
      }
      if (edit % 500 === 0) {
        // The incrementally parsed and analyzed document says exactly what a fresh one with its text says.
        const shown = await client.waitForDiagnostics(uri, (p) => p.version === edit + 1);
        const fresh = pathToFileURL(join(fixturesRoot, "scratch", `robustness-fresh-${edit}`, "config.alloy")).toString();
        client.open(fresh, text);
        const expected = await client.waitForDiagnostics(fresh);
        client.close(fresh);
        const summary = (list: typeof shown) => list.map((d) => `${d.code} ${d.message} ${JSON.stringify(d.range)}`);
        if (JSON.stringify(summary(shown)) !== JSON.stringify(summary(expected))) {
          failures.push(`edit ${edit}: diagnostics differ from a fresh open of the same text: ${JSON.stringify({ shown: summary(shown), expected: summary(expected) })}`);
        }
        comparisons++;
      }
      if (failures.length > 0 || client.process.exitCode !== null) break;
    }
    await client.waitForDiagnostics(uri, (p) => p.version === EDITS + 1);
    console.log(`robustness: ${EDITS} edits, ${requests} requests, max server RSS ${maxRss.toFixed(1)} MB, seed ${seed}`);
    expect(failures).toEqual([]);
    expect(comparisons).toBe(Math.floor(EDITS / 500));
    expect(client.process.exitCode).toBeNull();
    expect(client.stderr).not.toMatch(/Error/);
    expect(maxRss).toBeLessThan(500);
    // Bounded: the last quarter does not keep growing past the first samples by much.
    const early = Math.max(...rssSamples.slice(0, Math.max(1, rssSamples.length >> 2)));
    expect(Math.max(...rssSamples.slice(-(rssSamples.length >> 2) || -1))).toBeLessThan(early * 2 + 50);
  });
});
