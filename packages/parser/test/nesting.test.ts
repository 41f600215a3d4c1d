import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MAX_NESTING_DEPTH, parse } from "../src/index.js";

/** Texts nesting one construct `depth` levels deep. */
function nested(depth: number): Record<string, string> {
  return {
    array: `x = ${"[".repeat(depth)}1${"]".repeat(depth)}\n`,
    object: `x = ${"{a=".repeat(depth)}1${"}".repeat(depth)}\n`,
    parentheses: `x = ${"(".repeat(depth)}1${")".repeat(depth)}\n`,
    calls: `x = ${"f(".repeat(depth)}1${")".repeat(depth)}\n`,
    indexes: `x = ${"a[".repeat(depth)}1${"]".repeat(depth)}\n`,
    blocks: "b {\n".repeat(depth) + "}\n".repeat(depth),
    prefixes: `x = ${"!".repeat(depth)}a\n`,
    "binary chain": `x = ${Array.from({ length: depth + 1 }, () => "a").join(" + ")}\n`,
    "power chain": `x = ${Array.from({ length: depth + 1 }, () => "a").join(" ^ ")}\n`,
    accesses: `x = a${".b".repeat(depth)}\n`,
  };
}

const summary = (text: string) => parse(text).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code} ${d.message}`);

describe(`nesting limit (${MAX_NESTING_DEPTH} levels)`, () => {
  it("is at least 250 levels", () => {
    expect(MAX_NESTING_DEPTH).toBeGreaterThanOrEqual(250);
  });

  it.each(Object.entries(nested(MAX_NESTING_DEPTH)))("accepts %s exactly at the limit", (_, text) => {
    expect(summary(text)).toEqual([]);
  });

  it.each(Object.entries(nested(MAX_NESTING_DEPTH + 1)))("rejects %s one level past the limit, with one clear error", (_, text) => {
    const result = parse(text);
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["parse/nesting-too-deep", `nesting too deep: more than ${MAX_NESTING_DEPTH} levels`],
    ]);
    expect(result.ast.body.length).toBeGreaterThan(0);
  });

  it("gives the same result 1000 times in a row, at the limit and past it", () => {
    const texts = [...Object.values(nested(MAX_NESTING_DEPTH)), ...Object.values(nested(MAX_NESTING_DEPTH + 1))];
    const first = texts.map(summary);
    for (let run = 0; run < 1000; run++) {
      for (let k = 0; k < texts.length; k++) {
        const got = summary(texts[k]);
        if (got.join("\n") !== first[k].join("\n")) expect([run, k, got]).toEqual([run, k, first[k]]);
      }
    }
  });

  it("skips deeper nesting far past the limit without exhausting the stack", () => {
    for (const text of Object.values(nested(100_000))) {
      expect(parse(text).diagnostics.map((d) => d.code)).toEqual(["parse/nesting-too-deep"]);
    }
  });

  // Code the engine has not optimized yet (a cold start) takes the most stack per level: the interpreter's
  // frames. Node's default stack holds the limit there too, with room left for the caller.
  const built = fileURLToPath(new URL("../dist/index.js", import.meta.url));
  it.runIf(existsSync(built) || process.env.CI === "true")("holds in code the engine runs unoptimized (node --jitless)", () => {
    const script = `
      const { parse, MAX_NESTING_DEPTH: d } = await import(${JSON.stringify(built)});
      const texts = ${JSON.stringify(Object.values(nested(MAX_NESTING_DEPTH)))};
      // Some of the stack is in use by callers here.
      const deep = (n) => (n === 0 ? texts.map((t) => parse(t).diagnostics.length) : deep(n - 1));
      console.log(JSON.stringify(deep(1500)));`;
    const run = spawnSync(process.execPath, ["--jitless", "--input-type=module", "-e", script], { encoding: "utf8" });
    expect([run.status, run.stderr.replace(/^Warning: disabling flag --expose_wasm.*\n/m, "")]).toEqual([0, ""]);
    expect(JSON.parse(run.stdout)).toEqual(Object.values(nested(MAX_NESTING_DEPTH)).map(() => 0));
  });
});
