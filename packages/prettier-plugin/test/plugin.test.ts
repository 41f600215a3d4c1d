import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { format } from "@alloy-toolkit/formatter";
import { loadCorpus } from "../../../test/support/corpus.js";
import { describeShared } from "../../../test/support/shared.js";
import * as plugin from "../src/index.js";

/** The built plugin, as Prettier's CLI loads it. */
const PLUGIN_DIST = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const PRETTIER_BIN = createRequire(import.meta.url).resolve("prettier/bin/prettier.cjs");

const INPUT = `// config
prometheus.scrape "default" {
  targets = [{"__address__" = "localhost:9090"}]
  forward_to=[prometheus.remote_write.default.receiver]
  scrape_interval = "15s" // often
}
prometheus.remote_write "default" {
endpoint {
url = "http://mimir:9009/api/v1/push"
}
}
`;

function prettierFormat(text: string, filepath?: string): Promise<string> {
  return prettier.format(text, { parser: filepath ? undefined : "alloy", filepath, plugins: [plugin] });
}

describe("prettier-plugin-alloy through Prettier's API", () => {
  it("formats exactly like format()", async () => {
    const expected = format(INPUT);
    expect(expected).toContain('targets         = [{"__address__" = "localhost:9090"}]');
    expect(await prettierFormat(INPUT)).toBe(expected);
  });

  it("infers the parser from .alloy and .river file names", async () => {
    expect(await prettierFormat(INPUT, "config.alloy")).toBe(format(INPUT));
    expect(await prettierFormat(INPUT, "legacy.river")).toBe(format(INPUT));
  });

  it("declares its languages", () => {
    expect(plugin.languages[0].extensions).toEqual([".alloy", ".river"]);
    expect(plugin.parsers.alloy.astFormat).toBe("alloy");
  });

  it("is stable and reports check results", async () => {
    const once = await prettierFormat(INPUT);
    expect(await prettierFormat(once)).toBe(once);
    expect(await prettier.check(once, { parser: "alloy", plugins: [plugin] })).toBe(true);
    expect(await prettier.check(INPUT, { parser: "alloy", plugins: [plugin] })).toBe(false);
  });

  it("rejects input with parse errors with a located syntax error", async () => {
    await expect(prettierFormat("a = \nb {\n")).rejects.toMatchObject({
      name: "SyntaxError",
      loc: { start: { line: expect.any(Number), column: expect.any(Number) } },
    });
  });
});

describe("prettier-plugin-alloy through Prettier's CLI", () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "prettier-alloy-"));
    mkdirSync(join(dir, "conf", "nested"), { recursive: true });
    writeFileSync(join(dir, "conf", "main.alloy"), INPUT);
    writeFileSync(join(dir, "conf", "nested", "old.river"), "a=1\nbb=2\n");
    writeFileSync(join(dir, "conf", "nested", "done.alloy"), format(INPUT));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function prettierCli(args: string[]) {
    return spawnSync(process.execPath, [PRETTIER_BIN, `--plugin=${PLUGIN_DIST}`, ...args], {
      cwd: dir,
      encoding: "utf8",
    });
  }

  it("--check lists the unformatted files of a folder", () => {
    const result = prettierCli(["--check", "conf"]);
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toContain("conf/main.alloy");
    expect(result.stdout + result.stderr).toContain("conf/nested/old.river");
    expect(result.stdout + result.stderr).not.toContain("done.alloy");
  });

  it("--write formats a folder like format()", () => {
    const result = prettierCli(["--write", "conf"]);
    expect(result.status).toBe(0);
    expect(readFileSync(join(dir, "conf", "main.alloy"), "utf8")).toBe(format(INPUT));
    expect(readFileSync(join(dir, "conf", "nested", "old.river"), "utf8")).toBe("a  = 1\nbb = 2\n");
    expect(prettierCli(["--check", "conf"]).status).toBe(0);
  });
});

describeShared("corpus", "prettier-plugin-alloy matches format() on the corpus", (corpusRoot) => {
  const cases = loadCorpus(corpusRoot).filter((c) => c.expect !== undefined);
  it(`formats all ${cases.length} parsing inputs like format()`, async () => {
    const mismatches: string[] = [];
    for (const c of cases) {
      // Prettier itself returns blank input unchanged, before any plugin runs (format() gives "\n").
      const expected = c.text.trim() === "" ? "" : format(c.text);
      if ((await prettierFormat(c.text)) !== expected) mismatches.push(`${c.source}/${c.name}`);
    }
    expect(mismatches).toEqual([]);
  });
});
