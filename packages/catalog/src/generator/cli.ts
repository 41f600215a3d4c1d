import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { catalogFileUrl, catalogVersion } from "../index.js";
import { dataIndexModuleUrl, indexCatalogData, serializeDataIndex } from "./data-index.js";
import { generateCatalog, serializeCatalog } from "./generate.js";
import { formatReport } from "./report.js";

/**
 * `node dist/generator/cli.js generate|report|check [--docs <alloy-docs folder>]`
 * generate: writes data/alloy-<version>.json and its index src/generated/alloy-<version>.index.ts;
 * report: prints the report; check: exits 1 when either is stale.
 */
function main(argv: string[]): number {
  const command = argv[0] ?? "report";
  const docsIndex = argv.indexOf("--docs");
  const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
  const docsRoot =
    docsIndex >= 0 ? resolve(argv[docsIndex + 1]) : process.env.ALLOY_DOCS ?? resolve(packageRoot, "..", "..", "..", "shared", "alloy-docs");
  const { catalog, report } = generateCatalog({ docsRoot });
  const data = serializeCatalog(catalog);
  const dataTarget = fileURLToPath(catalogFileUrl(catalogVersion));
  const index = serializeDataIndex(indexCatalogData(data), basename(dataTarget));
  const indexTarget = fileURLToPath(dataIndexModuleUrl(catalogVersion));
  switch (command) {
    case "generate":
      for (const [target, text] of [
        [dataTarget, data],
        [indexTarget, index],
      ]) {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, text);
        process.stdout.write(`wrote ${target} (${Buffer.byteLength(text)} bytes)\n`);
      }
      process.stdout.write("the runtime reads the index from dist/: run pnpm build\n");
      process.stdout.write(formatReport(report));
      return 0;
    case "report":
      process.stdout.write(formatReport(report));
      return 0;
    case "check": {
      let stale = false;
      for (const [target, text] of [
        [dataTarget, data],
        [indexTarget, index],
      ]) {
        if (readFileSync(target, "utf8") === text) continue;
        process.stderr.write(`${target} is stale: run pnpm catalog:generate\n`);
        stale = true;
      }
      return stale ? 1 : 0;
    }
    default:
      process.stderr.write(`unknown command ${command}; use generate, report or check\n`);
      return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
