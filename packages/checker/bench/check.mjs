// Parse + check of ../shared/corpus/bench/large.alloy end to end on the built package; prints MB/s and ms.
// The file is syntactically valid but semantically a mess, so the diagnostic count is printed too.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { check, formatText } from "../dist/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "shared", "corpus", "bench", "large.alloy");
if (!existsSync(root)) {
  console.log(`skipped: ${root} not found`);
  process.exit(0);
}
const text = readFileSync(root, "utf8");
const bytes = Buffer.byteLength(text);
const options = { stabilityLevel: "experimental" };

check([{ filename: "large.alloy", text }], options); // warm-up
const runs = [];
let diagnostics = [];
for (let i = 0; i < 5; i++) {
  globalThis.gc?.();
  const start = performance.now();
  diagnostics = check([{ filename: "large.alloy", text }], options).diagnostics;
  runs.push(performance.now() - start);
}
runs.sort((a, b) => a - b);
const median = runs[Math.floor(runs.length / 2)];
console.log(
  `check large.alloy (${(bytes / 1e6).toFixed(1)} MB, ${text.split("\n").length} lines): median ${median.toFixed(0)} ms, ` +
    `${(bytes / 1e6 / (median / 1000)).toFixed(1)} MB/s, ${diagnostics.length} diagnostics`,
);

// Printing those diagnostics as Alloy does (alloylint's text output): the lines around each one.
const sources = new Map([["large.alloy", text]]);
const printRuns = [];
for (let i = 0; i < 5; i++) {
  const start = performance.now();
  formatText(diagnostics, sources);
  printRuns.push(performance.now() - start);
}
printRuns.sort((a, b) => a - b);
console.log(`formatText of those ${diagnostics.length} diagnostics: median ${printRuns[2].toFixed(0)} ms`);

// A typical editor-sized file: the first ~10,000 lines.
const lines = text.split("\n");
let cut = 10000;
while (cut < lines.length && !/^\S.*\{\s*$/.test(lines[cut])) cut++;
const small = lines.slice(0, cut).join("\n") + "\n";
const smallRuns = [];
for (let i = 0; i < 10; i++) {
  const start = performance.now();
  check([{ filename: "small.alloy", text: small }], options);
  smallRuns.push(performance.now() - start);
}
smallRuns.sort((a, b) => a - b);
console.log(`check first ${cut} lines: median ${smallRuns[5].toFixed(1)} ms`);

// Memory kept per analysis: derived values must die with their model (a WeakMap keyed by the model kept them
// alive through young-generation collections, promoting them with every analysis). Measured as the growth of
// the old generation over repeated analyses of one config, without forcing collections.
{
  const { getHeapSpaceStatistics } = await import("node:v8");
  let text = 'prometheus.remote_write "default" {\n\tendpoint {\n\t\turl = "http://mimir/api/v1/push"\n\t}\n}\n\n';
  for (let i = 0; i < 400; i++) {
    text += `discovery.kubernetes "pods_${i}" {\n\trole = "pod"\n}\n\n`;
    text += `prometheus.scrape "pods_${i}" {\n\ttargets    = discovery.kubernetes.pods_${i}.targets\n\tforward_to = [prometheus.remote_write.default.receiver]\n}\n\n`;
  }
  const oldSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === "old_space").space_used_size;
  for (let k = 0; k < 5; k++) check([{ filename: "main.alloy", text }]);
  const runs = 100;
  const before = oldSpace();
  for (let k = 0; k < runs; k++) check([{ filename: "main.alloy", text }]);
  const mb = (n) => (n / 1048576).toFixed(1);
  console.log(`old generation over ${runs} checks of an 800-component config: ${mb(before)} MB before, ${mb(oldSpace())} MB after (stays flat when nothing is kept per check)`);
}
