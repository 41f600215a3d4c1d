// How the values checks grow with the input (issue #25): unknown keys at the top and under `alloy:`, Helm actions
// in the inline config, components a rule reports with a fix. Each is timed at n and 4n; the check fails
// (exit 1) when 4n costs more than 8 times n, which a cost quadratic in n (16 times) cannot pass. Runs on the
// built package.
import { checkValuesFile } from "../dist/index.js";

const cases = {
  "unknown keys at the top": (n) => "alloy:\n  clustering:\n    enabled: false\n" + Array.from({ length: n }, (_, i) => `unknownKey${i}: 1\n`).join(""),
  "unknown keys under alloy:": (n) => "alloy:\n" + Array.from({ length: n }, (_, i) => `  unknownKey${i}: 1\n`).join(""),
  "Helm actions in the content": (n) => "alloy:\n  configMap:\n    content: |\n" + "      {{ .Values.x }}\n".repeat(n),
  "components missing a clustering block": (n) =>
    "controller:\n  type: statefulset\n  replicas: 3\nalloy:\n  clustering:\n    enabled: true\n  configMap:\n    content: |\n" +
    Array.from({ length: n }, (_, i) => `      prometheus.scrape "a${i}" {\n        targets    = []\n        forward_to = []\n      }\n`).join(""),
};

/** The median of a few runs, in ms. */
function time(text) {
  checkValuesFile(text, { filename: "values.yaml" });
  const runs = [];
  for (let i = 0; i < 5; i++) {
    globalThis.gc?.();
    const start = performance.now();
    checkValuesFile(text, { filename: "values.yaml" });
    runs.push(performance.now() - start);
  }
  return runs.sort((a, b) => a - b)[2];
}

let failed = false;
for (const [name, make] of Object.entries(cases)) {
  const n = 3_125;
  const small = time(make(n));
  const large = time(make(4 * n));
  const growth = large / small;
  const ok = growth <= 8;
  if (!ok) failed = true;
  console.log(
    `${name.padEnd(40)} ${String(n).padStart(6)}: ${small.toFixed(1).padStart(7)} ms  ${String(4 * n).padStart(6)}: ${large.toFixed(1).padStart(7)} ms  ×${growth.toFixed(1)} ${ok ? "" : "SUPERLINEAR"}`,
  );
}
process.exit(failed ? 1 : 0);
