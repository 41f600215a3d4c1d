import { parse, walk } from "@alloy-toolkit/parser";
import { expect, it } from "vitest";
import { seededRandom } from "../../../test/support/random.mjs";
import { describeShared } from "../../../test/support/shared.js";
import { checkVariant, fuzzInputs, variantOf } from "../scripts/fuzz-cases.mjs";
import { format } from "../src/index.js";

// A slice of `pnpm fuzz:format`: corpus inputs changed in ways whose `alloy fmt` output is known (see
// scripts/fuzz-cases.mjs) give that output, and inputs Alloy rejects stay rejected.
describeShared("corpus", "formatting mutated corpus inputs gives Alloy's output for them", (corpusRoot) => {
  it("on 4,000 variants", () => {
    const inputs = fuzzInputs(corpusRoot, parse);
    const failures: string[] = [];
    let rejected = 0;
    let changedContent = 0;
    for (let seed = 1; seed <= 4000; seed++) {
      const rand = seededRandom(seed);
      const input = inputs[Math.floor(rand() * inputs.length)];
      const variant = variantOf(rand, input, { parse, walk });
      if (variant.expect === undefined) rejected++;
      else if (variant.expect !== input.expect) changedContent++;
      const problem = checkVariant(format, variant.text, variant.expect);
      if (problem) failures.push(`seed ${seed} (${input.id}): ${problem}`);
    }
    expect(failures).toEqual([]);
    expect(rejected).toBeGreaterThan(200);
    // Raw strings with CRLF and empty labels, whose outputs differ from the input's.
    expect(changedContent).toBeGreaterThan(100);
  });
});
