// Times tokenisation of the conformance corpus and of bench/large.alloy with the
// generated grammar (a timing script, not a test: the large file is too slow to
// snapshot and its time depends on the machine).
//
//   node scripts/bench.mjs [path/to/shared/corpus]
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import textmate from "vscode-textmate";
import { loadAlloyGrammar, tokenize } from "./textmate.mjs";
import { grammarsRoot } from "./build.mjs";

const corpusRoot = resolve(process.argv[2] ?? join(grammarsRoot, "..", "..", "shared", "corpus"));

function alloyFilesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(alloy|river)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** VS Code's own path: binary tokens, no scope-name arrays. */
function timeTokenizeBinary(grammar, text) {
  const started = performance.now();
  let state = textmate.INITIAL;
  for (const line of text.split(/\r?\n/)) state = grammar.tokenizeLine2(line, state).ruleStack;
  return performance.now() - started;
}

function timeTokenize(grammar, text) {
  const started = performance.now();
  const tokens = tokenize(grammar, text);
  return { ms: performance.now() - started, tokens: tokens.length };
}

const grammar = await loadAlloyGrammar();
const benchFile = join(corpusRoot, "bench", "large.alloy");
const files = alloyFilesUnder(corpusRoot).filter((file) => file !== benchFile);

// One untimed pass first: rules compile their scanners lazily and the JIT warms
// up, which would otherwise be charged to whichever files come first.
for (const file of files) tokenize(grammar, readFileSync(file, "utf8"));
const timings = files.map((file) => ({ file, ...timeTokenize(grammar, readFileSync(file, "utf8")) }));
timings.sort((a, b) => b.ms - a.ms);
const total = timings.reduce((sum, timing) => sum + timing.ms, 0);
console.log(`corpus: ${timings.length} files in ${total.toFixed(0)} ms; slowest:`);
for (const { file, ms, tokens } of timings.slice(0, 5)) {
  console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${tokens} tokens  ${relative(corpusRoot, file)}`);
}

const large = readFileSync(benchFile, "utf8");
const megabytes = Buffer.byteLength(large) / 1e6;
const { ms, tokens } = timeTokenize(grammar, large);
console.log(`bench/large.alloy: ${megabytes.toFixed(1)} MB, ${tokens} tokens`);
console.log(`  with scope names (tokenizeLine):  ${ms.toFixed(0)} ms (${(megabytes / (ms / 1000)).toFixed(2)} MB/s)`);
const binaryMs = timeTokenizeBinary(grammar, large);
console.log(`  binary, as VS Code (tokenizeLine2): ${binaryMs.toFixed(0)} ms (${(megabytes / (binaryMs / 1000)).toFixed(2)} MB/s)`);
