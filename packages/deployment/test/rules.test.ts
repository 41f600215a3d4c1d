import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LineIndex } from "@alloy-toolkit/parser";
import { checkDeployment, deploymentRules } from "../src/index.js";
import { fixturesRoot, readExpectations, readFixture, ruleFixtureFolders } from "./fixtures.js";

const folders = ruleFixtureFolders();

/** The fixtures of a rule: `fires*.yaml` (each lists the expected positions) and `clean*.yaml`. */
function fixturesOf(id: string, kind: "fires" | "clean"): string[] {
  return readdirSync(join(fixturesRoot, id)).filter((f) => f.startsWith(kind) && f.endsWith(".yaml")).sort();
}

describe("deployment rules", () => {
  it("every rule has a fixture folder and every folder a rule", () => {
    expect(folders).toEqual(deploymentRules.map((r) => r.id).sort());
  });

  it("rule ids, severities and descriptions are set", () => {
    for (const rule of deploymentRules) {
      expect(rule.id).toMatch(/^(deploy|values)\/[a-z-]+$/);
      expect(["error", "warning"]).toContain(rule.severity);
      expect(rule.description.length).toBeGreaterThan(20);
    }
  });

  for (const rule of deploymentRules) {
    describe(rule.id, () => {
      for (const fixture of fixturesOf(rule.id, "fires")) {
        it(`fires at the expected positions of ${fixture}`, () => {
          const text = readFixture(`${rule.id}/${fixture}`);
          const expected = readExpectations(text);
          expect(expected.length).toBeGreaterThan(0);
          const { diagnostics } = checkDeployment([{ file: fixture, text }]);
          const fired = diagnostics.filter((d) => d.code === rule.id);
          expect(fired.map((d) => `${d.range.start.line}:${d.range.start.column}`)).toEqual(expected.map((e) => `${e.line}:${e.column}`));
          const index = new LineIndex(text);
          for (const [i, d] of fired.entries()) {
            expect(d.severity).toBe(expected[i].severity ?? rule.severity);
            const start = index.offsetAt(d.range.start.line, d.range.start.column);
            expect(text.slice(start, start + expected[i].text.length)).toBe(expected[i].text);
          }
        });
      }

      for (const fixture of fixturesOf(rule.id, "clean")) {
        it(`does not fire on ${fixture}, which has no error at all`, () => {
          const text = readFixture(`${rule.id}/${fixture}`);
          const { diagnostics, holdsAlloy } = checkDeployment([{ file: fixture, text }]);
          expect(holdsAlloy).toBe(true);
          expect(diagnostics.filter((d) => d.code === rule.id)).toEqual([]);
          expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        });
      }
    });
  }
});
