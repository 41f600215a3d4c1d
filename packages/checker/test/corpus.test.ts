import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { describeShared } from "../../../test/support/shared.js";
import { check, type CheckDiagnostic } from "../src/index.js";

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

function checkFolder(dir: string): { file: string; diagnostics: CheckDiagnostic[] }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".alloy"))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), "utf8");
      const result = check([{ filename: file, text }], { stabilityLevel: "experimental", communityComponents: true });
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
});
