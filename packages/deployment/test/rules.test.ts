import { describe, expect, it } from "vitest";
import { LineIndex } from "@alloy-toolkit/parser";
import { checkValuesFile, deploymentRules } from "../src/index.js";
import { readExpectations, readFixture, ruleFixtureFolders } from "./fixtures.js";

const folders = ruleFixtureFolders();

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
      it("fires at the expected positions of fires.yaml", () => {
        const text = readFixture(`${rule.id}/fires.yaml`);
        const expected = readExpectations(text);
        expect(expected.length).toBeGreaterThan(0);
        const { diagnostics } = checkValuesFile(text, { filename: "fires.yaml" });
        const fired = diagnostics.filter((d) => d.code === rule.id);
        expect(fired.map((d) => `${d.range.start.line}:${d.range.start.column}`)).toEqual(
          expected.map((e) => `${e.line}:${e.column}`),
        );
        const index = new LineIndex(text);
        for (const [i, d] of fired.entries()) {
          expect(d.severity).toBe(rule.severity);
          const start = index.offsetAt(d.range.start.line, d.range.start.column);
          expect(text.slice(start, start + expected[i].text.length)).toBe(expected[i].text);
        }
      });

      it("does not fire on clean.yaml, which has no error at all", () => {
        const text = readFixture(`${rule.id}/clean.yaml`);
        const { diagnostics, isChartValues } = checkValuesFile(text, { filename: "clean.yaml" });
        expect(isChartValues).toBe(true);
        expect(diagnostics.filter((d) => d.code === rule.id)).toEqual([]);
        expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      });
    });
  }
});
