// `pnpm fuzz:format [variants] [firstSeed]`: the differential fuzz of the built formatter against Alloy's outputs
// (see fuzz-cases.mjs) at scale: each seed picks a corpus input and changes its whitespace; the formatter must
// give the input's `.expect`, or reject it when Alloy does. 100,000 variants by default. Exit code 1 on any failure.
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, walk } from "@alloy-toolkit/parser";
import { format } from "../dist/index.js";
import { seededRandom } from "../../../test/support/random.mjs";
import { checkVariant, fuzzInputs, variantOf } from "./fuzz-cases.mjs";

const variants = Number(process.argv[2] ?? 100_000);
const firstSeed = Number(process.argv[3] ?? 1);
const corpusRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../shared/corpus");
if (!existsSync(corpusRoot)) {
  console.error(`../shared/corpus not found at ${corpusRoot}: the differential fuzz needs Alloy's outputs`);
  process.exit(2);
}

const inputs = fuzzInputs(corpusRoot, parse);

const started = performance.now();
let failures = 0;
let rejected = 0;
for (let seed = firstSeed; seed < firstSeed + variants; seed++) {
  const rand = seededRandom(seed);
  const input = inputs[Math.floor(rand() * inputs.length)];
  const variant = variantOf(rand, input, { parse, walk });
  if (input.expect === undefined) rejected++;
  const problem = checkVariant(format, variant.text, variant.expect);
  if (problem) {
    failures++;
    if (failures <= 20) console.log(`seed ${seed} (${input.id}): ${problem}\n  variant ${JSON.stringify(variant.text.slice(0, 300))}`);
  }
  if ((seed - firstSeed + 1) % 10_000 === 0) console.log(`… ${seed - firstSeed + 1} variants`);
}
const seconds = (performance.now() - started) / 1000;
console.log(
  `fuzz:format: ${variants} variants of ${inputs.length} corpus inputs and outputs (seeds ${firstSeed}–${firstSeed + variants - 1}; ` +
    `${rejected} of inputs Alloy rejects), ${seconds.toFixed(1)} s`,
);
console.log(`fuzz:format: ${variants - failures} passed, ${failures} failed`);
process.exitCode = failures > 0 ? 1 : 0;
