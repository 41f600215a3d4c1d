import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { childBlocks, getComponent, getConfigBlock, type BlockContainer } from "../src/index.js";
import { describeShared } from "../../../test/support/shared.js";
import { scanAlloy, type ScannedBlock } from "./support/alloy-scan.js";

/** Blocks that real, valid configs repeat inside one parent must be `repeatable` in the catalog. */
function repeatedButNotRepeatable(statements: ScannedBlock[], file: string, out: Set<string>): void {
  const visit = (root: BlockContainer, body: BlockContainer, scanned: ScannedBlock, trail: string) => {
    const counts = new Map<string, number>();
    for (const child of scanned.blocks) counts.set(child.name, (counts.get(child.name) ?? 0) + 1);
    for (const child of scanned.blocks) {
      const schema = childBlocks(root, body).find((b) => b.name === child.name);
      if (!schema) continue;
      if ((counts.get(child.name) ?? 0) > 1 && !schema.repeatable) out.add(`${trail} > ${child.name} (${file}:${child.line})`);
      visit(root, schema, child, `${trail} > ${child.name}`);
    }
  };
  for (const statement of statements) {
    const schema = getComponent(statement.name) ?? getConfigBlock(statement.name);
    if (schema) visit(schema, schema, statement, statement.name);
    else repeatedButNotRepeatable(statement.blocks, file, out);
  }
}

describeShared("corpus/alloy-repo", "repeatable blocks against real configs (corpus/alloy-repo)", (dir) => {
  it("marks every block that a valid config repeats as repeatable", () => {
    const problems = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".alloy")).sort()) {
      repeatedButNotRepeatable(scanAlloy(readFileSync(join(dir, file), "utf8")), file, problems);
    }
    const unique = [...new Set([...problems].map((p) => p.replace(/ \(.*\)$/, "")))].sort();
    expect(unique).toEqual([]);
  });
});
