import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { testRoot } from "./snapshot.js";

/** An input file and the name of its snapshot under `test/snapshots/`. */
export interface SnapshotCase {
  input: string;
  snapshot: string;
}

export const fixturesDir = join(testRoot, "fixtures");
export const examplesDir = join(testRoot, "..", "..", "examples");

function filesUnder(dir: string, extension: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Our tricky fixtures (`fixtures/*.alloy`) and every `examples/**\/*.alloy` of the repo. */
export function alloyCases(): SnapshotCase[] {
  const fixtures = readdirSync(fixturesDir)
    .filter((name) => name.endsWith(".alloy"))
    .sort()
    .map((name) => ({ input: join(fixturesDir, name), snapshot: name.replace(/\.alloy$/, ".snap.txt") }));
  const examples = filesUnder(examplesDir, ".alloy").map((input) => ({
    input,
    snapshot: `examples/${relative(examplesDir, input)}.snap.txt`,
  }));
  return [...fixtures, ...examples];
}

/** Markdown documents with fenced blocks, tokenised with the injection. */
export function markdownCases(): SnapshotCase[] {
  const dir = join(fixturesDir, "markdown");
  return filesUnder(dir, ".md").map((input) => ({
    input,
    snapshot: `markdown/${relative(dir, input).replace(/\.md$/, ".snap.txt")}`,
  }));
}
