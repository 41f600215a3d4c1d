import { check } from "@alloy-toolkit/checker";
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
  for (const path of options.paths) {
    let targets;
    try {
      targets = loadTargets(path, loaders);
    } catch (error) {
      io.stderr(`alloylint: ${describeIoError(path, error)}\n`);
      ioFailed = true;
      continue;
    }
    for (const target of targets) {
      const { diagnostics } = check(target.files, {
        stabilityLevel: options.stabilityLevel,
        communityComponents: options.communityComponents,
        disable: options.disable,
        resolveImport: fileSystemResolver,
      });
      reports.push({ diagnostics, sources: new Map(target.files.map((f) => [f.filename, f.text])) });
    }
  }
  io.stdout(renderReports(reports, options.format, version));
  if (ioFailed) return ExitCode.Usage;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === "error")) ? ExitCode.Errors : ExitCode.Clean;
}

function describeIoError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return `${path}: no such file or directory`;
  if (code === "EACCES") return `${path}: permission denied`;
  return `${path}: ${(error as Error).message}`;
}
