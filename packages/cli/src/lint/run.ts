import { readFileSync } from "node:fs";
import { check, type CheckDiagnostic, type CheckOptions, type SourceInput } from "@alloy-toolkit/checker";
import { checkValuesFile } from "@alloy-toolkit/deployment";
import { runGraph } from "./graph.js";
import { parseLintArgs, USAGE, UsageError } from "./options.js";
import { fileSystemResolver, loadTargets, type TargetLoader, defaultLoaders } from "./load.js";
import { renderReports, type LintReport } from "./output.js";

export const ExitCode = { Clean: 0, Errors: 1, Usage: 2 } as const;

export interface LintIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * Runs alloylint on arguments: loads each path (a file, or a directory as one config), checks it,
 * prints the diagnostics, and returns the exit code (0 clean, 1 errors, 2 usage or I/O error).
 */
export function runAlloylint(
  argv: readonly string[],
  io: LintIo,
  version = "0.0.0",
  loaders: readonly TargetLoader[] = defaultLoaders,
): number {
  if (argv[0] === "graph") return runGraph(argv.slice(1), io);
  let options;
  try {
    options = parseLintArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`alloylint: ${error.message}\n\n${USAGE}`);
    return ExitCode.Usage;
  }
  if (options.help) {
    io.stdout(USAGE);
    return ExitCode.Clean;
  }
  if (options.version) {
    io.stdout(`alloylint ${version}\n`);
    return ExitCode.Clean;
  }
  const reports: LintReport[] = [];
  let ioFailed = false;
  const checkOptions: CheckOptions = {
    stabilityLevel: options.stabilityLevel,
    communityComponents: options.communityComponents,
    disable: options.disable,
    resolveImport: fileSystemResolver,
  };
  const targets = [];
  for (const path of options.paths) {
    try {
      targets.push(...loadTargets(path, loaders));
    } catch (error) {
      io.stderr(`alloylint: ${describeIoError(path, error)}\n`);
      ioFailed = true;
    }
  }
  if (options.values !== undefined) {
    let valuesText;
    try {
      valuesText = readFileSync(options.values, "utf8");
    } catch (error) {
      io.stderr(`alloylint: ${describeIoError(options.values, error)}\n`);
      return ExitCode.Usage;
    }
    const configs = targets.flatMap((t) => t.files);
    reports.push(checkValues({ filename: options.values, text: valuesText }, checkOptions, configs)!);
  } else {
    for (const target of targets) {
      if (target.values !== undefined) {
        const report = checkValues(target.values, checkOptions);
        if (report === undefined) {
          io.stderr(
            `alloylint: ${target.path}: not a values file of the grafana/alloy chart (no alloy: or controller: mapping); ` +
              `use --values ${target.path} <config> to check a config against it\n`,
          );
          ioFailed = true;
        } else reports.push(report);
      } else {
        const { diagnostics } = check(target.files, checkOptions);
        reports.push({ diagnostics, sources: new Map(target.files.map((f) => [f.filename, f.text])) });
      }
    }
  }
  io.stdout(renderReports(reports, options.format, version));
  if (ioFailed) return ExitCode.Usage;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === "error")) ? ExitCode.Errors : ExitCode.Clean;
}

/**
 * A chart values file: its keys, the deployment rules, and the config it deploys (inline, or `configs`)
 * with every checker rule. Stability and community components are judged by the deployment rules from
 * `alloy.stabilityLevel` and `alloy.extraArgs`, so the config checks run without those two gates.
 */
function checkValues(values: SourceInput, options: CheckOptions, configs?: readonly SourceInput[]): LintReport | undefined {
  const result = checkValuesFile(values.text, {
    filename: values.filename,
    chart: configs !== undefined,
    configs: configs?.map((c) => ({ file: c.filename, text: c.text })),
    checkConfig: (files) => check(files, { ...options, stabilityLevel: "experimental", communityComponents: true }).diagnostics,
  });
  if (!result.isChartValues) return undefined;
  const sources = new Map<string, string>([[values.filename, values.text], ...(configs ?? []).map((c) => [c.filename, c.text] as const)]);
  return { diagnostics: result.diagnostics as readonly CheckDiagnostic[], sources };
}

function describeIoError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return `${path}: no such file or directory`;
  if (code === "EACCES") return `${path}: permission denied`;
  return `${path}: ${(error as Error).message}`;
}
