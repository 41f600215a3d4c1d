import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { describeShared } from "../../../test/support/shared.js";
import { availableAlloyVersions } from "@alloy-toolkit/catalog";
import { check, type CheckDiagnostic, type CheckOptions } from "../src/index.js";

/**
 * Errors on grafana/alloy's own configs (corpus `alloy-repo`, taken after v1.19.0-rc.3) that are right
 * against the v1.18.1 catalog: features added after v1.18.1, and a few rows the docs mark required.
 * Each is listed as `file:line code`, so a new error fails the suite.
 */
const EXPECTED_ERRORS = new Set(
  readFileSync(join(import.meta.dirname, "corpus-expected-errors.txt"), "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#")),
);

function checkFolder(dir: string, options: CheckOptions = {}): { file: string; diagnostics: CheckDiagnostic[] }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".alloy"))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), "utf8");
      const result = check([{ filename: file, text }], { stabilityLevel: "experimental", communityComponents: true, ...options });
      return { file, diagnostics: result.model.hasSyntaxErrors ? [] : result.diagnostics };
    });
}

describeShared("corpus/alloy-repo", "grafana/alloy configs", (dir) => {
  it("reports no errors beyond the known, explained ones", () => {
    const errors = checkFolder(dir).flatMap(({ file, diagnostics }) =>
      diagnostics.filter((d) => d.severity === "error").map((d) => `${file}:${d.range.start.line} ${d.code}`),
    );
    expect(errors.filter((e) => !EXPECTED_ERRORS.has(e))).toEqual([]);
    // A listed error that is no longer reported is stale: the list must say exactly what is reported.
    expect([...EXPECTED_ERRORS].filter((e) => !errors.includes(e))).toEqual([]);
  });

  it("at their own release (the corpus's commit is after v1.19.0-rc.3, the newest catalogued) reports only the converter outputs' missing blocks", () => {
    const release = availableAlloyVersions[availableAlloyVersions.length - 1];
    expect(release).toBe("v1.19.0-rc.3");
    const errors = checkFolder(dir, { alloyVersion: release }).flatMap(({ file, diagnostics }) =>
      diagnostics.filter((d) => d.severity === "error").map((d) => `${file}:${d.range.start.line} ${d.code}`),
    );
    // Every feature added after v1.18.1 is known there: what remains is what the decoder requires and the converter omits.
    expect(errors.filter((e) => !EXPECTED_ERRORS.has(e) || !e.endsWith(" check/missing-required"))).toEqual([]);
    expect(errors.length).toBeLessThan(EXPECTED_ERRORS.size);
  });
});
