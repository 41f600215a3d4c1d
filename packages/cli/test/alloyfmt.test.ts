import { spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KILL_BEFORE_RENAME_ENV } from "../src/fmt/atomic-write.js";
import { JOBS_ENV } from "../src/fmt/parallel.js";
import type { FmtIo } from "../src/fmt/run.js";
import { ExitCode, runAlloyfmt } from "../src/fmt/run.js";

const BIN = fileURLToPath(new URL("../bin/alloyfmt.js", import.meta.url));

const UNFORMATTED = "a=1\nlonger = 2\n";
const FORMATTED = "a      = 1\nlonger = 2\n";
const BAD = "a = \nb {\n";

interface Captured {
  status: number;
  stdout: string;
  stderr: string;
}

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "alloyfmt-test-"));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(path: string, content: string | Uint8Array): string {
  const absolute = join(dir, path);
  mkdirSync(join(absolute, ".."), { recursive: true });
  writeFileSync(absolute, content);
  return absolute;
}

function read(path: string): string {
  return readFileSync(join(dir, path), "utf8");
}

async function run(argv: string[], overrides: Partial<FmtIo> & { stdin?: string } = {}): Promise<Captured> {
  let stdout = "";
  let stderr = "";
  const status = await runAlloyfmt(argv, {
    cwd: dir,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: async () => overrides.stdin ?? "",
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdinIsTTY: overrides.stdin === undefined,
    version: "9.9.9",
    ...overrides,
  });
  return { status, stdout, stderr };
}

describe("alloyfmt: printing (default mode)", () => {
  it("prints the formatted text of a single file", async () => {
    file("one.alloy", UNFORMATTED);
    expect(await run(["one.alloy"])).toEqual({ status: ExitCode.Ok, stdout: FORMATTED, stderr: "" });
    expect(read("one.alloy")).toBe(UNFORMATTED);
  });

  it("reads stdin given - or no path", async () => {
    expect(await run(["-"], { stdin: UNFORMATTED })).toMatchObject({ status: 0, stdout: FORMATTED });
    expect(await run([], { stdin: UNFORMATTED })).toMatchObject({ status: 0, stdout: FORMATTED });
  });

  it("asks for a path when stdin is a terminal and none is given", async () => {
    const result = await run([]);
    expect(result.status).toBe(ExitCode.Error);
    expect(result.stderr).toMatch(/no input/);
  });

  it("refuses to print several files", async () => {
    file("a.alloy", UNFORMATTED);
    file("b.alloy", UNFORMATTED);
    const result = await run(["a.alloy", "b.alloy"]);
    expect(result.status).toBe(ExitCode.Error);
    expect(result.stdout).toBe("");
  });
});

describe("alloyfmt: --check, -t, -l", () => {
  it("lists unformatted files and exits 1", async () => {
    file("conf/bad-style.alloy", UNFORMATTED);
    file("conf/good.alloy", FORMATTED);
    for (const flag of ["--check", "-c", "-t", "--test", "-l", "--list-different"]) {
      const result = await run([flag, "conf"]);
      expect(result, flag).toEqual({ status: ExitCode.WouldChange, stdout: "conf/bad-style.alloy\n", stderr: "" });
    }
    expect(read("conf/bad-style.alloy")).toBe(UNFORMATTED);
  });

  it("exits 0 when everything is formatted", async () => {
    file("good.alloy", FORMATTED);
    expect(await run(["--check", "good.alloy"])).toEqual({ status: 0, stdout: "", stderr: "" });
  });

  it("checks stdin", async () => {
    expect(await run(["--check", "-"], { stdin: UNFORMATTED })).toMatchObject({ status: 1, stdout: "<stdin>\n" });
    expect(await run(["--check", "-"], { stdin: FORMATTED })).toMatchObject({ status: 0, stdout: "" });
  });
});

describe("alloyfmt: paths", () => {
  it("searches directories recursively for .alloy and .river files, skipping .git and node_modules", async () => {
    file("tree/a.alloy", UNFORMATTED);
    file("tree/sub/b.river", UNFORMATTED);
    file("tree/sub/notes.txt", UNFORMATTED);
    file("tree/.git/c.alloy", UNFORMATTED);
    file("tree/node_modules/pkg/d.alloy", UNFORMATTED);
    const result = await run(["-l", "tree"]);
    expect(result.stdout).toBe("tree/a.alloy\ntree/sub/b.river\n");
  });

  it("takes an explicit file whatever its extension", async () => {
    file("config.txt", UNFORMATTED);
    expect((await run(["-l", "config.txt"])).stdout).toBe("config.txt\n");
  });

  it("expands glob patterns", async () => {
    file("g/x.alloy", UNFORMATTED);
    file("g/deep/y.alloy", UNFORMATTED);
    file("g/z.river", UNFORMATTED);
    expect((await run(["-l", "g/**/*.alloy"])).stdout).toBe("g/deep/y.alloy\ng/x.alloy\n");
  });

  it("reports a path that matches nothing and exits 2", async () => {
    const result = await run(["-l", "missing.alloy", "nothing/*.alloy"]);
    expect(result.status).toBe(ExitCode.Error);
    expect(result.stderr).toBe(
      "missing.alloy: no such file, directory or matching pattern\n" +
        "nothing/*.alloy: no such file, directory or matching pattern\n",
    );
  });
});

describe("alloyfmt: errors", () => {
  it("reports a parse error as path:line:col: message, leaves the file alone and goes on", async () => {
    file("dir/1-good.alloy", UNFORMATTED);
    file("dir/2-bad.alloy", BAD);
    file("dir/3-good.alloy", UNFORMATTED);
    const result = await run(["--write", "dir"]);
    expect(result.status).toBe(ExitCode.Error);
    expect(result.stderr).toMatch(/^dir\/2-bad\.alloy:\d+:\d+: .+\n/);
    expect(read("dir/2-bad.alloy")).toBe(BAD);
    expect(read("dir/1-good.alloy")).toBe(FORMATTED);
    expect(read("dir/3-good.alloy")).toBe(FORMATTED);
  });

  it("exits 2 rather than 1 when a parse error comes with unformatted files", async () => {
    file("bad.alloy", BAD);
    file("style.alloy", UNFORMATTED);
    const result = await run(["--check", "bad.alloy", "style.alloy"]);
    expect(result.status).toBe(ExitCode.Error);
    expect(result.stdout).toBe("style.alloy\n");
  });

  it("reports parse errors in stdin", async () => {
    const result = await run(["-"], { stdin: BAD });
    expect(result.status).toBe(ExitCode.Error);
    expect(result.stderr).toMatch(/^<stdin>:\d+:\d+: /);
    expect(result.stdout).toBe("");
  });

  it.skipIf(process.getuid?.() === 0)("reports an unreadable file and exits 2", async () => {
    chmodSync(file("secret.alloy", FORMATTED), 0o000);
    const result = await run(["--check", "secret.alloy"]);
    expect(result.status).toBe(ExitCode.Error);
    expect(result.stderr).toBe("secret.alloy: cannot read: permission denied\n");
  });

  it("reports a directory that cannot be read as a file", async () => {
    mkdirSync(join(dir, "folder.alloy"));
    const result = await run(["-l", "folder.alloy"]);
    expect(result.stdout).toBe("");
  });

  it("rejects unknown options with exit 2", async () => {
    const result = await run(["--frobnicate"]);
    expect(result.status).toBe(ExitCode.Error);
    expect(result.stderr).toMatch(/Unknown option/);
  });
});

describe("alloyfmt: --write", () => {
  it("rewrites changed files only, keeping their permissions", async () => {
    const changed = file("changed.alloy", UNFORMATTED);
    const unchanged = file("unchanged.alloy", FORMATTED);
    chmodSync(changed, 0o640);
    const before = statSync(unchanged).mtimeMs;
    const inodeBefore = statSync(unchanged).ino;
    const result = await run(["-w", "changed.alloy", "unchanged.alloy"]);
    expect(result).toEqual({ status: ExitCode.Ok, stdout: "", stderr: "" });
    expect(read("changed.alloy")).toBe(FORMATTED);
    expect(statSync(changed).mode & 0o777).toBe(0o640);
    expect(statSync(unchanged).mtimeMs).toBe(before);
    expect(statSync(unchanged).ino).toBe(inodeBefore);
    expect(readdirSync(dir).sort()).toEqual(["changed.alloy", "unchanged.alloy"]);
  });

  it("lists the files it rewrites with -l", async () => {
    file("x.alloy", UNFORMATTED);
    expect(await run(["-w", "-l", "x.alloy"])).toEqual({ status: 0, stdout: "x.alloy\n", stderr: "" });
    expect(read("x.alloy")).toBe(FORMATTED);
  });

  it("prints the formatted text for stdin", async () => {
    expect(await run(["-w", "-"], { stdin: UNFORMATTED })).toMatchObject({ status: 0, stdout: FORMATTED });
  });

  it("leaves the original untouched when interrupted before the rename (in-process hook)", async () => {
    file("x.alloy", UNFORMATTED);
    let tempSeen = "";
    const result = await run(["-w", "x.alloy"], {
      beforeRename: (tempPath) => {
        tempSeen = tempPath;
        expect(readFileSync(tempPath, "utf8")).toBe(FORMATTED);
        throw new Error("simulated crash");
      },
    });
    expect(result.status).toBe(ExitCode.Error);
    expect(result.stderr).toBe("x.alloy: cannot write: simulated crash\n");
    expect(tempSeen).not.toBe("");
    expect(read("x.alloy")).toBe(UNFORMATTED);
    expect(readdirSync(dir)).toEqual(["x.alloy"]);
  });
});

describe("alloyfmt: bytes that are not UTF-8", () => {
  // Latin-1 "café" in a comment: Alloy reports the byte 0xE9 at line 2, column 13.
  const LATIN1 = Buffer.concat([Buffer.from("a=1\nb = 2 // caf"), Buffer.from([0xe9]), Buffer.from("\n")]);

  it("are reported where Alloy reports them, and the file is left as it is", async () => {
    file("latin1.alloy", LATIN1);
    const result = await run(["-w", "latin1.alloy"]);
    expect(result).toEqual({ status: ExitCode.Error, stdout: "", stderr: "latin1.alloy:2:13: illegal UTF-8 encoding\n" });
    expect(readFileSync(join(dir, "latin1.alloy")).equals(LATIN1)).toBe(true);
  });

  it("are reported in stdin too", async () => {
    const result = await run(["-"], { stdin: undefined, stdinIsTTY: false, readStdin: async () => LATIN1 });
    expect(result).toEqual({ status: ExitCode.Error, stdout: "", stderr: "<stdin>:2:13: illegal UTF-8 encoding\n" });
  });

  it("a leading BOM is allowed, dropped from the output, and counted in columns as Alloy counts it", async () => {
    file("bom.alloy", "\uFEFFa=1\n");
    expect(await run(["-w", "bom.alloy"])).toEqual({ status: ExitCode.Ok, stdout: "", stderr: "" });
    expect(read("bom.alloy")).toBe("a = 1\n");
    file("bad-bom.alloy", "\uFEFFa = }\n");
    expect((await run(["bad-bom.alloy"])).stderr).toBe("bad-bom.alloy:1:8: expected expression, got }\n");
  });
});

describe("alloyfmt: --write keeps files and their links as they were", () => {
  it("writes the file a symbolic link leads to, and the link stays a link", async () => {
    file("real/target.alloy", UNFORMATTED);
    symlinkSync("real/target.alloy", join(dir, "link.alloy"));
    expect(await run(["-w", "link.alloy"])).toEqual({ status: ExitCode.Ok, stdout: "", stderr: "" });
    expect(lstatSync(join(dir, "link.alloy")).isSymbolicLink()).toBe(true);
    expect(read("real/target.alloy")).toBe(FORMATTED);
    expect(readdirSync(join(dir, "real"))).toEqual(["target.alloy"]);
  });

  it("keeps a file with several hard links one inode shared by all of them", async () => {
    const first = file("first.alloy", UNFORMATTED);
    linkSync(first, join(dir, "second.alloy"));
    const inode = statSync(first).ino;
    expect(await run(["-w", "first.alloy"])).toEqual({ status: ExitCode.Ok, stdout: "", stderr: "" });
    expect(read("first.alloy")).toBe(FORMATTED);
    expect(read("second.alloy")).toBe(FORMATTED);
    expect(statSync(first).ino).toBe(inode);
    expect(statSync(join(dir, "second.alloy")).ino).toBe(inode);
    expect(statSync(first).nlink).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(["first.alloy", "second.alloy"]);
  });

  it("keeps the mode, special bits included", async () => {
    const path = file("mode.alloy", UNFORMATTED);
    chmodSync(path, 0o2751);
    await run(["-w", "mode.alloy"]);
    expect(read("mode.alloy")).toBe(FORMATTED);
    expect(statSync(path).mode & 0o7777).toBe(0o2751);
  });

  it.skipIf(process.getuid?.() !== 0)("keeps the owner and group (as root, writing another user's file)", async () => {
    const path = file("owned.alloy", UNFORMATTED);
    chownSync(path, 1234, 5678);
    chmodSync(path, 0o640);
    await run(["-w", "owned.alloy"]);
    expect(read("owned.alloy")).toBe(FORMATTED);
    expect(statSync(path)).toMatchObject({ uid: 1234, gid: 5678 });
    expect(statSync(path).mode & 0o7777).toBe(0o640);
  });

  it("refuses a read-only file with a clear error, and goes on with the others", async () => {
    chmodSync(file("ro.alloy", UNFORMATTED), 0o444);
    file("rw.alloy", UNFORMATTED);
    const result = await run(["-w", "ro.alloy", "rw.alloy"]);
    expect(result).toEqual({ status: ExitCode.Error, stdout: "", stderr: "ro.alloy: cannot write: read-only file\n" });
    expect(read("ro.alloy")).toBe(UNFORMATTED);
    expect(read("rw.alloy")).toBe(FORMATTED);
    expect(readdirSync(dir).sort()).toEqual(["ro.alloy", "rw.alloy"]);
  });

  it.each([
    ["a file", false],
    ["a file with several links (written in place)", true],
  ])("refuses to overwrite %s that changed since it was read", async (_, linked) => {
    const path = file("x.alloy", UNFORMATTED);
    if (linked) linkSync(path, join(dir, "y.alloy"));
    const edit = "edited = true\n";
    const result = await run(["-w", "x.alloy"], { beforeRename: () => writeFileSync(path, edit) });
    expect(result).toEqual({
      status: ExitCode.Error,
      stdout: "",
      stderr: "x.alloy: cannot write: it changed since alloyfmt read it (left as it is)\n",
    });
    expect(read("x.alloy")).toBe(edit);
    expect(readdirSync(dir).sort()).toEqual(linked ? ["x.alloy", "y.alloy"] : ["x.alloy"]);
  });

  it("takes a file that already holds the formatted text meanwhile as written (one file reached by two paths)", async () => {
    const path = file("x.alloy", UNFORMATTED);
    const result = await run(["-w", "x.alloy"], { beforeRename: () => writeFileSync(path, FORMATTED) });
    expect(result).toEqual({ status: ExitCode.Ok, stdout: "", stderr: "" });
    expect(read("x.alloy")).toBe(FORMATTED);
  });

  it("writes each file as soon as it is formatted, so an edit made meanwhile to a later file is not lost", async () => {
    file("1.alloy", UNFORMATTED);
    file("2.alloy", UNFORMATTED);
    let edited = false;
    const beforeRename = (): void => {
      if (edited) return;
      edited = true;
      writeFileSync(join(dir, "2.alloy"), "x=1\nyy = 2\n");
    };
    expect(await run(["-w", "1.alloy", "2.alloy"], { beforeRename })).toEqual({ status: 0, stdout: "", stderr: "" });
    expect(read("1.alloy")).toBe(FORMATTED);
    expect(read("2.alloy")).toBe("x  = 1\nyy = 2\n");
  });
});

describe("alloyfmt: --diff", () => {
  it("prints a unified diff and exits 1", async () => {
    file("x.alloy", UNFORMATTED);
    const result = await run(["-d", "x.alloy"]);
    expect(result.status).toBe(ExitCode.WouldChange);
    expect(result.stdout).toBe(
      "--- x.alloy\toriginal\n+++ x.alloy\tformatted\n@@ -1,2 +1,2 @@\n-a=1\n+a      = 1\n longer = 2\n",
    );
    expect(read("x.alloy")).toBe(UNFORMATTED);
  });

  it("prints nothing for a formatted file", async () => {
    file("x.alloy", FORMATTED);
    expect(await run(["--diff", "x.alloy"])).toEqual({ status: 0, stdout: "", stderr: "" });
  });

  it("colours the diff only on a terminal (or with --color=always)", async () => {
    file("x.alloy", UNFORMATTED);
    expect((await run(["-d", "x.alloy"])).stdout).not.toContain("\x1b[");
    expect((await run(["-d", "x.alloy"], { stdoutIsTTY: true })).stdout).toContain("\x1b[31m-a=1");
    expect((await run(["-d", "--color=always", "x.alloy"])).stdout).toContain("\x1b[32m+a      = 1");
    expect((await run(["-d", "--color=never", "x.alloy"], { stdoutIsTTY: true })).stdout).not.toContain("\x1b[");
  });

  it("colours errors only on a terminal", async () => {
    file("bad.alloy", BAD);
    expect((await run(["-l", "bad.alloy"])).stderr).not.toContain("\x1b[");
    expect((await run(["-l", "bad.alloy"], { stderrIsTTY: true })).stderr).toContain("\x1b[31m");
  });
});

describe("alloyfmt: --help and --version", () => {
  it("prints help", async () => {
    for (const flag of ["--help", "-h"]) {
      const result = await run([flag]);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^Usage: alloyfmt/);
      expect(result.stdout).toContain("--list-different");
    }
  });

  it("prints the version", async () => {
    expect(await run(["--version"])).toEqual({ status: 0, stdout: "alloyfmt 9.9.9\n", stderr: "" });
  });
});

describe("alloyfmt: the bin", () => {
  function spawnBin(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
    return spawnSync(process.execPath, [BIN, ...args], {
      cwd: dir,
      input: options.input ?? "",
      encoding: "utf8",
      env: { ...process.env, ...options.env },
    });
  }

  it("formats stdin and prints the package version", () => {
    const formatted = spawnBin(["-"], { input: UNFORMATTED });
    expect(formatted.status).toBe(0);
    expect(formatted.stdout).toBe(FORMATTED);
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    expect(spawnBin(["--version"]).stdout).toBe(`alloyfmt ${pkg.version}\n`);
  });

  it("exits 1 with --check on an unformatted file, without colour when piped", () => {
    file("x.alloy", UNFORMATTED);
    const result = spawnBin(["--check", "x.alloy"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("x.alloy\n");
  });

  it("gives the same results on several threads (ALLOYFMT_JOBS)", () => {
    for (let i = 0; i < 12; i++) file(`many/f${String(i).padStart(2, "0")}.alloy`, i % 3 === 0 ? FORMATTED : UNFORMATTED);
    file("many/f05.alloy", BAD);
    const sequential = spawnBin(["--check", "many"], { env: { [JOBS_ENV]: "1" } });
    const threaded = spawnBin(["--check", "many"], { env: { [JOBS_ENV]: "3" } });
    expect(threaded.status).toBe(ExitCode.Error);
    expect(threaded.stdout).toBe(sequential.stdout);
    expect(threaded.stderr).toBe(sequential.stderr);
    expect(threaded.stdout.split("\n").filter(Boolean)).toHaveLength(7);
    const written = spawnBin(["--write", "many"], { env: { [JOBS_ENV]: "3" } });
    expect(written.status).toBe(ExitCode.Error);
    expect(read("many/f01.alloy")).toBe(FORMATTED);
    expect(read("many/f05.alloy")).toBe(BAD);
  });

  it("leaves a file with several links untouched, and a copy of it, when killed before overwriting it", () => {
    const path = file("x.alloy", UNFORMATTED);
    linkSync(path, join(dir, "y.alloy"));
    const result = spawnBin(["--write", "x.alloy"], { env: { [KILL_BEFORE_RENAME_ENV]: "1" } });
    expect(result.signal).toBe("SIGKILL");
    expect(read("x.alloy")).toBe(UNFORMATTED);
    const leftovers = readdirSync(dir).filter((name) => !["x.alloy", "y.alloy"].includes(name));
    expect(leftovers).toHaveLength(1);
    expect(leftovers[0]).toMatch(/^\.x\.alloy\.alloyfmt-\d+-\w+\.orig$/);
    expect(readFileSync(join(dir, leftovers[0]), "utf8")).toBe(UNFORMATTED);
  });

  it("reports bytes that are not UTF-8 and leaves the file as it is", () => {
    const latin1 = Buffer.from([0x61, 0x3d, 0x22, 0xe9, 0x22, 0x0a]);
    file("latin1.alloy", latin1);
    const result = spawnBin(["-w", "latin1.alloy"]);
    expect([result.status, result.stdout, result.stderr]).toEqual([2, "", "latin1.alloy:1:4: illegal UTF-8 encoding\n"]);
    expect(readFileSync(join(dir, "latin1.alloy")).equals(latin1)).toBe(true);
  });

  it("leaves the file untouched when killed right before the rename", () => {
    const path = file("x.alloy", UNFORMATTED);
    chmodSync(path, 0o600);
    const result = spawnBin(["--write", "x.alloy"], { env: { [KILL_BEFORE_RENAME_ENV]: "1" } });
    expect(result.signal).toBe("SIGKILL");
    expect(read("x.alloy")).toBe(UNFORMATTED);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    // The temporary file stays behind (the process had no chance to clean up), never in place of the original.
    const leftovers = readdirSync(dir).filter((name) => name !== "x.alloy");
    expect(leftovers).toHaveLength(1);
    expect(leftovers[0]).toMatch(/^\.x\.alloy\.alloyfmt-\d+-\w+\.tmp$/);
    expect(readFileSync(join(dir, leftovers[0]), "utf8")).toBe(FORMATTED);
  });
});
