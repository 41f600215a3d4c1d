// `pnpm fuzz [cases] [firstSeed]`: parses a million (by default) random and mutated inputs with the built
// parser and reports throws, unsound ranges, and the slowest case; then reparses a tenth as many edited
// corpus files and compares each with a full parse; then a differential fuzz of mutated corpus inputs: edits
// that provably keep an accepted config valid or make it invalid (accept/reject must follow), and, when Go is
// installed, the full error list of a tenth as many fuzz inputs against Alloy's own Go parser. Exit code 1 on
// any failure.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { rmSync } from "node:fs";
import { buildAlloyGo, runAlloyGo } from "../bench/support/alloy-go.mjs";
import { parse, reparse, walk } from "../dist/index.js";
import { alloyDiagnostics, checkParse, checkReparse, fuzzCase, hasLoneSurrogate, reparseCase, validityCase } from "./fuzz-cases.mjs";

const cases = Number(process.argv[2] ?? 1_000_000);
const firstSeed = Number(process.argv[3] ?? 1);
const corpusRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../shared/corpus");
const pool = [];
const accepted = [];
if (existsSync(corpusRoot)) {
  for (const source of readdirSync(corpusRoot).sort()) {
    const dir = join(corpusRoot, source);
    if (source === "validator" || source === "bench" || !statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith(".alloy")) continue;
      const text = readFileSync(join(dir, f), "utf8");
      pool.push(text);
      if (existsSync(join(dir, f.replace(/\.alloy$/, ".expect")))) accepted.push(text);
    }
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

// Differential: edits with a known answer, on the corpus inputs Alloy accepts.
let validityFailures = 0;
const validityCases = accepted.length > 0 ? Math.ceil(cases / 10) : 0;
const counts = { valid: 0, invalid: 0 };
for (let seed = firstSeed; seed < firstSeed + validityCases; seed++) {
  const { text, valid } = validityCase(seed, accepted);
  counts[valid ? "valid" : "invalid"]++;
  const errors = parse(text).diagnostics.length;
  if ((errors === 0) !== valid) {
    validityFailures++;
    if (validityFailures <= 20) console.log(`validity seed ${seed}: ${valid ? "rejected a valid" : "accepted an invalid"} edit\n  input ${JSON.stringify(text.slice(0, 300))}`);
  }
}
console.log(
  `fuzz differential (mutated corpus inputs): ${counts.valid} edits keeping validity, ${counts.invalid} breaking it; ` +
    `${validityCases - validityFailures} accepted or rejected as they must be, ${validityFailures} not`,
);

// Differential against Alloy's own parser: every error, its position and its order.
let goFailures = 0;
const go = buildAlloyGo();
if ("skipped" in go) {
  console.log(`fuzz against Alloy's Go parser skipped: ${go.skipped}`);
} else {
  const goCases = Math.ceil(cases / 10);
  let same = 0;
  let unicode = 0;
  let surrogates = 0;
  const batch = 20_000;
  for (let from = firstSeed; from < firstSeed + goCases; from += batch) {
    const texts = [];
    for (let seed = from; seed < Math.min(from + batch, firstSeed + goCases); seed++) texts.push(fuzzCase(seed, pool));
    const alloy = runAlloyGo(go.binary, "errors", texts);
    texts.forEach((text, k) => {
      // Not comparable: half a surrogate pair decodes from no UTF-8 file; and a character that Node's Unicode
      // tables assign but that Go's older ones do not is a letter or printable to one scanner only.
      if (hasLoneSurrogate(text)) return void surrogates++;
      if (alloy.unassigned[k].some((cp) => !/\p{Cn}/u.test(String.fromCodePoint(cp)))) return void unicode++;
      const ours = alloyDiagnostics(parse(text));
      if (ours.join("\n") === alloy.diagnostics[k].join("\n")) return void same++;
      goFailures++;
      if (goFailures <= 20) {
        console.log(`against Alloy, seed ${from + k}:\n  input ${JSON.stringify(text.slice(0, 300))}\n  ours  ${JSON.stringify(ours)}\n  Alloy ${JSON.stringify(alloy.diagnostics[k])}`);
      }
    });
  }
  rmSync(go.dir, { recursive: true, force: true });
  console.log(
    `fuzz against Alloy's Go parser: ${goCases} inputs, ${same} with the same error list, ${goFailures} different; ` +
      `not compared: ${unicode} with characters newer than Go's Unicode tables, ${surrogates} with half a surrogate pair`,
  );
}
process.exit(failures || reparseFailures || validityFailures || goFailures ? 1 : 0);
