import { parseArgs } from "node:util";
import { analyze } from "@alloy-toolkit/checker";
import { buildGraph, graphFormats, renderGraph, type GraphFormat } from "@alloy-toolkit/graph";
import { writeFileAtomic } from "../fmt/atomic-write.js";
import { fileSystemResolver, loadTargets } from "./load.js";
import type { LintIo } from "./run.js";

export const GRAPH_USAGE = `Usage: alloylint graph [options] <path>...

Prints the pipeline graph of one Alloy config (the files named, and the *.alloy files of the directories
named, together): components, the references that wire them, and what flows along each (metrics, logs,
traces, profiles, targets), without running Alloy.

Options:
  --format <svg|mermaid|dot|json>     Output format (default: svg)
  -o, --output <file>                 Write to a file (atomically) instead of standard output
  -h, --help                          Show this help

Exit status: 0 graph written, 2 usage or I/O error. Problems in the config do not stop the graph: references
that do not resolve are drawn as dashed edges to "missing" nodes (run alloylint without "graph" to see them).
`;

/** `alloylint graph …`: returns the exit code (0, or 2 on usage or I/O errors). */
export function runGraph(argv: readonly string[], io: LintIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: "string", default: "svg" },
        output: { type: "string", short: "o" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    io.stderr(`alloylint graph: ${(error as Error).message}\n\n${GRAPH_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(GRAPH_USAGE);
    return 0;
  }
  const format = values.format as string;
  if (!(graphFormats as readonly string[]).includes(format)) {
    io.stderr(`alloylint graph: unknown --format "${format}" (expected ${graphFormats.join(", ")})\n\n${GRAPH_USAGE}`);
    return 2;
  }
  if (positionals.length === 0) {
    io.stderr(`alloylint graph: no path given\n\n${GRAPH_USAGE}`);
    return 2;
  }
  const files = [];
  for (const path of positionals) {
    try {
      files.push(...loadTargets(path).flatMap((t) => t.files));
    } catch (error) {
      io.stderr(`alloylint graph: ${path}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : (error as Error).message}\n`);
      return 2;
    }
  }
  const model = analyze(files, { stabilityLevel: "experimental", communityComponents: true, resolveImport: fileSystemResolver });
  const output = renderGraph(buildGraph(model), format as GraphFormat);
  if (values.output === undefined) {
    io.stdout(output);
    return 0;
  }
  try {
    writeFileAtomic(values.output, output);
  } catch (error) {
    io.stderr(`alloylint graph: ${values.output}: ${(error as Error).message}\n`);
    return 2;
  }
  return 0;
}
