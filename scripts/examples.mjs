// `pnpm run examples`: the toolkit's main job over examples/.
//   1. alloyfmt --check examples/        every config is formatted as `alloy fmt` would
//   2. alloylint <each example>          configs and Helm values are clean
//   3. alloylint examples/mistakes       each file shows one rule firing: expected to fail, shown separately
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const bin = (name) => join("packages", "cli", "bin", `${name}.js`);
const run = (name, args, { quiet = false } = {}) => {
  if (!quiet) console.log(`\n$ ${name} ${args.join(" ")}`);
  const result = spawnSync(process.execPath, [bin(name), ...args], { encoding: "utf8" });
  if (!quiet) {
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
  }
  return result;
};

const examples = readdirSync("examples")
  .filter((name) => name !== "mistakes" && statSync(join("examples", name)).isDirectory())
  .map((name) => join("examples", name));

const problems = [];
if (run("alloyfmt", ["--check", "examples/"]).status !== 0) problems.push("alloyfmt --check examples/ found files to format");
if (run("alloylint", examples).status !== 0) problems.push("alloylint found errors in the examples");

console.log("\n# examples/mistakes: every file below is expected to be reported");
run("alloylint", ["examples/mistakes"]);
const mistakes = run("alloylint", ["--format", "json", "examples/mistakes"], { quiet: true });
const reported = new Set(JSON.parse(mistakes.stdout || "[]").map((d) => d.file));
const files = readdirSync("examples/mistakes").map((f) => join("examples/mistakes", f));
const silent = files.filter((f) => !reported.has(f));
if (mistakes.status !== 1) problems.push(`alloylint examples/mistakes exited ${mistakes.status}, expected 1`);
if (silent.length) problems.push(`no diagnostic for ${silent.join(", ")}`);
console.log(`${files.length - silent.length}/${files.length} mistake files reported`);

for (const p of problems) console.error(`examples: ${p}`);
console.log(problems.length ? "examples: FAILED" : `examples: ${examples.length} examples clean, mistakes reported as expected`);
process.exit(problems.length ? 1 : 0);
