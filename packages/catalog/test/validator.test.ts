import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { childBlocks, findAttribute, getComponent, getConfigBlock, type BlockContainer } from "../src/index.js";
import { describeShared } from "../../../test/support/shared.js";
import { scanAlloy, type ScannedBlock } from "./support/alloy-scan.js";

interface Located {
  root: BlockContainer;
  body: BlockContainer;
  trail: string;
}

/** Every scanned block whose schema the catalog knows, by its 1-based line. */
function locate(statements: ScannedBlock[]): Map<number, Located> {
  const byLine = new Map<number, Located>();
  const visit = (root: BlockContainer, body: BlockContainer, scanned: ScannedBlock, trail: string) => {
    byLine.set(scanned.line, { root, body, trail });
    for (const child of scanned.blocks) {
      const schema = childBlocks(root, body).find((b) => b.name === child.name);
      if (schema) visit(root, schema, child, `${trail} > ${child.name}`);
      else walk([child]);
    }
  };
  const walk = (list: ScannedBlock[]) => {
    for (const statement of list) {
      const schema = getComponent(statement.name) ?? getConfigBlock(statement.name);
      if (schema) visit(schema, schema, statement, statement.name);
      else walk(statement.blocks);
    }
  };
  walk(statements);
  return byLine;
}

function mainSection(txtar: string): string | undefined {
  const match = /^-- main\.alloy --\n([\s\S]*?)(?=^-- .* --$|(?![\s\S]))/m.exec(txtar);
  return match?.[1];
}

describeShared("corpus/validator", "catalog against `alloy validate` diagnostics (corpus/validator)", (dir) => {
  const cases = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".txtar"))
    .sort();

  it("agrees with every 'missing required' and 'unrecognized attribute' diagnostic on catalogued blocks", () => {
    let checked = 0;
    for (const file of cases) {
      const source = mainSection(readFileSync(join(dir, file), "utf8"));
      if (source === undefined) continue;
      const located = locate(scanAlloy(source));
      const diags = readFileSync(join(dir, file.replace(/\.txtar$/, ".diags")), "utf8");
      for (const match of diags.matchAll(/main\.alloy:(\d+):\d+: (missing required attribute|missing required block|unrecognized attribute name) "([^"]+)"/g)) {
        const at = located.get(Number(match[1]));
        if (!at) continue;
        const where = `${file}:${match[1]} ${at.trail}`;
        if (match[2] === "missing required attribute") {
          expect(findAttribute(at.body, match[3])?.required, `${where} requires ${match[3]}`).toBe(true);
        } else if (match[2] === "missing required block") {
          expect(childBlocks(at.root, at.body).find((b) => b.name === match[3])?.required, `${where} requires block ${match[3]}`).toBe(true);
        } else {
          expect(findAttribute(at.body, match[3]), `${where} rejects ${match[3]}`).toBeUndefined();
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
