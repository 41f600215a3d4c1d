// Deployment checks throughput: a values file whose inline config grows to ~1 MB, checked end to end
// (YAML parse, content mapping, config parse, every deployment rule). Runs on the built package.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkValuesFile } from "../dist/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const example = readFileSync(join(root, "examples", "clustered-scrape", "values.yaml"), "utf8");
const config = readFileSync(join(root, "examples", "clustered-scrape", "config.alloy"), "utf8");

function valuesWith(copies) {
  let body = "";
  for (let i = 0; i < copies; i++) body += config.replace(/"(pods|default)"/g, `"$1_${i}"`) + "\n";
  const inline = body.split("\n").map((l) => (l ? "      " + l : l)).join("\n");
  return example.slice(0, example.indexOf("    content: |") + "    content: |\n".length) + inline;
}

for (const copies of [1, 100, 700]) {
  const text = valuesWith(copies);
  checkValuesFile(text, { filename: "values.yaml" });
  const runs = copies === 1 ? 200 : copies === 100 ? 10 : 3;
  const start = performance.now();
  let diagnostics = 0;
  for (let i = 0; i < runs; i++) diagnostics = checkValuesFile(text, { filename: "values.yaml" }).diagnostics.length;
  const ms = (performance.now() - start) / runs;
  console.log(
    `${String(copies).padStart(4)} configs, ${(text.length / 1024).toFixed(0).padStart(5)} KiB: ${ms.toFixed(2)} ms/check, ` +
      `${(text.length / 1024 / 1024 / (ms / 1000)).toFixed(1)} MB/s, ${diagnostics} diagnostics`,
  );
}
