import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { describeShared } from "../../../../test/support/shared.js";
import { renderChartVersionsModule } from "../../src/chart-versions/render-chart-versions.js";

const committed = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "chart-versions", "chart-app-versions.generated.ts");

describeShared("alloy-source/helm-chart-app-versions.tsv", "chart app versions freshness", (table) => {
  it("chart-app-versions.generated.ts is what the generator makes of ../shared/alloy-source/helm-chart-app-versions.tsv", () => {
    expect(readFileSync(committed, "utf8")).toBe(renderChartVersionsModule(readFileSync(table, "utf8")));
  });
});

it("the generator refuses a table of another shape", () => {
  expect(() => renderChartVersionsModule("chart\tapp\n1.0.0\tv1.0.0\n")).toThrow(/unexpected header/);
  expect(() => renderChartVersionsModule("chart_version\tapp_version\n1.0.0\tlatest\n")).toThrow(/line 2/);
});
