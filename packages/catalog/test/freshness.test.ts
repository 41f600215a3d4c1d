import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { describeShared } from "../../../test/support/shared.js";
import { dataIndexModuleUrl, indexCatalogData, serializeDataIndex } from "../src/generator/data-index.js";
import { generateCatalog, serializeCatalog } from "../src/generator/generate.js";
import { catalogFileUrl, catalogVersion } from "../src/index.js";

describeShared("alloy-docs", "committed catalog JSON", (docsRoot) => {
  let generated: ReturnType<typeof generateCatalog> | undefined;
  const generate = () => (generated ??= generateCatalog({ docsRoot }));

  it("equals what the generator produces from the docs (run `pnpm catalog:generate` if not)", () => {
    const { catalog } = generate();
    const committed = readFileSync(catalogFileUrl(), "utf8");
    expect(serializeCatalog(catalog) === committed, "data/alloy-v1.18.1.json is stale: run pnpm catalog:generate").toBe(true);
  });

  it("and its index equals what the generator produces (run `pnpm catalog:generate` if not)", () => {
    const { catalog } = generate();
    const index = serializeDataIndex(indexCatalogData(serializeCatalog(catalog)), `alloy-${catalogVersion}.json`);
    const committed = readFileSync(dataIndexModuleUrl(catalogVersion), "utf8");
    expect(index === committed, "src/generated/alloy-v1.18.1.index.ts is stale: run pnpm catalog:generate").toBe(true);
  });

  it("reads every table row of the docs and uses every override", () => {
    const { report } = generate();
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
