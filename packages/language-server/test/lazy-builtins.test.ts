import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { lazyBuiltins } from "../../../scripts/bundling.mjs";

/** Bundles `source` (CommonJS) with the lazy built-ins plugin, as the server's bundles are, and runs it in a new node. */
async function runBundled(source: string): Promise<unknown> {
  const result = await esbuild.build({
    stdin: { contents: source, resolveDir: __dirname, sourcefile: "entry.cjs", loader: "js" },
    bundle: true,
    write: false,
    platform: "node",
    format: "cjs",
    plugins: [lazyBuiltins],
    logLevel: "silent",
  });
  // A file, not `node -e`, which loads crypto itself.
  const dir = mkdtempSync(join(tmpdir(), "alloy-lazy-builtins-"));
  try {
    writeFileSync(join(dir, "bundle.cjs"), result.outputFiles[0].text);
    const run = spawnSync(process.execPath, [join(dir, "bundle.cjs")], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    return JSON.parse(run.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the bundles' lazy built-ins (scripts/bundling.mjs)", () => {
  it("load crypto and child_process on first use, then behave as the modules themselves", async () => {
    const result = await runBundled(`
      const loaded = (name) => process.moduleLoadList.includes("NativeModule " + name);
      const crypto = require("crypto");
      const cp = require("node:child_process");
      const before = [loaded("crypto"), loaded("child_process")];
      const bytes = crypto.randomBytes(8);
      const child = cp.spawnSync(process.execPath, ["-e", "process.stdout.write('child')"], { encoding: "utf8" });
      process.stdout.write(JSON.stringify({
        before,
        after: [loaded("crypto"), loaded("child_process")],
        bytes: bytes.length,
        child: child.stdout,
        has: "createHash" in crypto,
        keys: Object.keys(cp).includes("spawn"),
        same: crypto.createHash === require("node:crypto").createHash,
      }));
    `);
    expect(result).toEqual({ before: [false, false], after: [true, true], bytes: 8, child: "child", has: true, keys: true, same: true });
  });
});
