// Rewrites chart-app-versions.generated.ts from ../shared/alloy-source/helm-chart-app-versions.tsv
// (or the file given as the first argument). Run by hand when the table changes.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { renderChartVersionsModule } from "./render-chart-versions.js";

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const table = process.argv[2] ?? resolve(packageRoot, "..", "..", "..", "shared", "alloy-source", "helm-chart-app-versions.tsv");
const target = join(packageRoot, "src", "chart-versions", "chart-app-versions.generated.ts");
writeFileSync(target, renderChartVersionsModule(readFileSync(table, "utf8")));
console.log(`wrote ${target} from ${table}`);
