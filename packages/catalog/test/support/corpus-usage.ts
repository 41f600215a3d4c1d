import { childBlocks, getComponent, getConfigBlock, type BlockContainer } from "../../src/index.js";
import type { ScannedBlock } from "./alloy-scan.js";

export interface UsageTally {
  resolved: number;
  unresolved: string[];
  /** Top-level statements that are neither a catalogued component nor a config block (module components). */
  unknownStatements: string[];
}

/** Blocks whose body holds top-level statements (components, config blocks) rather than a schema. */
const STATEMENT_BODIES = new Set(["declare", "foreach>template"]);

/** Checks every attribute and block used in scanned statements against the catalog. */
export function tallyUsage(statements: ScannedBlock[], file: string, tally: UsageTally): void {
  for (const statement of statements) {
    const schema = getComponent(statement.name) ?? getConfigBlock(statement.name);
    if (!schema) {
      tally.unknownStatements.push(`${file}:${statement.line} ${statement.name}`);
      continue;
    }
    resolveBody(schema, schema, statement, [statement.name], file, tally);
  }
}

function resolveBody(
  root: BlockContainer,
  body: BlockContainer,
  scanned: ScannedBlock,
  trail: string[],
  file: string,
  tally: UsageTally,
): void {
  const trailKey = trail.length > 1 ? `${trail[0]}>${trail.slice(1).join(">")}` : trail[0];
  if (STATEMENT_BODIES.has(trailKey)) {
    tallyUsage(
      scanned.blocks.filter((b) => b.name.includes(".") || getConfigBlock(b.name)),
      file,
      tally,
    );
  }
  for (const attribute of scanned.attributes) {
    if (body.attributes.some((a) => a.name === attribute)) tally.resolved++;
    else tally.unresolved.push(`${file}:${scanned.line} ${[...trail, attribute].join(" > ")} (attribute)`);
  }
  const children = childBlocks(root, body);
  for (const block of scanned.blocks) {
    if (STATEMENT_BODIES.has(trailKey) && (block.name.includes(".") || getConfigBlock(block.name))) continue;
    const child = children.find((c) => c.name === block.name);
    if (!child) {
      tally.unresolved.push(`${file}:${block.line} ${[...trail, block.name].join(" > ")} (block)`);
      continue;
    }
    tally.resolved++;
    resolveBody(root, child, block, [...trail, block.name], file, tally);
  }
}
