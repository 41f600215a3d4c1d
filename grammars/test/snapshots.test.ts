import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { IGrammar } from "vscode-textmate";
import { beforeAll, describe, expect, it } from "vitest";
import { formatTokens, loadAlloyGrammar, tokenize } from "../scripts/textmate.mjs";
import { alloyCases, markdownCases } from "./support/cases.js";
import { expectTextSnapshot, snapshotRoot, testRoot, updatingSnapshots } from "./support/snapshot.js";

const repoRoot = join(testRoot, "..", "..");
const cases = alloyCases();

let grammar: IGrammar;
beforeAll(async () => {
  grammar = await loadAlloyGrammar();
});

describe("tokenisation snapshots", () => {
  for (const { input, snapshot } of cases) {
    it(relative(repoRoot, input), () => {
      expectTextSnapshot(snapshot, formatTokens(tokenize(grammar, readFileSync(input, "utf8"))));
    });
  }

  it.skipIf(updatingSnapshots)("has no snapshot left without its input", () => {
    const expected = new Set([...cases, ...markdownCases()].map((entry) => entry.snapshot));
    const orphans = readdirSync(snapshotRoot, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(snapshotRoot, join(entry.parentPath, entry.name)))
      .filter((name) => !expected.has(name));
    expect(orphans, "delete these snapshots or restore their inputs").toEqual([]);
  });
});
