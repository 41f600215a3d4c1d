// Catalog load cost. What a CLI run or a starting language server pays is the first use in a fresh process
// (cold heap, lazy compilation), so each case runs in its own `node` process, several times, and the median
// is reported: (a) the first getComponent, (b) the components of a typical config, (c) the whole catalog.
// For reference, the cost of parsing the whole file in a warm process.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { catalogFileUrl } from "../dist/index.js";

const runs = 9;
const moduleUrl = new URL("../dist/index.js", import.meta.url).href;

/** Components of a typical Kubernetes metrics, logs and traces pipeline. */
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

const cases = [
  ["(a) first getComponent(\"prometheus.scrape\")", `getComponent("prometheus.scrape");`],
  [`(b) ${typicalComponents.length} typical components`, `for (const name of ${JSON.stringify(typicalComponents)}) getComponent(name);`],
  ["(c) getCatalog() whole", "getCatalog();"],
];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

function freshProcessMs(body) {
  const script =
    `import { getCatalog, getComponent } from ${JSON.stringify(moduleUrl)};` +
    `const start = performance.now(); ${body} process.stdout.write(String(performance.now() - start));`;
  return Number(execFileSync(process.execPath, ["--input-type=module", "-e", script]));
}

for (const [name, body] of cases) {
  const times = Array.from({ length: runs }, () => freshProcessMs(body));
  console.log(`catalog ${name} in a fresh process: median ${median(times).toFixed(1)} ms (of ${runs}, best ${Math.min(...times).toFixed(1)} ms)`);
}

const url = catalogFileUrl();
const bytes = readFileSync(url).length;
const warm = Array.from({ length: 15 }, () => {
  const start = performance.now();
  JSON.parse(readFileSync(url, "utf8"));
  return performance.now() - start;
});
console.log(`catalog data ${(bytes / 1e6).toFixed(2)} MB; JSON.parse of the whole file in a warm process: median ${median(warm).toFixed(1)} ms`);
