import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildBundle, bundleFile, bundles, commands, packageDir } from "../scripts/bundle.mjs";

const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * A copy of the package in a temporary folder (package.json, bin/, dist/ less the files `without`), its
 * node_modules a link to the package's: what an install of it holds, found from another place.
 */
function packageCopy(without: string[]): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "alloy-cli-")));
  copies.push(dir);
  for (const entry of ["package.json", "bin", "dist"]) cpSync(join(packageDir, entry), join(dir, entry), { recursive: true });
  symlinkSync(realpathSync(join(packageDir, "node_modules")), join(dir, "node_modules"), "dir");
  for (const file of without) rmSync(join(dir, file));
  return dir;
}

const version = (JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string }).version;

/** Runs a bin of a package copy in `cwd`. */
function runBin(dir: string, command: string, args: string[], { cwd = dir, input = "", env = {} }: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}) {
  return spawnSync(process.execPath, [join(dir, "bin", `${command}.js`), ...args], { cwd, input, encoding: "utf8", env: { ...process.env, ...env } });
}

/** Checks that the bins of a package copy work: version, formatting on threads, linting with the catalog. */
function checkBins(dir: string): void {
  expect(runBin(dir, "alloyfmt", ["--version"]).stdout).toBe(`alloyfmt ${version}\n`);
  expect(runBin(dir, "alloylint", ["--version"]).stdout).toBe(`alloylint ${version}\n`);
  expect(runBin(dir, "alloyfmt", ["-"], { input: "a=1\nlonger = 2\n" }).stdout).toBe("a      = 1\nlonger = 2\n");

  // Three threads: the worker is dist/format-worker.bundle.mjs when alloyfmt runs bundled, else
  // dist/fmt/format-worker.js (found from the bundle as from dist/fmt/parallel.js).
  const configs = join(dir, "configs");
  mkdirSync(configs);
  for (let i = 0; i < 6; i++) writeFileSync(join(configs, `f${i}.alloy`), i % 2 === 0 ? "a = 1\n" : "a=1\n");
  const checked = runBin(dir, "alloyfmt", ["--check", "configs"], { env: { ALLOYFMT_JOBS: "3" } });
  expect([checked.status, checked.stdout, checked.stderr]).toEqual([1, "configs/f1.alloy\nconfigs/f3.alloy\nconfigs/f5.alloy\n", ""]);

  // Knowing the component's arguments needs the catalog's data, read from the catalog package.
  writeFileSync(join(configs, "lint.alloy"), 'prometheus.scrape "x" {\n  targets = []\n  forward_to = []\n  scrape_intervall = "1s"\n}\n');
  const linted = runBin(dir, "alloylint", ["configs/lint.alloy"]);
  expect(linted.status).toBe(1);
  expect(linted.stdout + linted.stderr).toContain('configs/lint.alloy:4:3: unrecognized attribute name "scrape_intervall"');
}

describe("the bins run the commands' bundles", () => {
  it.each(bundles)("dist/%s.bundle.mjs is what scripts/bundle.mjs makes of dist/ as it is now", async (command) => {
    const fresh = readFileSync(bundleFile(command), "utf8") === (await buildBundle(command));
    expect(fresh, `${bundleFile(command)} is stale: run pnpm build`).toBe(true);
  });

  it("from a copy of the package without the commands' unbundled entry modules", () => {
    const dir = packageCopy(commands.map((command) => join("dist", `${command}.js`)));
    // The bundle's threads run the worker's bundle: the compiled worker would fail here.
    writeFileSync(join(dir, "dist", "fmt", "format-worker.js"), 'throw new Error("the unbundled worker ran");\n');
    checkBins(dir);
  });

  it("and run dist/ when there are no bundles (only tsc -b has run)", () => {
    checkBins(packageCopy(commands.map((command) => join("dist", `${command}.bundle.mjs`))));
  });
});
