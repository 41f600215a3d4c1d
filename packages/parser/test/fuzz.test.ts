import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../../test/support/corpus.js";
import { sharedPath } from "../../../test/support/shared.js";
// @ts-expect-error plain ESM module shared with `pnpm fuzz`
import { checkParse, fuzzCase, validityCase } from "../scripts/fuzz-cases.mjs";
import { parse, walk } from "../src/index.js";

const CASES = 24_000;
const corpusRoot = sharedPath("corpus");
const corpus = corpusRoot ? loadCorpus(corpusRoot) : [];
const pool: string[] = corpus.map((c) => c.text);
const accepted: string[] = corpus.filter((c) => c.expect !== undefined).map((c) => c.text);
if (!corpusRoot) console.warn("[partly skipped] parser fuzz: ../shared/corpus not found; fuzzing without mutated corpus files");

describe("parser under random and mutated input", () => {
  it(`never throws, terminates, and keeps every range inside the text (${CASES} cases)`, () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= CASES; seed++) {
      const text: string = fuzzCase(seed, pool);
      let problem: string | undefined;
      try {
        problem = checkParse(text, parse(text), walk);
      } catch (error) {
        problem = `threw ${(error as Error).stack}`;
      }
      if (problem) failures.push(`seed ${seed}: ${problem} — input ${JSON.stringify(text.slice(0, 200))}`);
      if (failures.length >= 5) break;
    }
    expect(failures).toEqual([]);
  });
});

describe("parser under edits of accepted configs with a known answer", () => {
  const CASES = 4_000;
  it.skipIf(accepted.length === 0)(`accepts every edit that keeps a config valid and rejects every one that breaks it (${CASES} cases)`, () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= CASES && failures.length < 5; seed++) {
      const { text, valid } = validityCase(seed, accepted) as { text: string; valid: boolean };
      if ((parse(text).diagnostics.length === 0) !== valid) failures.push(`seed ${seed} (${valid ? "valid" : "invalid"}): ${JSON.stringify(text.slice(0, 200))}`);
    }
    expect(failures).toEqual([]);
  });
});
