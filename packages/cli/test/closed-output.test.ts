import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const bin = (command: string): string => fileURLToPath(new URL(`../bin/${command}.js`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "alloy-closed-output-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Many blocks: megabytes of formatted text, and two diagnostics each for alloylint. */
const config = join(dir, "many.alloy");
writeFileSync(config, Array.from({ length: 6000 }, (_, i) => `local.file "f${i}" {\n  filenam = "/x"\n}\n`).join("\n"));

/** Runs `command args | head -n 1` in bash with pipefail: the pipeline's status is the command's. */
function pipedToHead(command: string, args: string[]): { status: number | null; stderr: string; first: string } {
  const stderrFile = join(dir, `${command}.stderr`);
  const quoted = [process.execPath, bin(command), ...args].map((word) => `'${word}'`).join(" ");
  const run = spawnSync("bash", ["-o", "pipefail", "-c", `${quoted} 2>'${stderrFile}' | head -n 1`], { encoding: "utf8" });
  return { status: run.status, stderr: readFileSync(stderrFile, "utf8"), first: run.stdout };
}

describe("the bins when their output is closed early (| head)", () => {
  it.each([
    ["alloyfmt many.alloy", "alloyfmt", [config]],
    ["alloyfmt -d many.alloy", "alloyfmt", ["-d", config]],
    ["alloylint many.alloy", "alloylint", [config]],
  ])("%s | head exits quietly with the status of a closed pipe (141, as SIGPIPE gives)", (_, command, args) => {
    const result = pipedToHead(command as string, args as string[]);
    expect(result.first).not.toBe("");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(141);
  });
});
