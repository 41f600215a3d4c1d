import { mkdtempSync, writeFileSync, mkdirSync, truncateSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { runAlloylint } from "../src/lint/run.js";

function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = runAlloylint(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, "test");
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), "alloylint-"));
const rel = (p: string) => relative(process.cwd(), p);
const clean = join(dir, "clean.alloy");
writeFileSync(clean, `local.file "a" {\n  filename = "/tmp/a"\n}\n\nlocal.file "b" {\n  filename = local.file.a.content\n}\n`);
const broken = join(dir, "broken.alloy");
writeFileSync(broken, `local.file "a" {\n\tfilenam = "/tmp/a"\n}\n`);
const config = join(dir, "config");
mkdirSync(config);
writeFileSync(join(config, "a.alloy"), `local.file "a" {\n  filename = "/tmp/a"\n}\n`);
writeFileSync(join(config, "b.alloy"), `local.file "b" {\n  filename = local.file.a.content\n}\n`);
writeFileSync(join(config, "module.alloy.txt"), `ignored`);
const importing = join(dir, "importing");
mkdirSync(importing);
writeFileSync(join(importing, "lib.alloy.module"), `declare "add" {\n  argument "a" { }\n}\n`);
writeFileSync(join(importing, "main.alloy"), `import.file "lib" {\n  filename = "lib.alloy.module"\n}\n\nlib.add "x" {\n  b = 1\n}\n`);

describe("alloylint", () => {
  it("exits 0 on a clean config", () => {
    const result = run([rel(clean)]);
    expect(result.code).toBe(0);
    // Warnings do not fail the run: local.file.b's content goes nowhere.
    expect(result.stdout).toMatch(/^Warning: .*clean\.alloy:5:1: local\.file\.b exports content, but nothing references it\n/);
    expect(run(["--disable", "check/unused-component", rel(clean)])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("prints Alloy-style text and exits 1 on errors", () => {
    const result = run(["--disable", "check/unused-component", rel(broken)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      `Error: ${rel(broken)}:2:2: unrecognized attribute name "filenam"\n\n1 | local.file "a" {\n2 |     filenam = "/tmp/a"\n  |     ^^^^^^^^^^^^^^^^^^\n3 | }\n\n` +
        `Error: ${rel(broken)}:1:1: missing required attribute "filename"\n\n1 |   local.file "a" {\n  |  _^^^^^^^^^^^^^^^^\n2 | |     filenam = "/tmp/a"\n3 | | }\n  | |_^\n4 |   \n`,
    );
  });

  it("prints the escape sequences of a source escaped, never raw to the terminal", () => {
    const hostile = join(dir, "hostile.alloy");
    writeFileSync(hostile, 'local.file "a" {\n\tfilenam = "\x1b[2J\x1b]0;pwned\x07"\n}\n');
    const result = run([rel(hostile)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('2 |     filenam = "\\x1b[2J\\x1b]0;pwned\\x07"\n');
    expect(result.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  });

  it("checks a directory as one config", () => {
    expect(run([rel(config)]).code).toBe(0);
  });

  it("resolves import.file and checks the module's use sites", () => {
    const result = run(["--format", "json", rel(importing)]);
    const diagnostics = JSON.parse(result.stdout) as { code: string; message: string }[];
    expect(diagnostics.map((d) => d.message)).toEqual([
      'unrecognized attribute name "b"',
      'missing required attribute "a"',
    ]);
    expect(result.code).toBe(1);
  });

  it("does not read an import.file past the module size limit, or one that is not a regular file: a warning says why", () => {
    const folder = join(dir, "huge-import");
    mkdirSync(folder);
    // Sparse: 600 MiB that take no disk, and more characters than a JavaScript string may hold.
    truncateSync((writeFileSync(join(folder, "huge.alloy"), ""), join(folder, "huge.alloy")), 600 * 1024 * 1024);
    const fifo = join(folder, "fifo");
    const mkfifo = spawnSync("mkfifo", [fifo]);
    writeFileSync(
      join(folder, "main.alloy"),
      `import.file "huge" {\n  filename = "huge.alloy"\n}\n` + (mkfifo.status === 0 ? `\nimport.file "pipe" {\n  filename = "fifo"\n}\n` : ""),
    );
    const result = run(["--format", "json", rel(join(folder, "main.alloy"))]);
    expect(result.stderr).toBe("");
    const diagnostics = JSON.parse(result.stdout) as { code: string; message: string; line: number }[];
    const notRead = diagnostics.filter((d) => d.code === "check/import-not-read");
    expect(notRead[0].message).toMatch(/^import\.file\.huge is not read: .*huge\.alloy is 600 MiB, over the 8 MiB limit for imported modules$/);
    if (mkfifo.status === 0) expect(notRead[1].message).toMatch(/^import\.file\.pipe is not read: .*fifo is not a regular file$/);
    expect(result.code).toBe(0);
  });

  it("does not read an import.file whose bytes are not UTF-8: a warning says where the first bad byte is", () => {
    const folder = join(dir, "latin1-import");
    mkdirSync(folder);
    writeFileSync(join(folder, "mod.alloy"), Buffer.concat([Buffer.from('declare "thing" {\n  argument "a" { } // caf'), Buffer.from([0xe9]), Buffer.from("\n}\n")]));
    writeFileSync(join(folder, "main.alloy"), 'import.file "mod" {\n  filename = "mod.alloy"\n}\n');
    const result = run(["--format", "json", rel(join(folder, "main.alloy"))]);
    expect(result.stderr).toBe("");
    const notRead = (JSON.parse(result.stdout) as { code: string; message: string }[]).filter((d) => d.code === "check/import-not-read");
    expect(notRead.map((d) => d.message)).toEqual([expect.stringMatching(/^import\.file\.mod is not read: .*mod\.alloy is not UTF-8 \(.*mod\.alloy:2:26: illegal UTF-8 encoding\)$/)]);
  });

  it("--disable switches rules off", () => {
    const result = run(["--disable", "check/unknown-attribute,check/missing-required", rel(broken)]);
    expect(result.code).toBe(0);
  });

  it("writes json, sarif and github formats", () => {
    const json = JSON.parse(run(["--format", "json", rel(broken)]).stdout);
    expect(json[0]).toMatchObject({ file: rel(broken), line: 2, column: 2, code: "check/unknown-attribute", severity: "error" });
    const sarif = JSON.parse(run(["--format", "sarif", rel(broken)]).stdout);
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: "check/unknown-attribute", level: "error" });
    expect(run(["--format", "github", rel(broken)]).stdout.split("\n")[0]).toBe(
      `::error file=${rel(broken)},line=2,col=2,endLine=2,endColumn=20,title=check/unknown-attribute::unrecognized attribute name "filenam" (did you mean "filename"?)`,
    );
  });

  it("exits 2 on usage and I/O errors", () => {
    expect(run([]).code).toBe(2);
    expect(run(["--format", "xml", rel(clean)]).code).toBe(2);
    expect(run(["--stability-level", "beta", rel(clean)]).code).toBe(2);
    expect(run(["--disable", "no/such-rule", rel(clean)]).code).toBe(2);
    const missing = run([join(dir, "missing.alloy")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no such file or directory");
  });

  it("reports a file that is not UTF-8 where Alloy does, as an input error, without checking it", () => {
    const latin1 = join(dir, "latin1.alloy");
    writeFileSync(latin1, Buffer.concat([Buffer.from('local.file "a" {\n  filename = "/tmp/caf'), Buffer.from([0xe9, 0xe9]), Buffer.from('"\n}\n')]));
    const result = run([rel(latin1)]);
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: `alloylint: ${rel(latin1)}:2:23: illegal UTF-8 encoding\nalloylint: ${rel(latin1)}:2:24: illegal UTF-8 encoding\n`,
    });
  });

  it("gates stability and community components", () => {
    const file = join(dir, "experimental.alloy");
    writeFileSync(file, `foreach "x" {\n  collection = []\n  var = "each"\n  template { }\n}\n`);
    expect(run([rel(file)]).code).toBe(1);
    expect(run(["--stability-level", "experimental", rel(file)]).code).toBe(0);
  });
});
