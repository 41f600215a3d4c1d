import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { describeShared } from "../../../../test/support/shared.js";
import { generateValuesSchema, renderValuesSchemaModule } from "../../src/schema/generate-values-schema.js";

const committed = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "schema", "chart-values-schema.generated.ts");

describeShared("alloy-docs/helm-chart", "chart values schema freshness", (chartDir) => {
  it("chart-values-schema.generated.ts is what the generator makes of the chart's values.yaml and README", () => {
    const schema = generateValuesSchema({
      valuesYaml: readFileSync(join(chartDir, "values.yaml"), "utf8"),
      readme: readFileSync(join(chartDir, "README.md"), "utf8"),
      chartYaml: readFileSync(join(chartDir, "Chart.yaml"), "utf8"),
    });
    expect(readFileSync(committed, "utf8"), "stale: run node packages/deployment/dist/schema/generate-cli.js").toBe(
      renderValuesSchemaModule(schema),
    );
  });

  it("carries the generated — do not edit header", () => {
    const text = readFileSync(committed, "utf8");
    expect(text.startsWith("// Generated from the grafana/alloy Helm chart")).toBe(true);
    expect(text).toContain("do not edit");
  });
});
