import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../../test/support/corpus.js";
import { describeShared } from "../../../test/support/shared.js";
import { parse } from "../src/index.js";

/** `LINE:COL: message` as Alloy prints it (column in UTF-8 bytes). */
function alloyErrors(text: string): string[] {
  const result = parse(text);
  return result.diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => `${d.range.start.line}:${result.lineIndex.byteColumn(d.range.start)}: ${d.message}`);
}

describeShared("corpus", "parser conformance with Alloy's parser over ../shared/corpus", (corpusRoot) => {
  const cases = loadCorpus(corpusRoot);
  const accepted = cases.filter((c) => c.expect !== undefined);
  const rejected = cases.filter((c) => c.error !== undefined);

  it("finds the corpus inputs", () => {
    expect(accepted.length).toBeGreaterThan(1000);
    expect(rejected.length).toBeGreaterThan(300);
  });

  describe("inputs Alloy accepts parse without errors", () => {
    it.each(accepted.map((c) => [`${c.source}/${c.name}`, c] as const))("%s", (_, c) => {
      expect(alloyErrors(c.text)).toEqual([]);
    });
  });

  describe("inputs Alloy rejects get an error", () => {
    it.each(rejected.map((c) => [`${c.source}/${c.name}`, c] as const))("%s", (_, c) => {
      expect(alloyErrors(c.text).length).toBeGreaterThan(0);
    });
  });

  it("reports Alloy's first error (line:column and message) on every rejected input, and its whole list on 99 %", () => {
    const mismatches: string[] = [];
    let sameFullList = 0;
    for (const c of rejected) {
      const want = c.error!.trimEnd().split("\n");
      const got = alloyErrors(c.text);
      const position = (line: string | undefined) => line?.split(":").slice(0, 2).join(":");
      if (position(got[0]) !== position(want[0]) || got[0] !== want[0]) mismatches.push(`${c.source}/${c.name}: want ${want[0]}, got ${got[0]}`);
      if (got.join("\n") === want.join("\n")) sameFullList++;
    }
    const agreement = (rejected.length - mismatches.length) / rejected.length;
    console.log(
      `first-error position agreement: ${rejected.length - mismatches.length}/${rejected.length} ` +
        `(${(agreement * 100).toFixed(2)} %); identical full error lists: ${sameFullList}/${rejected.length}`,
    );
    if (mismatches.length) console.log(mismatches.join("\n"));
    expect(mismatches).toEqual([]);
    expect(sameFullList / rejected.length).toBeGreaterThanOrEqual(0.99);
  });
});
