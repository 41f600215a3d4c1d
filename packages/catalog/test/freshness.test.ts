import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { describeShared } from "../../../test/support/shared.js";
import { generateCatalog, serializeCatalog } from "../src/generator/generate.js";
import { catalogFileUrl } from "../src/index.js";

describeShared("alloy-docs", "committed catalog JSON", (docsRoot) => {
  it("equals what the generator produces from the docs (run `pnpm catalog:generate` if not)", () => {
    const { catalog } = generateCatalog({ docsRoot });
    const committed = readFileSync(catalogFileUrl(), "utf8");
    expect(serializeCatalog(catalog) === committed, "data/alloy-v1.18.1.json is stale: run pnpm catalog:generate").toBe(true);
  });

  it("reads every table row of the docs and uses every override", () => {
    const { report } = generateCatalog({ docsRoot });
    expect(report.unreadRows).toEqual([]);
    expect(report.overridesUnused).toEqual([]);
    expect(report.counts.components).toBe(185);
    expect(report.counts.removedComponents).toBe(1);
  });

  it("is deterministic", () => {
    const first = serializeCatalog(generateCatalog({ docsRoot }).catalog);
    const second = serializeCatalog(generateCatalog({ docsRoot }).catalog);
    expect(first).toBe(second);
  });
});
