// A parser to compare with in the bench: `PARSER_BASELINE` names a built parser (a path to its dist/index.js,
// e.g. a copy of an earlier build kept outside the repository) or a git revision, whose packages/parser/src is
// compiled into a temporary folder with this checkout's TypeScript (and the package's node_modules).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const packageRoot = resolve(here, "../..");
const repoRoot = resolve(packageRoot, "../..");

/** `{ label, parse, cleanup }` for `PARSER_BASELINE`, or undefined when it is not set. */
export async function loadBaseline(spec = process.env.PARSER_BASELINE) {
  if (!spec) return undefined;
  if (existsSync(spec)) {
    const { parse } = await import(pathToFileURL(resolve(spec)).href);
    return { label: spec, parse, cleanup() {} };
  }
  const dir = mkdtempSync(join(tmpdir(), "parser-baseline-"));
  const run = (command, args, options = {}) => {
    const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 1 << 28, ...options });
    if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr || result.stdout}`);
    return result.stdout;
  };
  const archive = join(dir, "src.tar");
  run("git", ["-C", repoRoot, "archive", "-o", archive, spec, "packages/parser/src"]);
  run("tar", ["-xf", archive, "-C", dir]);
  const src = join(dir, "packages/parser/src");
  const out = join(dir, "dist");
  mkdirSync(out);
  // The compiled modules import their dependencies (chevrotain) from the package's node_modules.
  if (existsSync(join(packageRoot, "node_modules"))) symlinkSync(join(packageRoot, "node_modules"), join(dir, "node_modules"));
  const sources = run("git", ["-C", repoRoot, "ls-tree", "-r", "--name-only", spec, "packages/parser/src"])
    .split("\n")
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(dir, f));
  const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
  run(process.execPath, [
    tsc,
    "--outDir", out, "--rootDir", src, "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022",
    "--skipLibCheck", "--typeRoots", join(repoRoot, "node_modules/@types"), "--types", "node", ...sources,
  ]);
  const { parse } = await import(pathToFileURL(join(out, "index.js")).href);
  return { label: `git ${spec}`, parse, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
