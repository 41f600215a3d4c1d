// Catalog load cost: reading and parsing the committed JSON (target: under 30 ms), and its size.
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
console.log(
  `catalog load: ${(bytes / 1e6).toFixed(2)} MB JSON, first ${runs.at(-1).toFixed(1)} ms worst, ` +
    `median ${runs[runs.length >> 1].toFixed(1)} ms, best ${runs[0].toFixed(1)} ms (target < 30 ms)`,
);
