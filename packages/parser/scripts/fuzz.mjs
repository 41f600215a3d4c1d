// `pnpm fuzz [cases] [firstSeed]`: parses a million (by default) random and mutated inputs with the built
// parser and reports throws, unsound ranges, and the slowest case; then reparses a tenth as many edited
// corpus files and compares each with a full parse. Exit code 1 on any failure.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, reparse, walk } from "../dist/index.js";
import { checkParse, checkReparse, fuzzCase, reparseCase } from "./fuzz-cases.mjs";

const cases = Number(process.argv[2] ?? 1_000_000);
const firstSeed = Number(process.argv[3] ?? 1);
const corpusRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../shared/corpus");
const pool = [];
if (existsSync(corpusRoot)) {
  for (const source of readdirSync(corpusRoot)) {
    const dir = join(corpusRoot, source);
    if (source === "validator" || source === "bench" || !statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir)) if (f.endsWith(".alloy")) pool.push(readFileSync(join(dir, f), "utf8"));
  }
} else {
  console.warn(`../shared/corpus not found at ${corpusRoot}: fuzzing without mutated corpus files`);
}

const started = performance.now();
let failures = 0;
let bytes = 0;
let slowest = { ms: 0, seed: 0, length: 0 };
for (let seed = firstSeed; seed < firstSeed + cases; seed++) {
  const text = fuzzCase(seed, pool);
  bytes += text.length;
  const t0 = performance.now();
  let problem;
  try {
    problem = checkParse(text, parse(text), walk);
  } catch (error) {
    problem = `threw ${error.stack}`;
  }
  const ms = performance.now() - t0;
  if (ms > slowest.ms) slowest = { ms, seed, length: text.length };
  if (problem) {
    failures++;
    if (failures <= 20) console.log(`seed ${seed}: ${problem}\n  input ${JSON.stringify(text.slice(0, 300))}`);
  }
  if ((seed - firstSeed + 1) % 100_000 === 0) console.log(`… ${seed - firstSeed + 1} cases`);
}
const seconds = (performance.now() - started) / 1000;
console.log(
  `fuzz: ${cases} cases (seeds ${firstSeed}–${firstSeed + cases - 1}), ${(bytes / 1e6).toFixed(1)} MB, ` +
    `${seconds.toFixed(1)} s; slowest case ${slowest.ms.toFixed(1)} ms (seed ${slowest.seed}, ${slowest.length} chars)`,
);
console.log(`fuzz: ${cases - failures} passed, ${failures} failed`);

const reparseCases = Math.ceil(cases / 10);
const reparseStarted = performance.now();
let reparseFailures = 0;
for (let seed = firstSeed; seed < firstSeed + reparseCases; seed++) {
  const { before, after } = reparseCase(seed, pool);
  const problem = checkReparse(before, after, parse, reparse);
  if (problem) {
    reparseFailures++;
    if (reparseFailures <= 20) console.log(`reparse seed ${seed}: ${problem}\n  edited input ${JSON.stringify(after.slice(0, 300))}`);
  }
}
console.log(
  `fuzz reparse: ${reparseCases} edited inputs, ${((performance.now() - reparseStarted) / 1000).toFixed(1)} s; ` +
    `${reparseCases - reparseFailures} equal to a full parse, ${reparseFailures} differ`,
);
process.exit(failures || reparseFailures ? 1 : 0);
