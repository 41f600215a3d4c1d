import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { catalogFileUrl } from "../index.js";
import { generateCatalog, serializeCatalog } from "./generate.js";
import { formatReport } from "./report.js";

/**
 * `node dist/generator/cli.js generate|report|check [--docs <alloy-docs folder>]`
 * generate: writes data/alloy-<version>.json; report: prints the report; check: exits 1 when stale.
 */
function main(argv: string[]): number {
  const command = argv[0] ?? "report";
  const docsIndex = argv.indexOf("--docs");
  const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
  const docsRoot =
    docsIndex >= 0 ? resolve(argv[docsIndex + 1]) : process.env.ALLOY_DOCS ?? resolve(packageRoot, "..", "..", "..", "shared", "alloy-docs");
  const { catalog, report } = generateCatalog({ docsRoot });
  const text = serializeCatalog(catalog);
  const target = fileURLToPath(catalogFileUrl());
  switch (command) {
    case "generate":
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
      process.stdout.write(`wrote ${target} (${Buffer.byteLength(text)} bytes)\n`);
      process.stdout.write(formatReport(report));
      return 0;
    case "report":
      process.stdout.write(formatReport(report));
      return 0;
    case "check": {
      const committed = readFileSync(target, "utf8");
      if (committed === text) return 0;
      process.stderr.write(`${target} is stale: run pnpm catalog:generate\n`);
      return 1;
    }
    default:
      process.stderr.write(`unknown command ${command}; use generate, report or check\n`);
      return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
