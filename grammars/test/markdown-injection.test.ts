import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { IGrammar } from "vscode-textmate";
import { beforeAll, describe, expect, it } from "vitest";
import { createRegistry, formatTokens, tokenize } from "../scripts/textmate.mjs";
import { fixturesDir, markdownCases } from "./support/cases.js";
import { markdownHostGrammar } from "./support/markdown-host.js";
import { expectTextSnapshot, testRoot } from "./support/snapshot.js";

let markdown: IGrammar;
beforeAll(async () => {
  const registry = await createRegistry({ extraGrammars: { "text.html.markdown": markdownHostGrammar } });
  markdown = (await registry.loadGrammar("text.html.markdown"))!;
});

/** The scopes of each non-blank line of the document, keyed by its 1-based number. */
function scopesByLine(text: string): Map<number, string[]> {
  const byLine = new Map<number, string[]>();
  for (const token of tokenize(markdown, text)) {
    if (token.text.trim() === "") continue;
    byLine.set(token.line, [...(byLine.get(token.line) ?? []), ...token.scopes]);
  }
  return byLine;
}

describe("Markdown injection (markdown.alloy.codeblock)", () => {
  for (const { input, snapshot } of markdownCases()) {
    it(`snapshot of ${relative(join(testRoot, "..", ".."), input)}`, () => {
      expectTextSnapshot(snapshot, formatTokens(tokenize(markdown, readFileSync(input, "utf8"))));
    });
  }

  it("includes source.alloy for the fence content", () => {
    const injection = JSON.parse(readFileSync(join(testRoot, "..", "alloy-markdown-injection.tmLanguage.json"), "utf8"));
    const content = injection.repository["fenced-code-block"].patterns[0];
    expect(content.contentName).toBe("meta.embedded.block.alloy");
    expect(content.patterns).toEqual([{ include: "source.alloy" }]);
  });

  // vscode-textmate (like VS Code) does not add the included grammar's root scope;
  // `meta.embedded.block.alloy` is what marks the embedded language.
  it("highlights alloy and river fences with the Alloy grammar, and only those", () => {
    const text = readFileSync(join(fixturesDir, "markdown", "fenced-blocks.md"), "utf8");
    const lines = text.split("\n");
    const byLine = scopesByLine(text);
    const lineOf = (content: string) => lines.indexOf(content) + 1;

    for (const content of ['metrics.scrape "web" {', 'env_value = env("HOME")', "x = 1", "  nested = true"]) {
      const scopes = byLine.get(lineOf(content)) ?? [];
      expect(scopes, content).toContain("meta.embedded.block.alloy");
      expect(scopes.filter((scope) => scope.endsWith(".alloy")).length, content).toBeGreaterThan(1);
    }
    expect(byLine.get(lineOf('metrics.scrape "web" {'))).toContain("entity.name.type.alloy");
    expect(byLine.get(lineOf("   inside a fence */"))).toContain("comment.block.alloy");

    const js = byLine.get(lineOf("const x = { a = 1 }")) ?? [];
    expect(js).toContain("markup.fenced_code.block.markdown");
    expect(js.filter((scope) => scope.endsWith(".alloy"))).toEqual([]);

    // The closing fence belongs to Markdown again, and so does the text after it.
    expect(byLine.get(lineOf("```"))).not.toContain("meta.embedded.block.alloy");
    expect(byLine.get(lineOf("Other languages are left alone:"))).toEqual(["text.html.markdown"]);
  });
});
