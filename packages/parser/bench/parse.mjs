// Parser throughput: the whole corpus, bench/large.alloy, and the pathological inputs of the limits test.
// Prints MB/s (best and median of several runs after warm-up) and where the time goes (scan vs parse).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PerformanceObserver, constants } from "node:perf_hooks";
import { parse } from "../dist/index.js";
import { Scanner } from "../dist/scanner.js";

const corpusRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../shared/corpus");
if (!existsSync(corpusRoot)) {
  console.log(`parser bench skipped: ${corpusRoot} not found`);
  process.exit(process.env.CI === "true" ? 1 : 0);
}

/** Garbage collections seen (start and duration in ms, whether a scavenge), to tell how much of a parse they take. */
const collections = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    collections.push([entry.startTime, entry.duration, entry.detail.kind === constants.NODE_PERFORMANCE_GC_MINOR]);
  }
}).observe({ entryTypes: ["gc"] });

/** The GC time (all, and scavenges alone) within [from, to). Entries arrive asynchronously: call after an await. */
function gcWithin(from, to) {
  let all = 0;
  let scavenges = 0;
  for (const [start, duration, minor] of collections) {
    if (start < from || start >= to) continue;
    all += duration;
    if (minor) scavenges += duration;
  }
  return { all, scavenges };
}

const medianOf = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

/** Median parse time of `texts`; `windows` gets each run's [start, end). */
function measure(label, texts, runs = 9, windows = []) {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  for (let i = 0; i < 2; i++) for (const t of texts) parse(t);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    for (const t of texts) parse(t);
    const t1 = performance.now();
    times.push(t1 - t0);
    windows.push([t0, t1]);
  }
  const [best, median] = [Math.min(...times), medianOf(times)];
  const mbps = (ms) => (bytes / 1e6 / (ms / 1000)).toFixed(1);
  console.log(
    `parse ${label}: ${(bytes / 1e6).toFixed(2)} MB, median ${median.toFixed(1)} ms (${mbps(median)} MB/s), ` +
      `best ${best.toFixed(1)} ms (${mbps(best)} MB/s)`,
  );
  return median;
}

const corpus = [];
for (const source of readdirSync(corpusRoot).sort()) {
  const dir = join(corpusRoot, source);
  if (source === "validator" || source === "bench" || !statSync(dir).isDirectory()) continue;
  for (const f of readdirSync(dir).sort()) if (f.endsWith(".alloy")) corpus.push(readFileSync(join(dir, f), "utf8"));
}
measure(`corpus (${corpus.length} files)`, corpus);

const large = readFileSync(join(corpusRoot, "bench/large.alloy"), "utf8");
const largeRuns = [];
const total = measure("bench/large.alloy", [large], 9, largeRuns);
await new Promise((resolve) => setTimeout(resolve, 10));
const gcTimes = largeRuns.map(([from, to]) => gcWithin(from, to));

const scanner = new Scanner();
const scanTimes = [];
for (let i = 0; i < 7; i++) {
  const t0 = performance.now();
  scanner.scan(large);
  scanTimes.push(performance.now() - t0);
}
const scan = medianOf(scanTimes);
console.log(
  `  where the time goes on large.alloy: scanning ${scan.toFixed(1)} ms ` +
    `(${((Buffer.byteLength(large) / 1e6) / (scan / 1000)).toFixed(1)} MB/s), building the AST ${(total - scan).toFixed(1)} ms; ` +
    `garbage collection during a parse (as perf_hooks reports it, median) ${medianOf(gcTimes.map((t) => t.all)).toFixed(0)} ms, ` +
    `of which scavenges ${medianOf(gcTimes.map((t) => t.scavenges)).toFixed(0)} ms (they copy the tree, which stays alive until the parse returns)`,
);

measure("10 MB string", [`x = "${"x".repeat(10 * 1024 * 1024)}"\n`], 3);
measure("1 MB line", [`x = [${Array.from({ length: 200_000 }, (_, i) => i).join(",")}]\n`], 3);
measure("100k comments", ["// c\n".repeat(50_000) + "/* c */ a = 1 /* d */\n".repeat(25_000)], 3);
