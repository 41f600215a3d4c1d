import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { describeShared } from "../../../test/support/shared.js";
import { checkValuesFile } from "../src/index.js";

// The chart's own CI values: each must render, so none may get an error. `external-hpa-validation-failure.yaml`
// (no `-values` suffix) is the chart's negative test: `helm template` must fail on it, and so must we.
describeShared("alloy-docs/helm-chart/ci", "grafana/alloy chart ci/*.yaml", (ciDir) => {
  const files = readdirSync(ciDir).filter((f) => f.endsWith(".yaml")).sort();

  it("reads all 54 files", () => {
    expect(files.length).toBe(54);
  });

  for (const file of files.filter((f) => f.endsWith("-values.yaml"))) {
    it(`${file}: no error`, () => {
      const { diagnostics } = checkValuesFile(readFileSync(join(ciDir, file), "utf8"), { filename: file, chart: true });
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    });
  }

  it("external-hpa-validation-failure.yaml: the error helm template also gives", () => {
    const file = "external-hpa-validation-failure.yaml";
    const { diagnostics } = checkValuesFile(readFileSync(join(ciDir, file), "utf8"), { filename: file });
    expect(diagnostics.map((d) => d.code)).toEqual(["deploy/autoscaling-conflict"]);
  });
});
