import { readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { describeShared } from "../../../test/support/shared.js";
import { availableAlloyVersions, componentNames, getComponent, type AlloyVersion, type BlockContainer, type BlockSchema } from "../src/index.js";
import { GoDeclScan } from "./support/go-decl-scan.js";

/** The catalog's facts in the shape {@link GoDeclScan.facts} gives them. */
function catalogFacts(body: BlockContainer, path: string[] = [], out = new Set<string>()): Set<string> {
  for (const attribute of body.attributes) out.add(`attr ${[...path, attribute.name].join(">")} ${attribute.required ? "required" : "optional"}`);
  for (const block of body.blocks as BlockSchema[]) {
    out.add(`block ${[...path, block.name].join(">")} ${block.required ? "required" : "optional"} ${block.repeatable ? "repeated" : "single"}`);
    catalogFacts(block, [...path, block.name], out);
  }
  return out;
}

interface Agreement {
  version: AlloyVersion;
  components: number;
  missing: string[];
  attributes: { agree: number; total: number };
  blocks: { agree: number; total: number };
  differences: string[];
}

function agreement(root: string, version: AlloyVersion): Agreement {
  const scan = new GoDeclScan(join(root, version));
  const registered = scan.components();
  const catalogued = new Set(componentNames({ version }));
  const result: Agreement = { version, components: registered.size, missing: [], attributes: { agree: 0, total: 0 }, blocks: { agree: 0, total: 0 }, differences: [] };
  for (const [name, component] of registered) {
    const schema = getComponent(name, version);
    if (!catalogued.has(name) || !schema) {
      result.missing.push(name);
      continue;
    }
    const code = scan.facts(component);
    const catalog = catalogFacts(schema);
    for (const fact of new Set([...code, ...catalog])) {
      const tally = fact.startsWith("attr ") ? result.attributes : result.blocks;
      tally.total++;
      if (code.has(fact) && catalog.has(fact)) tally.agree++;
      else result.differences.push(`${name}: ${code.has(fact) ? "code" : "catalog"} only: ${fact}`);
    }
  }
  return result;
}

describeShared("alloy-source", "catalog against an independent reading of Alloy's Go structs (alloy-source)", (root) => {
  const releases = readdirSync(root).filter((name) => name.startsWith("v"));

  it("covers every release of the snapshot", () => {
    expect([...releases].sort()).toEqual([...availableAlloyVersions].sort());
  });

  it.each([...availableAlloyVersions])("%s: has every registered component and agrees on >= 99.5% of attributes and blocks", (version) => {
    const result = agreement(root, version);
    const share = (t: { agree: number; total: number }) => t.agree / t.total;
    if (process.env.CATALOG_VERBOSE) {
      console.log(
        `${version}: ${result.components} components, attributes ${result.attributes.agree}/${result.attributes.total} (${(share(result.attributes) * 100).toFixed(2)}%), ` +
          `blocks ${result.blocks.agree}/${result.blocks.total} (${(share(result.blocks) * 100).toFixed(2)}%)\n${result.differences.slice(0, 40).join("\n")}`,
      );
    }
    expect(result.missing).toEqual([]);
    expect(result.components).toBeGreaterThan(100);
    expect(share(result.attributes)).toBeGreaterThanOrEqual(0.995);
    expect(share(result.blocks)).toBeGreaterThanOrEqual(0.995);
  });
});
