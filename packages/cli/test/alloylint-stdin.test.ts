import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { runAlloylint } from "../src/lint/run.js";

const fixtures = join(import.meta.dirname, "fixtures", "lint");
const bin = join(import.meta.dirname, "..", "bin", "alloylint.js");

function run(args: string[], stdin: string | Uint8Array) {
  let stdout = "";
  let stderr = "";
  let reads = 0;
  const code = runAlloylint(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: () => {
      reads++;
      return stdin;
    },
  });
  return { code, stdout, stderr, reads };
}

const broken = 'local.file "a" {\n  filenam = "/tmp/a"\n}\n';

describe("alloylint - (standard input)", () => {
  it("checks a config read from standard input, named <stdin>", () => {
    const result = run(["--format", "json", "-"], Buffer.from(broken));
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).map((d: { file: string; code: string; line: number }) => [d.file, d.code, d.line])).toEqual([
      ["<stdin>", "check/unknown-attribute", 2],
      ["<stdin>", "check/missing-required", 1],
      ["<stdin>", "check/unused-component", 1],
    ]);
  });

  it("names it with --stdin-filename, which tells YAML from Alloy", () => {
    const named = run(["--stdin-filename", "config/main.alloy", "--format", "json", "-"], broken);
    expect(JSON.parse(named.stdout)[0].file).toBe("config/main.alloy");
    const values = readFileSync(join(fixtures, "inline-values.yaml"));
    const asYaml = JSON.parse(run(["--stdin-filename", "values.yaml", "--format", "json", "-"], values).stdout);
    expect(asYaml.map((d: { file: string; code: string }) => [d.file, d.code])).toContainEqual(["values.yaml", "check/unknown-attribute"]);
    // The same text taken as Alloy is not a config.
    expect(JSON.parse(run(["--format", "json", "-"], values).stdout)[0]).toMatchObject({ file: "<stdin>", code: expect.stringMatching(/^parse\//) });
  });

  it("checks standard input beside paths", () => {
    const file = relative(process.cwd(), join(fixtures, "sarif", "config.alloy"));
    const files = new Set(JSON.parse(run(["--format", "json", file, "-"], broken).stdout).map((d: { file: string }) => d.file));
    expect(files).toEqual(new Set([file, "<stdin>"]));
  });

  it("decodes it as Alloy reads files: a BOM is dropped, bytes that are not UTF-8 are an input error", () => {
    const bom = run(["-"], Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('local.file "a" {\n  filename = "/tmp/a"\n}\n')]));
    expect(bom.code).toBe(0);
    const latin1 = run(["--stdin-filename", "in.alloy", "-"], Buffer.concat([Buffer.from('local.file "a" {\n  filename = "caf'), Buffer.from([0xe9]), Buffer.from('"\n}\n')]));
    expect(latin1).toMatchObject({ code: 2, stdout: "", stderr: "alloylint: in.alloy:2:18: illegal UTF-8 encoding\n" });
  });

  it("rejects reading it twice, and --stdin-filename without -", () => {
    for (const args of [["-", "-"], ["--stdin-filename", "a.alloy", "x.alloy"], ["--stdin-filename=", "-"]]) {
      const result = run(args, broken);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.reads).toBe(0);
      expect(result.stderr).toMatch(/^alloylint: (standard input|--stdin-filename)/);
    }
  });

  it("reads the process's standard input in the bin", () => {
    const result = spawnSync(process.execPath, [bin, "--stdin-filename", "piped.alloy", "-"], { input: broken, encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('Error: piped.alloy:2:3: unrecognized attribute name "filenam"');
  });
});
