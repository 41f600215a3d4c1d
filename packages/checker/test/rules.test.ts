import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check, rules, type CheckOptions } from "../src/index.js";

const fixtures = join(import.meta.dirname, "rules");

/** Fixture folder of a rule: its id with `/` written as `__`. */
const folderOf = (id: string) => join(fixtures, id.replace("/", "__"));

/**
 * A fixture's options: the JSON after `// options:`, where `imports` maps an `import.file` name to what the
 * resolver gives for it (a module's text, or `{ "problem": "…" }`).
 */
function optionsOf(text: string): CheckOptions {
  const options = /^\/\/ options: (.*)$/m.exec(text);
  if (!options) return {};
  const { imports, ...parsed } = JSON.parse(options[1]) as CheckOptions & { imports?: Record<string, string | { problem: string }> };
  return imports ? { ...parsed, resolveImport: (filename) => imports[filename] } : parsed;
}

function run(file: string) {
  const text = readFileSync(file, "utf8");
  return { text, diagnostics: check([{ filename: "fixture.alloy", text }], optionsOf(text)).diagnostics };
}

/** Lines carrying `// expect: <rule-id>`. */
function expectedLines(text: string, id: string): number[] {
  return text
    .split("\n")
    .map((line, i) => (line.includes(`// expect: ${id}`) ? i + 1 : 0))
    .filter((n) => n > 0);
}

describe("rules", () => {
  it("every fixture folder belongs to a registered rule", () => {
    const ids = new Set(rules.map((r) => r.id.replace("/", "__")));
    expect(readdirSync(fixtures).filter((f) => !ids.has(f))).toEqual([]);
  });

  it("ids are unique and stable-looking", () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const rule of rules) expect(rule.id).toMatch(/^(check|cluster)\/[a-z-]+$/);
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      it("has fires.alloy and clean.alloy", () => {
        expect(existsSync(join(folderOf(rule.id), "fires.alloy"))).toBe(true);
        expect(existsSync(join(folderOf(rule.id), "clean.alloy"))).toBe(true);
      });

      it("fires on the marked lines only", () => {
        const { text, diagnostics } = run(join(folderOf(rule.id), "fires.alloy"));
        const lines = expectedLines(text, rule.id);
        expect(lines.length).toBeGreaterThan(0);
        const got = [...new Set(diagnostics.filter((d) => d.code === rule.id).map((d) => d.range.start.line))];
        expect(got).toEqual(lines);
      });

      it("stays quiet on clean.alloy", () => {
        const { diagnostics } = run(join(folderOf(rule.id), "clean.alloy"));
        expect(diagnostics.filter((d) => d.code === rule.id)).toEqual([]);
        expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      });

      it("can be switched off by id", () => {
        const text = readFileSync(join(folderOf(rule.id), "fires.alloy"), "utf8");
        const { diagnostics } = check([{ filename: "f.alloy", text }], { ...optionsOf(text), disable: [rule.id] });
        expect(diagnostics.filter((d) => d.code === rule.id)).toEqual([]);
      });
    });
  }
});

describe("disable directives", () => {
  it("alloylint-disable-next-line switches a rule off on the next line", () => {
    const text = `local.file "x" {\n  // alloylint-disable-next-line check/unknown-attribute\n  filenam = "a"\n  filename = "b"\n}\n`;
    const { diagnostics } = check([{ filename: "a.alloy", text }]);
    expect(diagnostics.filter((d) => d.code === "check/unknown-attribute")).toEqual([]);
  });

  it("a file-wide alloylint-disable switches a rule off everywhere", () => {
    const text = `// alloylint-disable check/unused-component\nlocal.file "x" { filename = "a" }\n`;
    expect(check([{ filename: "a.alloy", text }]).diagnostics).toEqual([]);
  });
});
