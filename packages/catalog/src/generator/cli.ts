import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCatalog } from "./generate.js";
import { formatReport } from "./report.js";
import { dataModuleUrl, reportUrl, serializeDataModule } from "./serialize.js";

const usage = `usage: node dist/generator/cli.js generate|report|check [--source <alloy-source>] [--docs <alloy-docs>]
  generate  writes src/generated/catalog-data.ts and REPORT.md, prints the report's summary
  report    prints REPORT.md as it would be generated
  check     exits 1 when either committed file is stale
The Go source defaults to ../shared/alloy-source beside the repository (or ALLOY_SOURCE), the docs to
../shared/alloy-docs (or ALLOY_DOCS).`;

function option(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

/** Writes through a temporary file beside the target, so a reader never sees half a file. */
function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.tmp`;
  writeFileSync(partial, text);
  renameSync(partial, path);
}

async function main(argv: string[]): Promise<number> {
  const command = argv[0] ?? "report";
  if (!["generate", "report", "check"].includes(command)) {
    process.stderr.write(`unknown command ${command}\n${usage}\n`);
    return 2;
  }
  const sharedRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "..", "shared");
  const sourceRoot = resolve(option(argv, "--source") ?? process.env.ALLOY_SOURCE ?? resolve(sharedRoot, "alloy-source"));
  const docsRoot = resolve(option(argv, "--docs") ?? process.env.ALLOY_DOCS ?? resolve(sharedRoot, "alloy-docs"));
  for (const [what, path] of [
    ["Go source", sourceRoot],
    ["docs", docsRoot],
  ]) {
    if (!existsSync(path)) {
      process.stderr.write(`${path}: the ${what} folder does not exist\n${usage}\n`);
      return 2;
    }
  }
  const { data, report, timing } = await generateCatalog({ sourceRoot, docsRoot });
  const outputs: [string, string][] = [
    [fileURLToPath(dataModuleUrl()), serializeDataModule(data)],
    [fileURLToPath(reportUrl()), formatReport(report)],
  ];
  switch (command) {
    case "generate":
      for (const [target, text] of outputs) {
        writeAtomically(target, text);
        process.stdout.write(`wrote ${target} (${Buffer.byteLength(text)} bytes)\n`);
      }
      process.stdout.write(
        `${report.releases.length} releases, ${data.components.length} components, ${data.configBlocks.length} config blocks, ` +
          `${report.disagreements.length} docs/code disagreements, ${report.goProblems.length} Go reading problems\n` +
          `read ${timing.goFiles} distinct Go files (${(timing.goBytes / 1e6).toFixed(1)} MB) in ${(timing.goMs / 1000).toFixed(1)} s, ` +
          `the docs in ${(timing.docsMs / 1000).toFixed(1)} s; ${(timing.totalMs / 1000).toFixed(1)} s in all\n` +
          "the runtime imports the data module compiled into dist/: run pnpm build\n",
      );
      return 0;
    case "report":
      process.stdout.write(outputs[1][1]);
      return 0;
    default: {
      let stale = false;
      for (const [target, text] of outputs) {
        if (existsSync(target) && readFileSync(target, "utf8") === text) continue;
        process.stderr.write(`${target} is stale: run pnpm catalog:generate\n`);
        stale = true;
      }
      return stale ? 1 : 0;
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`catalog generator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
