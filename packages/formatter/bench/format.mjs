#!/usr/bin/env node
// Formatter benchmark: parse+format throughput on ../shared/corpus/bench/large.alloy (and format alone), then
// the wall time of `alloyfmt --check` over the whole corpus folder. Runs the built dist: `pnpm build` first.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "@alloy-toolkit/parser";
import { format, formatParsed } from "../dist/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "..", "..", "..");
const corpus = process.env.ALLOY_CORPUS ?? resolve(repoRoot, "..", "shared", "corpus");
const largePath = join(corpus, "bench", "large.alloy");
if (!existsSync(largePath)) {
  console.error(`bench: ${largePath} not found (set ALLOY_CORPUS to the corpus folder)`);
  process.exit(2);
}

const text = readFileSync(largePath, "utf8");
const megabytes = Buffer.byteLength(text) / 1e6;
const WARMUP = 3;
const RUNS = 9;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/** Median wall time and median CPU time (user+sys of this process, less sensitive to a busy machine), in ms. */
function measure(run) {
  for (let i = 0; i < WARMUP; i++) run();
  const times = [];
  const cpuTimes = [];
  for (let i = 0; i < RUNS; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    run();
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  return { wall: median(times), cpu: median(cpuTimes) };
}

function rate(label, { wall, cpu }) {
  const perSecond = (ms) => (megabytes / (ms / 1000)).toFixed(1);
  console.log(`  ${label}  ${perSecond(wall)} MB/s  (${wall.toFixed(0)} ms wall; ${perSecond(cpu)} MB/s by CPU time)`);
}

const expected = readFileSync(join(corpus, "bench", "large.expect"), "utf8");
if (format(text) !== expected) console.warn("bench: warning: output differs from large.expect");

const total = measure(() => format(text));
const wholeTree = measure(() => formatParsed(parse(text)));
const parsed = parse(text);
const formatOnly = measure(() => formatParsed(parsed));
const parseOnly = measure(() => parse(text));
console.log(`large.alloy: ${megabytes.toFixed(2)} MB, median of ${RUNS} runs after ${WARMUP} warm-ups`);
rate("parse+format", total);
console.log("    (format(text): parses and prints the file a top-level section at a time; target ≥ 23 MB/s)");
rate("parse+format", wholeTree);
console.log("    (one parse of the whole file, then formatParsed of its tree: format(text) before it cut files into sections)");
rate("format alone", formatOnly);
rate("parse alone ", parseOnly);

const bin = resolve(here, "..", "..", "cli", "bin", "alloyfmt.js");
const times = [];
let status;
for (let i = 0; i < 3; i++) {
  const start = performance.now();
  const result = spawnSync(process.execPath, [bin, "--check", corpus], { encoding: "utf8", maxBuffer: 1 << 26 });
  times.push(performance.now() - start);
  status = result.status;
}
console.log(
  `alloyfmt --check ${corpus}: ${(median(times) / 1000).toFixed(2)} s wall (median of 3; exit ${status}: ` +
    "the corpus holds inputs that do not parse, reported as errors)",
);
