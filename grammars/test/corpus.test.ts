import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import type { IGrammar } from "vscode-textmate";
import { beforeAll, expect, it } from "vitest";
import { describeShared } from "../../test/support/shared.js";
import { loadAlloyGrammar, tokenize } from "../scripts/textmate.mjs";

/** A file taking longer than this to tokenise points at catastrophic backtracking. */
const perFileLimitMs = 1000;

describeShared("corpus", "grammar over the conformance corpus", (corpus) => {
  const files = readdirSync(corpus, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".alloy"))
    .map((entry) => join(entry.parentPath, entry.name))
    // The 4 MB benchmark file is timed by scripts/bench.mjs, not here.
    .filter((file) => relative(corpus, file) !== join("bench", "large.alloy"))
    .sort();
  /** Inputs that Alloy's own parser accepts: their printer output sits beside them. */
  const parsing = files.filter((file) => existsSync(file.replace(/\.alloy$/, ".expect")));

  let grammar: IGrammar;
  /** Tokens of every file from an untimed first pass, which also warms up the JIT and compiles each rule's scanner. */
  const tokensByFile = new Map<string, ReturnType<typeof tokenize>>();
  beforeAll(async () => {
    grammar = await loadAlloyGrammar();
    for (const file of files) tokensByFile.set(file, tokenize(grammar, readFileSync(file, "utf8")));
  });

  const describeToken = (file: string, token: ReturnType<typeof tokenize>[number]) =>
    `${relative(corpus, file)}:${token.line}:${token.start + 1} ${JSON.stringify(token.text)}`;

  it(`tokenises each of the ${files.length} files in under ${perFileLimitMs} ms`, () => {
    expect(files.length).toBeGreaterThan(2000);
    const timings = files.map((file) => {
      const text = readFileSync(file, "utf8");
      const started = performance.now();
      tokenize(grammar, text);
      return { file: relative(corpus, file), ms: performance.now() - started };
    });
    timings.sort((a, b) => b.ms - a.ms);
    const slowest = timings[0]!;
    const total = timings.reduce((sum, timing) => sum + timing.ms, 0);
    console.log(`[grammar] ${files.length} corpus files in ${total.toFixed(0)} ms; slowest ${slowest.file} ${slowest.ms.toFixed(1)} ms`);
    expect(timings.filter((timing) => timing.ms > perFileLimitMs)).toEqual([]);
  });

  it("marks nothing invalid in the files Alloy parses", () => {
    expect(parsing.length).toBeGreaterThan(1000);
    const invalid = parsing.flatMap((file) =>
      tokensByFile
        .get(file)!
        .filter((token) => token.scopes.some((scope) => scope.startsWith("invalid.")))
        .map((token) => describeToken(file, token)),
    );
    expect(invalid).toEqual([]);
  });

  it("gives every non-blank token of the files Alloy parses a scope beyond meta scopes", () => {
    const unscoped = parsing.flatMap((file) =>
      tokensByFile
        .get(file)!
        .filter((token) => token.text.trim() !== "")
        .filter((token) => token.scopes.slice(1).every((scope) => scope.startsWith("meta.")))
        .map((token) => describeToken(file, token)),
    );
    expect(unscoped).toEqual([]);
  });
});
