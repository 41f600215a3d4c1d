// Catalog load cost: reading and parsing the committed JSON (target: under 30 ms), and its size; plus the
// first load in a fresh process (cold heap and file), which is what a CLI or a starting language server pays.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { catalogFileUrl } from "../dist/index.js";

const url = catalogFileUrl();
const bytes = readFileSync(url).length;
const runs = [];
for (let i = 0; i < 15; i++) {
  const start = performance.now();
  JSON.parse(readFileSync(url, "utf8"));
  runs.push(performance.now() - start);
}
runs.sort((a, b) => a - b);
const coldRuns = Array.from({ length: 5 }, () =>
  Number(
    execFileSync(process.execPath, [
      "--input-type=module",
      "-e",
      `import { getCatalog } from ${JSON.stringify(new URL("../dist/index.js", import.meta.url).href)};` +
        "const t = performance.now(); getCatalog(); process.stdout.write(String(performance.now() - t));",
    ]),
  ),
).sort((a, b) => a - b);
console.log(
  `catalog load: ${(bytes / 1e6).toFixed(2)} MB JSON, first load in a fresh process median ${coldRuns[2].toFixed(1)} ms; ` +
    `in a warm process worst ${runs.at(-1).toFixed(1)} ms, ` +
    `median ${runs[runs.length >> 1].toFixed(1)} ms, best ${runs[0].toFixed(1)} ms (target < 30 ms)`,
);
