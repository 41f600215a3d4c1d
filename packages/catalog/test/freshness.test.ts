import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { describeShared, sharedPath } from "../../../test/support/shared.js";
import { generateCatalog, type GenerateResult } from "../src/generator/generate.js";
import { formatReport } from "../src/generator/report.js";
import { dataModuleUrl, reportUrl, serializeDataModule } from "../src/generator/serialize.js";
import { availableAlloyVersions, getComponent, getConfigBlock } from "../src/index.js";

describeShared("alloy-source", "committed catalog data and report", (sourceRoot) => {
  const docsRoot = sharedPath("alloy-docs");
  let generated: Promise<GenerateResult> | undefined;
  const generate = () => (generated ??= generateCatalog({ sourceRoot, docsRoot: docsRoot! }));
  const maybe = docsRoot ? it : it.skip;

  maybe("src/generated/catalog-data.ts is what the generator makes of ../shared (run `pnpm catalog:generate` if not)", async () => {
    const { data } = await generate();
    const fresh = serializeDataModule(data) === readFileSync(dataModuleUrl(), "utf8");
    expect(fresh, "src/generated/catalog-data.ts is stale: run pnpm catalog:generate").toBe(true);
  });

  maybe("REPORT.md is the generator's report (run `pnpm catalog:generate` if not)", async () => {
    const { report } = await generate();
    expect(formatReport(report) === readFileSync(reportUrl(), "utf8"), "REPORT.md is stale: run pnpm catalog:generate").toBe(true);
  });

  maybe("reads every docs table row and the Go source without a problem it cannot name", async () => {
    const { report } = await generate();
    expect(report.docs.unreadRows).toEqual([]);
    expect(report.docs.docFixesUnused).toEqual([]);
    expect(report.releases.map((r) => r.tag)).toEqual([...availableAlloyVersions]);
    expect(report.goProblems).toEqual([]);
  });

  maybe("each release's schemas come back whole from the versioned records", async () => {
    const { releases } = await generate();
    // The newest release keeps the code's field order exactly; an older one keeps it where fields were not
    // reordered since, so child lists are compared by name there.
    const strip = (value: unknown, byName: boolean): unknown =>
      JSON.parse(
        JSON.stringify(value, (key, v) => {
          if (["alloyVersion", "since", "removedIn", "path"].includes(key)) return undefined;
          if (byName && ["attributes", "blocks", "exports"].includes(key)) return [...(v as { name: string }[])].sort((a, b) => (a.name < b.name ? -1 : 1));
          return v;
        }),
      );
    for (const release of releases) {
      const version = release.tag as (typeof availableAlloyVersions)[number];
      const byName = release !== releases[releases.length - 1];
      for (const component of release.components) {
        expect(strip(getComponent(component.name, version), byName), `${component.name} at ${version}`).toEqual(strip(component, byName));
      }
      for (const block of release.configBlocks) {
        expect(strip(getConfigBlock(block.name, version), byName), `${block.name} at ${version}`).toEqual(strip(block, byName));
      }
    }
  });
});
