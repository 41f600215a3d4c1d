// Parser throughput: the whole corpus, bench/large.alloy, and the pathological inputs of the limits test.
// Prints MB/s (best and median of several runs after warm-up) and where the time goes (scan vs parse, garbage
// collection, and the page faults of memory the process touches for the first time).
//
// Side by side in the same run: Alloy's own Go parser (built from ../shared/alloy-source when `go` is there;
// see bench/support/alloy-go.mjs) and, with PARSER_BASELINE set, another build of this parser (a path to its
// dist/index.js, or a git revision to build: see bench/support/baseline.mjs).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PerformanceObserver, constants } from "node:perf_hooks";
import { parse, statementCuts } from "../dist/index.js";
import { Scanner } from "../dist/scanner.js";
import { buildAlloyGo, runAlloyGo } from "./support/alloy-go.mjs";
import { loadBaseline } from "./support/baseline.mjs";

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

const minorPageFaults = () => process.resourceUsage().minorPageFault;

const mbps = (bytes, ms) => (bytes / 1e6 / (ms / 1000)).toFixed(1);

/** Median parse time of `texts`; `windows` gets each run's [start, end), `faults` its minor page faults. */
function measure(label, texts, runs = 9, windows = [], faults = [], parseText = parse) {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  for (let i = 0; i < 2; i++) for (const t of texts) parseText(t);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const f0 = minorPageFaults();
    const t0 = performance.now();
    for (const t of texts) parseText(t);
    const t1 = performance.now();
    faults.push(minorPageFaults() - f0);
    times.push(t1 - t0);
    windows.push([t0, t1]);
  }
  const [best, median] = [Math.min(...times), medianOf(times)];
  console.log(
    `parse ${label}: ${(bytes / 1e6).toFixed(2)} MB, median ${median.toFixed(1)} ms (${mbps(bytes, median)} MB/s), ` +
      `best ${best.toFixed(1)} ms (${mbps(bytes, best)} MB/s)`,
  );
  return median;
}

/**
 * This parser and the baseline on the same texts, their runs taken in turn (so that the machine's drift
 * touches both alike); prints each one's median and best and the ratio of medians.
 */
function compareWithBaseline(label, texts, baseline, runs = 9) {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const parsers = [
    ["this parser", parse],
    [`baseline (${baseline.label})`, baseline.parse],
  ];
  for (const [, parseText] of parsers) for (let i = 0; i < 2; i++) for (const t of texts) parseText(t);
  const times = parsers.map(() => []);
  for (let i = 0; i < runs; i++) {
    parsers.forEach(([, parseText], k) => {
      const t0 = performance.now();
      for (const t of texts) parseText(t);
      times[k].push(performance.now() - t0);
    });
  }
  parsers.forEach(([name], k) => {
    const [best, median] = [Math.min(...times[k]), medianOf(times[k])];
    console.log(
      `  ${label}, ${name}: median ${median.toFixed(1)} ms (${mbps(bytes, median)} MB/s), best ${best.toFixed(1)} ms (${mbps(bytes, best)} MB/s)`,
    );
  });
  console.log(`  ${label}: this parser takes ${(medianOf(times[0]) / medianOf(times[1])).toFixed(2)}× the baseline's time (medians)`);
}

const largePath = join(corpusRoot, "bench/large.alloy");
const large = readFileSync(largePath, "utf8");
// The child run below: bench/large.alloy alone, under the young generation its parent gave it.
if (process.env.BENCH_PARSE_LARGE_ONLY) {
  measure(`bench/large.alloy (${process.execArgv.join(" ")})`, [large]);
  process.exit(0);
}

const corpus = [];
for (const source of readdirSync(corpusRoot).sort()) {
  const dir = join(corpusRoot, source);
  if (source === "validator" || source === "bench" || !statSync(dir).isDirectory()) continue;
  for (const f of readdirSync(dir).sort()) if (f.endsWith(".alloy")) corpus.push(readFileSync(join(dir, f), "utf8"));
}
measure(`corpus (${corpus.length} files)`, corpus);
const corpusPaths = [];
for (const source of readdirSync(corpusRoot).sort()) {
  const dir = join(corpusRoot, source);
  if (source === "validator" || source === "bench" || !statSync(dir).isDirectory()) continue;
  for (const f of readdirSync(dir).sort()) if (f.endsWith(".alloy")) corpusPaths.push(join(dir, f));
}

const largeRuns = [];
const largeFaults = [];
const total = measure("bench/large.alloy", [large], 9, largeRuns, largeFaults);
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

// statementCuts (the formatter's sections of a large file): one scan without positions, then the cuts.
const cutsTimes = [];
let cutCount = 0;
for (let i = 0; i < 9; i++) {
  const t0 = performance.now();
  cutCount = statementCuts(large)?.statements.length ?? 0;
  cutsTimes.push(performance.now() - t0);
}
console.log(`  statementCuts on large.alloy: ${medianOf(cutsTimes).toFixed(1)} ms median of 9 (best ${Math.min(...cutsTimes).toFixed(1)} ms; ${cutCount} statements)`);

// Most of that is not copying but the kernel handing the process fresh pages: the scavenger promotes the tree to
// old-generation pages that V8 mapped anew, and V8 gives pages back once a tree is dropped, so each parse of a
// large file touches tens of MB of memory for the first time. What one first touch of a MB costs on this machine:
const touchMB = 32;
const firstTouch = [];
const againTouch = [];
for (let i = 0; i < 3; i++) {
  let buffer = Buffer.allocUnsafeSlow(touchMB * 1024 * 1024);
  const t0 = performance.now();
  buffer.fill(1);
  const t1 = performance.now();
  buffer.fill(2);
  firstTouch.push(t1 - t0);
  againTouch.push(performance.now() - t1);
  buffer = undefined;
  globalThis.gc?.();
}
const msPerMB = medianOf(firstTouch) / touchMB;
const faultedMB = (medianOf(largeFaults) * 4096) / 1e6;
let retained = "";
if (globalThis.gc) {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = parse(large);
  gc();
  const heldMB = (process.memoryUsage().heapUsed - before) / 1e6;
  retained = `; its tree (${kept.ast.body.length} top-level statements) holds ${heldMB.toFixed(0)} MB of heap`;
}
console.log(
  `  memory touched for the first time: writing ${touchMB} MB of new memory takes ${medianOf(firstTouch).toFixed(0)} ms ` +
    `(${msPerMB.toFixed(2)} ms per MB; the same memory again ${medianOf(againTouch).toFixed(1)} ms). A parse of large.alloy ` +
    `takes ${medianOf(largeFaults)} page faults (median), ${faultedMB.toFixed(0)} MB of 4 KiB pages, about ` +
    `${(faultedMB * msPerMB).toFixed(0)} ms at that rate${retained}`,
);

// The same parse with a young generation that holds a whole tree (semi-spaces of 64 MB, set on the command line:
// V8 takes heap sizes only when it starts): trees die young, and the parse reuses pages it touched already.
const youngFlags = ["--min-semi-space-size=64", "--max-semi-space-size=64"];
const child = spawnSync(process.execPath, [...youngFlags, fileURLToPath(import.meta.url)], {
  env: { ...process.env, BENCH_PARSE_LARGE_ONLY: "1" },
  encoding: "utf8",
});
if (child.status !== 0) {
  process.stderr.write(child.stderr);
  process.exit(1);
}
process.stdout.write(child.stdout.replace(/^parse /, "  parse "));

const baseline = await loadBaseline();
if (baseline) {
  console.log(`side by side with ${baseline.label}:`);
  compareWithBaseline("corpus", corpus, baseline);
  compareWithBaseline("bench/large.alloy", [large], baseline);
  baseline.cleanup();
} else {
  console.log("no baseline parser to compare with (set PARSER_BASELINE to a built dist/index.js or a git revision)");
}

// Alloy's own parser (Go), on the same files in the same run.
const go = buildAlloyGo();
if ("skipped" in go) {
  console.log(`Alloy's Go parser skipped: ${go.skipped}`);
} else {
  const results = runAlloyGo(go.binary, "bench", {
    runs: 9,
    sets: [
      { name: `corpus (${corpusPaths.length} files)`, files: corpusPaths },
      { name: "bench/large.alloy", files: [largePath] },
    ],
  });
  for (const r of results) {
    console.log(
      `Alloy's Go parser, ${r.name}: ${(r.bytes / 1e6).toFixed(2)} MB, median ${r.medianMs.toFixed(1)} ms ` +
        `(${mbps(r.bytes, r.medianMs)} MB/s), best ${r.bestMs.toFixed(1)} ms (${mbps(r.bytes, r.bestMs)} MB/s)`,
    );
  }
  rmSync(go.dir, { recursive: true, force: true });
}

measure("10 MB string", [`x = "${"x".repeat(10 * 1024 * 1024)}"\n`], 3);
measure("1 MB line", [`x = [${Array.from({ length: 200_000 }, (_, i) => i).join(",")}]\n`], 3);
measure("100k comments", ["// c\n".repeat(50_000) + "/* c */ a = 1 /* d */\n".repeat(25_000)], 3);
