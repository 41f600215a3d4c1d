// Catalog load cost. What a CLI run or a starting language server pays is the first use in a fresh process
// (cold heap, lazy compilation), so each case runs in its own `node` process, several times, and the median
// is reported. Every figure includes importing the package (the data module holds all releases, as strings
// that are parsed a record at a time: a component's head when it is named or listed, its body when its
// lists are first read). Per release: the components of a typical config read in full; the whole catalog of
// that release (`getCatalog()`: every component and config block, their lists read on first use); and, for
// comparison, that catalog with every component's and config block's lists read, as the language server's
// first completion list does. Target: loading a release's catalog (the first two) in <= 30 ms.
import { execFileSync } from "node:child_process";
import { availableAlloyVersions, catalogVersion } from "../dist/index.js";

const runs = Number(process.env.CATALOG_BENCH_RUNS ?? 7);
const moduleUrl = new URL("../dist/index.js", import.meta.url).href;

/** Components of a typical Kubernetes metrics, logs and traces pipeline (all in every release since v1.0). */
const typicalComponents = [
  "prometheus.scrape",
  "prometheus.remote_write",
  "prometheus.relabel",
  "prometheus.exporter.unix",
  "prometheus.operator.servicemonitors",
  "discovery.kubernetes",
  "discovery.relabel",
  "loki.source.kubernetes",
  "loki.source.file",
  "loki.write",
  "loki.process",
  "loki.relabel",
  "local.file_match",
  "otelcol.receiver.otlp",
  "otelcol.exporter.otlp",
  "otelcol.processor.batch",
  "otelcol.processor.memory_limiter",
  "otelcol.processor.k8sattributes",
  "otelcol.exporter.prometheus",
  "otelcol.auth.basic",
];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/** Milliseconds from before the import to the end of `body`, in a fresh process. */
function freshProcessMs(body) {
  const script =
    `const start = performance.now(); const catalog = await import(${JSON.stringify(moduleUrl)});` +
    `${body} process.stdout.write(String(performance.now() - start));`;
  return Number(execFileSync(process.execPath, ["--input-type=module", "-e", script]));
}

function measure(label, body) {
  const times = Array.from({ length: runs }, () => freshProcessMs(body));
  console.log(`${label}: median ${median(times).toFixed(1)} ms (of ${runs}, best ${Math.min(...times).toFixed(1)} ms)`);
  return median(times);
}

measure("import only", "");
measure(`first getComponent("prometheus.scrape") at ${catalogVersion}`, `catalog.getComponent("prometheus.scrape");`);
console.log("\nper release, in a fresh process each:");
let worst = 0;
let worstFull = 0;
for (const version of availableAlloyVersions) {
  const v = JSON.stringify(version);
  const typical = measure(`  ${version.padEnd(13)} ${typicalComponents.length} typical components`, `for (const name of ${JSON.stringify(typicalComponents)}) catalog.getComponent(name, ${v}).attributes;`);
  const whole = measure(`  ${version.padEnd(13)} getCatalog() whole       `, `catalog.getCatalog(${v});`);
  const full = measure(
    `  ${version.padEnd(13)} every list read         `,
    `const c = catalog.getCatalog(${v}); for (const s of [...c.components, ...c.configBlocks]) s.attributes;`,
  );
  worst = Math.max(worst, typical, whole);
  worstFull = Math.max(worstFull, full);
}
console.log(`\nslowest per-release median, loading: ${worst.toFixed(1)} ms (target <= 30 ms)`);
console.log(`slowest per-release median, every list read: ${worstFull.toFixed(1)} ms`);
