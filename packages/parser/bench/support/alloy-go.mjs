// Builds bench/alloy-go/main.go against Alloy's own Go parser (../shared/alloy-source/v1.18.1/syntax) in a
// temporary module, with Debian's golang-go and nothing downloaded: the module holds copies of the syntax
// packages the parser needs (token, scanner, ast, parser and diag's diag.go; diag's printer.go, the only
// file with a dependency outside the standard library, is left out). For the bench and its differential
// fuzz only; CI never runs it.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const syntaxRoot = resolve(here, "../../../../../shared/alloy-source/v1.18.1/syntax");
const PACKAGES = { token: ["file.go", "token.go"], scanner: null, ast: null, parser: null, diag: ["diag.go"] };

/**
 * The path of the built command, or `{ skipped: reason }` when Go or Alloy's source is missing.
 * The caller removes `dir` when done.
 */
export function buildAlloyGo() {
  if (!existsSync(syntaxRoot)) return { skipped: `Alloy's Go source not found at ${syntaxRoot}` };
  const go = spawnSync("go", ["version"], { encoding: "utf8" });
  if (go.error || go.status !== 0) return { skipped: "`go` not found (apt-get install -y golang-go)" };
  const dir = mkdtempSync(join(tmpdir(), "alloy-go-"));
  const module = join(dir, "syntax");
  for (const [pkg, files] of Object.entries(PACKAGES)) {
    mkdirSync(join(module, pkg), { recursive: true });
    const names = files ?? readdirSync(join(syntaxRoot, pkg)).filter((f) => f.endsWith(".go") && !f.endsWith("_test.go"));
    for (const name of names) copyFileSync(join(syntaxRoot, pkg, name), join(module, pkg, name));
  }
  mkdirSync(join(module, "cmd", "alloy-go"), { recursive: true });
  copyFileSync(join(here, "..", "alloy-go", "main.go"), join(module, "cmd", "alloy-go", "main.go"));
  writeFileSync(join(module, "go.mod"), "module github.com/grafana/alloy/syntax\n\ngo 1.19\n");
  const binary = join(dir, "alloy-go");
  const build = spawnSync("go", ["build", "-o", binary, "./cmd/alloy-go"], {
    cwd: module,
    encoding: "utf8",
    env: { ...process.env, GOPROXY: "off", GOFLAGS: "-mod=mod", GOCACHE: join(dir, "cache"), GOPATH: join(dir, "gopath") },
  });
  if (build.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { skipped: `go build failed: ${build.stderr.trim()}` };
  }
  return { binary, dir };
}

/** Runs the built command in `mode` with `input` (JSON) on stdin; its JSON answer. */
export function runAlloyGo(binary, mode, input) {
  const run = spawnSync(binary, [mode], { input: JSON.stringify(input), encoding: "utf8", maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`alloy-go ${mode} failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}
