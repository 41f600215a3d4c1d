// Deployment checks throughput: a values file whose inline config grows to ~1 MB, and the same config in the
// ConfigMap of a StatefulSet's manifests (the kubectl example), checked end to end (YAML parse, content mapping,
// config parse, every deployment rule). Runs on the built package.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkDeployment, checkValuesFile } from "../dist/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const example = readFileSync(join(root, "examples", "clustered-scrape", "values.yaml"), "utf8");
const config = readFileSync(join(root, "examples", "clustered-scrape", "config.alloy"), "utf8");
const manifests = readFileSync(join(root, "examples", "kubernetes", "kubectl", "alloy.yaml"), "utf8");

function configOf(copies) {
  let body = "";
  for (let i = 0; i < copies; i++) body += config.replace(/"(pods|default)"/g, `"$1_${i}"`) + "\n";
  return body;
}

const indent = (text, prefix) => text.split("\n").map((l) => (l ? prefix + l : l)).join("\n");

function valuesWith(copies) {
  return example.slice(0, example.indexOf("    content: |") + "    content: |\n".length) + indent(configOf(copies), "      ");
}

function manifestsWith(copies) {
  const start = manifests.indexOf("  config.alloy: |\n") + "  config.alloy: |\n".length;
  const end = manifests.indexOf("---", start);
  return manifests.slice(0, start) + indent(configOf(copies), "    ") + manifests.slice(end);
}

const kinds = {
  "values file": (text) => checkValuesFile(text, { filename: "values.yaml" }).diagnostics.length,
  "manifests": (text) => checkDeployment([{ file: "alloy.yaml", text }]).diagnostics.length,
};
const build = { "values file": valuesWith, manifests: manifestsWith };

for (const [kind, run] of Object.entries(kinds)) {
  for (const copies of [1, 100, 700]) {
    const text = build[kind](copies);
    run(text);
    const runs = copies === 1 ? 200 : copies === 100 ? 10 : 3;
    const start = performance.now();
    let diagnostics = 0;
    for (let i = 0; i < runs; i++) diagnostics = run(text);
    const ms = (performance.now() - start) / runs;
    console.log(
      `${kind.padEnd(11)} ${String(copies).padStart(4)} configs, ${(text.length / 1024).toFixed(0).padStart(5)} KiB: ${ms.toFixed(2)} ms/check, ` +
        `${(text.length / 1024 / 1024 / (ms / 1000)).toFixed(1)} MB/s, ${diagnostics} diagnostics`,
    );
  }
}
