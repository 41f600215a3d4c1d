// Rewrites chart-values-schema.generated.ts from the chart in ../shared/alloy-docs/helm-chart
// (or the directory given as the first argument).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateValuesSchema, renderValuesSchemaModule } from "./generate-values-schema.js";

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const chartDir = process.argv[2] ?? resolve(packageRoot, "..", "..", "..", "shared", "alloy-docs", "helm-chart");
const schema = generateValuesSchema({
  valuesYaml: readFileSync(join(chartDir, "values.yaml"), "utf8"),
  readme: readFileSync(join(chartDir, "README.md"), "utf8"),
  chartYaml: readFileSync(join(chartDir, "Chart.yaml"), "utf8"),
});
const target = join(packageRoot, "src", "schema", "chart-values-schema.generated.ts");
writeFileSync(target, renderValuesSchemaModule(schema));
console.log(`wrote ${target} (chart ${schema.chart.version})`);
