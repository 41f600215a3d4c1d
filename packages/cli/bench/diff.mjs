// `pnpm bench` (after `pnpm build`): the time `alloyfmt -d` takes on files where every line changes, and the
// diff alone (dist/fmt/unified-diff.js), so that a diff that grows faster than the file shows here.
//
//   node packages/cli/bench/diff.mjs
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { format } from "@alloy-toolkit/formatter";
import { unifiedDiff } from "../dist/fmt/unified-diff.js";

const bin = fileURLToPath(new URL("../bin/alloyfmt.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "alloyfmt-diff-bench-"));

/** `lines` attributes, none formatted (names of several lengths: every `=` moves). */
const attributes = (lines) => Array.from({ length: lines }, (_, i) => `${"a".repeat(1 + (i % 7))}${i}=${i}\n`).join("");
/** Alike blocks, a third of them unformatted: no line is unique. */
const blocks = (count) => Array.from({ length: count }, (_, i) => (i % 3 === 0 ? "b {\n  a=1\n}\n\n" : "b {\n\ta = 1\n}\n\n")).join("");

const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];

try {
  console.log("input                          | changed lines | diff alone (median of 5) | alloyfmt -d (median of 3)");
  for (const [name, text] of [
    ["16,000 attributes", attributes(16_000)],
    ["64,000 attributes", attributes(64_000)],
    ["12,000 alike blocks", blocks(12_000)],
  ]) {
    const formatted = format(text);
    const diffTimes = [];
    let patch = "";
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      patch = unifiedDiff("f.alloy", text, formatted, false);
      diffTimes.push(performance.now() - started);
    }
    const changed = patch.split("\n").filter((line) => /^[-+](?![-+]{2} )/.test(line)).length;
    const file = join(dir, "f.alloy");
    writeFileSync(file, text);
    const runTimes = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const run = spawnSync(process.execPath, [bin, "-d", file], { encoding: "utf8", maxBuffer: 1 << 30 });
      runTimes.push(performance.now() - started);
      if (run.status !== 1) throw new Error(`alloyfmt -d exited ${run.status}: ${run.stderr}`);
    }
    console.log(
      `${name.padEnd(30)} | ${String(changed).padStart(13)} | ${median(diffTimes).toFixed(0).padStart(21)} ms | ${median(runTimes).toFixed(0).padStart(22)} ms`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
