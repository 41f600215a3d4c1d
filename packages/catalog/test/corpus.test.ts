import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { describeShared } from "../../../test/support/shared.js";
import { scanAlloy } from "./support/alloy-scan.js";
import { tallyUsage, type UsageTally } from "./support/corpus-usage.js";

describeShared("corpus/alloy-repo", "catalog against real configs (corpus/alloy-repo)", (dir) => {
  it("resolves at least 99% of the attribute and block usages", () => {
    const tally: UsageTally = { resolved: 0, unresolved: [], unknownStatements: [] };
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".alloy")).sort()) {
      tallyUsage(scanAlloy(readFileSync(join(dir, file), "utf8")), file, tally);
    }
    const total = tally.resolved + tally.unresolved.length;
    const share = tally.resolved / total;
    if (process.env.CATALOG_VERBOSE) {
      console.log(`resolved ${tally.resolved}/${total} (${(share * 100).toFixed(2)}%)`);
      console.log(tally.unresolved.join("\n"));
      console.log(`unknown statements: ${tally.unknownStatements.length}`, tally.unknownStatements.slice(0, 40).join("\n"));
    }
    expect(total).toBeGreaterThan(1000);
    expect(share).toBeGreaterThanOrEqual(0.99);
  });
});
