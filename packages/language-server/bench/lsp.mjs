// `pnpm bench` (language server): drives the built server over stdio on a generated 10,000-line config and
// prints edit → published diagnostics p50/p95, completion p50/p95, hover p95, cold start to first
// diagnostics (of the bin, and of the extension's bundle when built) and the server's peak RSS.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require("vscode-jsonrpc/node");

const TARGET_LINES = 10_000;
const EDITS = Number(process.env.BENCH_EDITS ?? 300);

/** One realistic slice of a Kubernetes metrics + logs pipeline, relabelled per copy. */
function slice(i) {
  return `// Team ${i}: pods, logs and metrics.
discovery.kubernetes "pods_${i}" {
	role = "pod"

	namespaces {
		names = ["team-${i}"]
	}

	selectors {
		role  = "pod"
		label = "app.kubernetes.io/part-of=team-${i}"
	}
}

discovery.relabel "pods_${i}" {
	targets = discovery.kubernetes.pods_${i}.targets

	rule {
		source_labels = ["__meta_kubernetes_pod_annotation_prometheus_io_scrape"]
		regex         = "true"
		action        = "keep"
	}

	rule {
		source_labels = ["__meta_kubernetes_namespace"]
		target_label  = "namespace"
	}

	rule {
		source_labels = ["__meta_kubernetes_pod_name"]
		target_label  = "pod"
	}
}

prometheus.scrape "pods_${i}" {
	targets         = discovery.relabel.pods_${i}.output
	forward_to      = [prometheus.remote_write.default.receiver]
	scrape_interval = "30s"
	job_name        = string.format("team-%d", ${i})

	clustering {
		enabled = true
	}
}

loki.source.kubernetes "pods_${i}" {
	targets    = discovery.relabel.pods_${i}.output
	forward_to = [loki.process.pods_${i}.receiver]
}

loki.process "pods_${i}" {
	forward_to = [loki.write.default.receiver]

	stage.json {
		expressions = { level = "level", msg = "msg" }
	}

	stage.labels {
		values = { level = "" }
	}
}

`;
}

function buildConfig() {
  let text = `logging {
	level  = "info"
	format = "logfmt"
}

prometheus.remote_write "default" {
	endpoint {
		url = sys.env("REMOTE_WRITE_URL")
	}
}

loki.write "default" {
	endpoint {
		url = sys.env("LOKI_URL")
	}
}

`;
  let i = 0;
  while (text.split("\n").length < TARGET_LINES) text += slice(i++);
  return text;
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (n) => `${n.toFixed(2)} ms`;

const text = buildConfig();
if (process.env.BENCH_WRITE_CONFIG) (await import("node:fs")).writeFileSync(process.env.BENCH_WRITE_CONFIG, text);
const lines = text.split("\n");
const uri = pathToFileURL(join(here, "..", "test", "fixtures", "scratch", "bench", "large.alloy")).toString();
// BENCH_SERVER=path runs another build of the server (e.g. the extension's bundled extension/dist/server.js).
const serverBin = process.env.BENCH_SERVER ?? join(here, "..", "bin", "alloy-language-server.js");

// BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server; BENCH_TIMELINE=1 prints where its
// cold start goes (cold-start-timeline.cjs).
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
// BENCH_SERVER_NODE=path runs the server under another Node than the bench's.
const serverNode = process.env.BENCH_SERVER_NODE ?? process.execPath;
if (process.env.BENCH_TIMELINE) nodeArgs.unshift("--require", join(here, "cold-start-timeline.cjs"));

/**
 * Spawns a server, initializes it and opens the config. Resolves once the first diagnostics of the config
 * are published, with the time from spawning to then.
 */
async function startServer(path, args = nodeArgs, env = process.env) {
  const started = performance.now();
  const server = spawn(serverNode, [...args, path, "--stdio"], { stdio: ["pipe", "pipe", "inherit"], env });
  const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const waiters = new Map();
  let first;
  connection.onNotification("textDocument/publishDiagnostics", (params) => {
    if (params.uri !== uri) return;
    first ??= { at: performance.now(), count: params.diagnostics.length };
    const waiter = waiters.get(params.version);
    if (waiter) {
      waiters.delete(params.version);
      waiter(params);
    }
  });
  connection.listen();
  const diagnosticsFor = (version) => new Promise((resolve) => waiters.set(version, resolve));
  await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { diagnosticsDelay: 0 } });
  connection.sendNotification("initialized", {});
  const firstVersion = diagnosticsFor(1);
  connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "alloy", version: 1, text } });
  await firstVersion;
  return { server, connection, diagnosticsFor, coldStart: first.at - started, firstCount: first.count };
}

async function stopServer({ server, connection }) {
  const exited = new Promise((resolve) => server.once("exit", resolve));
  await connection.sendRequest("shutdown");
  connection.sendNotification("exit");
  await exited;
  connection.dispose();
}

// Cold starts, five of each (one sample is noisy), before the long session below loads this process: the
// server, and the extension's bundle when it is built.
const median = (values) => [...values].sort((x, y) => x - y)[values.length >> 1];
const describeStarts = (times) => `median ${ms(median(times))} of ${times.length} (${ms(Math.min(...times))} – ${ms(Math.max(...times))})`;
const coldStartTimes = async (path, env = process.env, count = 5) => {
  const times = [];
  for (let k = 0; k < count; k++) {
    const started = await startServer(path, [], env);
    times.push(started.coldStart);
    await stopServer(started);
  }
  return times;
};
const coldStarts = async (path, env = process.env) => describeStarts(await coldStartTimes(path, env));
// The bin compiles the bundle with the V8 code cache the build wrote; the same bundle run by node itself
// compiles from source. Alternated start by start, so that the machine's drift falls on both alike.
const bundled = join(here, "..", "dist", "alloy-language-server.cjs");
const withCache = [];
const withoutCache = [];
const compareCache = !process.env.BENCH_SERVER && existsSync(bundled);
for (let k = 0; k < 7; k++) {
  withCache.push(...(await coldStartTimes(serverBin, process.env, 1)));
  if (compareCache) withoutCache.push(...(await coldStartTimes(bundled, process.env, 1)));
}
const serverColdStarts = describeStarts(withCache);
// Node 20 reads the certificates NODE_EXTRA_CA_CERTS names as it starts, before any of the server's code runs
// (Node 22 and later, VS Code's runtime among them, only when TLS is first used): where the variable is set,
// the starts without it show what that costs.
let withoutExtraCaCerts;
if (process.env.NODE_EXTRA_CA_CERTS) {
  const { NODE_EXTRA_CA_CERTS: _, ...env } = process.env;
  withoutExtraCaCerts = await coldStarts(serverBin, env);
}
const bundle = join(here, "..", "..", "..", "extension", "dist", "server.js");
// The extension's server keeps its code cache where the client says (its global storage): a first start
// (not counted) writes it as the server exits, as after a first VS Code session.
let bundleColdStarts;
if (!process.env.BENCH_SERVER && existsSync(bundle)) {
  const cacheDir = mkdtempSync(join(tmpdir(), "alloy-bench-code-cache-"));
  const env = { ...process.env, ALLOY_LANGUAGE_SERVER_CODE_CACHE_DIR: cacheDir };
  await stopServer(await startServer(bundle, [], env));
  bundleColdStarts = await coldStarts(bundle, env);
  rmSync(cacheDir, { recursive: true, force: true });
}

const { server, connection, diagnosticsFor, coldStart, firstCount } = await startServer(serverBin);
const firstDiagnostics = { count: firstCount };

// Edit → diagnostics: typing in a scrape interval somewhere in the file — insert a character ("30s" →
// "300s"), then delete it again — so that every edit moves the rest of the file by one character.
const intervalLines = lines.flatMap((line, n) => (line.includes('scrape_interval = "30s"') ? [n] : []));
let version = 1;
/** Sends `count` edits, each typing or deleting `typed` at the `offset`-th character of "30s" on one of the interval lines. */
async function timeEdits(count, typed, offset, skipLine = -1) {
  const times = [];
  for (let e = 0; e < count; e++) {
    let line = intervalLines[(Math.floor(e / 2) * 7919) % intervalLines.length];
    if (line === skipLine) line = intervalLines[(intervalLines.indexOf(line) + 1) % intervalLines.length];
    const character = lines[line].indexOf('"30s"') + offset;
    version++;
    const published = diagnosticsFor(version);
    const t0 = performance.now();
    const change =
      e % 2 === 0
        ? { range: { start: { line, character }, end: { line, character } }, text: typed }
        : { range: { start: { line, character }, end: { line, character: character + typed.length } }, text: "" };
    connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [change] });
    await published;
    times.push(performance.now() - t0);
  }
  return times;
}
const editTimes = await timeEdits(EDITS, "0", 2);

// Completion: inside a component body (arguments not yet set) and in a reference position.
const bodyLines = lines.flatMap((line, n) => (line.startsWith('prometheus.scrape "') ? [n + 1] : []));
const forwardLines = lines.flatMap((line, n) => (line.includes("forward_to      = [") ? [n] : []));
const completionTimes = [];
for (let k = 0; k < 200; k++) {
  const position =
    k % 2 === 0
      ? { line: bodyLines[(k * 31) % bodyLines.length], character: 1 }
      : { line: forwardLines[(k * 31) % forwardLines.length], character: lines[forwardLines[0]].indexOf("[") + 1 };
  const t0 = performance.now();
  await connection.sendRequest("textDocument/completion", { textDocument: { uri }, position });
  completionTimes.push(performance.now() - t0);
}

// Completion right after an edit (parse and model rebuilt on demand).
const completionAfterEdit = [];
for (let k = 0; k < 100; k++) {
  const line = intervalLines[(k * 104729) % intervalLines.length];
  const character = lines[line].indexOf('"30s"') + 1;
  version++;
  const published = diagnosticsFor(version);
  connection.sendNotification("textDocument/didChange", {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: String(k % 2 === 0 ? 5 : 3) }],
  });
  const t0 = performance.now();
  await connection.sendRequest("textDocument/completion", { textDocument: { uri }, position: { line: forwardLines[k % forwardLines.length], character: lines[forwardLines[0]].indexOf("[") + 1 } });
  completionAfterEdit.push(performance.now() - t0);
  await published;
}

// Hover: component names and references.
const hoverTimes = [];
const referenceLines = lines.flatMap((line, n) => (line.includes("targets         = discovery.relabel") ? [n] : []));
for (let k = 0; k < 200; k++) {
  const position = k % 2 === 0 ? { line: bodyLines[(k * 17) % bodyLines.length] - 1, character: 5 } : { line: referenceLines[(k * 17) % referenceLines.length], character: 30 };
  const t0 = performance.now();
  await connection.sendRequest("textDocument/hover", { textDocument: { uri }, position });
  hoverTimes.push(performance.now() - t0);
}

// Edits while the file has a syntax error: a quote typed and deleted before "30s" (every other version has
// an unterminated string), then typing as above while another line keeps an error.
const breakingEditTimes = await timeEdits(EDITS, '"', 0);
const brokenLine = intervalLines[intervalLines.length >> 1];
const brokenAt = { line: brokenLine, character: lines[brokenLine].indexOf('"30s"') + 5 };
version++;
const broken = diagnosticsFor(version);
connection.sendNotification("textDocument/didChange", {
  textDocument: { uri, version },
  contentChanges: [{ range: { start: brokenAt, end: brokenAt }, text: " 1" }],
});
await broken;
const withErrorTimes = await timeEdits(EDITS, "0", 2, brokenLine);

let peakRss = "n/a";
try {
  const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
  if (kb) peakRss = `${(kb / 1024).toFixed(1)} MB`;
} catch {
  peakRss = "n/a (no /proc)";
}

await stopServer({ server, connection });

const serverNodeVersion = spawnSync(serverNode, ["-p", "process.version"], { encoding: "utf8" }).stdout.trim();
console.log(`config: ${lines.length} lines, ${(text.length / 1024).toFixed(0)} KB, ${firstDiagnostics.count} diagnostics; server on Node ${serverNodeVersion}`);
console.log(`cold start → first diagnostics: ${ms(coldStart)}; more starts: ${serverColdStarts} (target ≤ 400 ms)`);
if (withoutCache.length > 0) {
  const saved = withCache.map((t, k) => withoutCache[k] - t);
  console.log(`  the bundle without its code cache (node dist/alloy-language-server.cjs), alternated with those: ${describeStarts(withoutCache)}; the cache saves a median ${ms(median(saved))} a start`);
}
if (withoutExtraCaCerts) {
  console.log(`  the same without NODE_EXTRA_CA_CERTS (set here; Node 20 reads those certificates as it starts): ${withoutExtraCaCerts}`);
}
if (bundleColdStarts) console.log(`  the VS Code extension's server (extension/dist/server.js, with its code cache): ${bundleColdStarts}`);
console.log(`edit → published diagnostics (${EDITS} edits): p50 ${ms(percentile(editTimes, 50))}, p95 ${ms(percentile(editTimes, 95))} (target p95 ≤ 20 ms)`);
console.log(`  typing that opens and closes a string (${EDITS} edits, every other one with an error): p50 ${ms(percentile(breakingEditTimes, 50))}, p95 ${ms(percentile(breakingEditTimes, 95))}`);
console.log(`  typing while another line has a syntax error (${EDITS} edits): p50 ${ms(percentile(withErrorTimes, 50))}, p95 ${ms(percentile(withErrorTimes, 95))}`);
console.log(`completion (warm, 200): p50 ${ms(percentile(completionTimes, 50))}, p95 ${ms(percentile(completionTimes, 95))} (target p95 ≤ 10 ms)`);
console.log(`completion right after an edit (100): p50 ${ms(percentile(completionAfterEdit, 50))}, p95 ${ms(percentile(completionAfterEdit, 95))}`);
console.log(`hover (200): p50 ${ms(percentile(hoverTimes, 50))}, p95 ${ms(percentile(hoverTimes, 95))}`);
console.log(`server peak RSS: ${peakRss}`);
