import { readFileSync } from "node:fs";
import { check, type CheckDiagnostic, type CheckOptions, type SourceInput } from "@alloy-toolkit/checker";
import { checkDeployment, checkValuesFile, type ConfigChecker } from "@alloy-toolkit/deployment";
import { runGraph } from "./graph.js";
import { minimumRelease, renderMinimumReleases } from "./min-version.js";
import { parseLintArgs, STDIN_PATH, USAGE, UsageError } from "./options.js";
import { fileSystemReader, fileSystemResolver, loadTargets, readSourceFile, SourceEncodingError, stdinTarget, type LintTarget, type TargetLoader, type UnreadFile, defaultLoaders } from "./load.js";
import { renderReports, type LintReport } from "./output.js";

export const ExitCode = { Clean: 0, Errors: 1, Usage: 2 } as const;

export interface LintIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input, read for the path `-`: bytes are decoded as Alloy reads files. The process's fd 0 by default. */
  readStdin?(): string | Uint8Array;
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
    disable: options.checkerDisable,
    resolveImport: fileSystemResolver,
    ...(options.alloyVersion ? { alloyVersion: options.alloyVersion } : {}),
  };
  const targets = [];
  for (const path of options.paths) {
    const name = path === STDIN_PATH ? options.stdinFilename : path;
    try {
      if (path === STDIN_PATH) targets.push(stdinTarget(name, io.readStdin ? io.readStdin() : readFileSync(0)));
      else targets.push(...loadTargets(path, loaders));
    } catch (error) {
      io.stderr(`alloylint: ${describeIoError(name, error)}\n`);
      ioFailed = true;
    }
  }
  if (options.minVersion) {
    const results = [];
    for (const target of targets) {
      if (target.files.length === 0) {
        if (target.named) io.stderr(`alloylint: ${target.path}: --min-version reads Alloy configs (*.alloy files and folders); this holds none\n`);
        continue;
      }
      results.push({ path: target.path, result: minimumRelease(target.files, checkOptions) });
    }
    io.stdout(renderMinimumReleases(results, options.format === "json" ? "json" : "text"));
    if (ioFailed) return ExitCode.Usage;
    return results.some((r) => r.result.release === undefined) ? ExitCode.Errors : ExitCode.Clean;
  }
  if (options.values !== undefined) {
    let valuesText;
    try {
      valuesText = readSourceFile(options.values);
    } catch (error) {
      io.stderr(`alloylint: ${describeIoError(options.values, error)}\n`);
      return ExitCode.Usage;
    }
    const configs = targets.flatMap((t) => t.files);
    reports.push(checkValues({ filename: options.values, text: valuesText }, checkOptions, options.deploymentDisable, configs));
  } else {
    for (const target of targets) {
      if (target.yaml) {
        const { report, holdsAlloy, remaining, unread } = checkKubernetes(target, checkOptions, options.deploymentDisable);
        for (const file of unread) io.stderr(`alloylint: ${describeIoError(file.path, file.error)}\n`);
        if (unread.length > 0) ioFailed = true;
        if (report) reports.push(report);
        if (target.named && !holdsAlloy && report === undefined) {
          io.stderr(`alloylint: ${target.path}: holds no Alloy (no chart values, workload running Alloy, Alloy config or GitOps object for Alloy): nothing to check\n`);
        }
        if (remaining.length > 0) reports.push(checkConfig(remaining, checkOptions));
      } else {
        reports.push(checkConfig(target.files, checkOptions));
      }
    }
  }
  io.stdout(renderReports(withoutRepeats(reports), options.format, version));
  if (ioFailed) return ExitCode.Usage;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === "error")) ? ExitCode.Errors : ExitCode.Clean;
}

/** One config: a file, or the `.alloy` files of a folder. */
function checkConfig(files: readonly SourceInput[], options: CheckOptions): LintReport {
  const { diagnostics } = check(files, options);
  return { diagnostics, sources: new Map(files.map((f) => [f.filename, f.text])) };
}

/**
 * The config checker for the configs a deployment runs: its image's catalog release (unless `--alloy-version`
 * names one, which wins), and (since the deployment rules judge them from `--stability.level` and
 * `--feature.community-components.enabled`) no stability or community gate of its own. A config no deployment
 * runs is checked with the command line's options.
 */
function deploymentConfigChecker(options: CheckOptions): ConfigChecker {
  return (files, { alloyVersion, deployed }) =>
    check(files, {
      ...options,
      ...(alloyVersion && !options.alloyVersion ? { alloyVersion } : {}),
      ...(deployed ? { stabilityLevel: "experimental" as const, communityComponents: true } : {}),
    }).diagnostics;
}

/**
 * The Kubernetes YAML of a target with the target's `.alloy` files: the deployments, the configs they run and
 * the ConfigMaps' configs. The `.alloy` files no deployment runs are `remaining`: one config, as without YAML.
 * YAML syntax errors of a file holding no Alloy are reported only for a file named on the command line.
 */
function checkKubernetes(
  target: LintTarget,
  options: CheckOptions,
  disable: readonly string[],
): { report: LintReport | undefined; holdsAlloy: boolean; remaining: readonly SourceInput[]; unread: readonly UnreadFile[] } {
  // The files the YAML names that cannot be read or are not UTF-8: input errors, as a named file's are.
  const unread: UnreadFile[] = [];
  const result = checkDeployment([...target.yaml!, ...target.files.map((f) => ({ file: f.filename, text: f.text }))], {
    checkConfig: deploymentConfigChecker(options),
    readFile: fileSystemReader(unread),
    disable,
  });
  const diagnostics = target.named ? [...result.diagnostics, ...result.otherDiagnostics] : result.diagnostics;
  const remaining = target.files.filter((f) => !result.checkedConfigFiles.has(f.filename));
  const report = result.holdsAlloy || diagnostics.length > 0 ? { diagnostics, sources: result.sources } : undefined;
  return { report, holdsAlloy: result.holdsAlloy, remaining, unread };
}

/**
 * A chart values file given with `--values`, and the config it deploys (`configs`) checked with every checker
 * rule. Stability and community components are judged by the deployment rules from `alloy.stabilityLevel` and
 * `alloy.extraArgs`, so the config checks run without those two gates.
 */
function checkValues(values: SourceInput, options: CheckOptions, disable: readonly string[], configs: readonly SourceInput[]): LintReport {
  const result = checkValuesFile(values.text, {
    filename: values.filename,
    chart: true,
    configs: configs.map((c) => ({ file: c.filename, text: c.text })),
    checkConfig: deploymentConfigChecker(options),
    disable,
  });
  const sources = new Map<string, string>([[values.filename, values.text], ...configs.map((c) => [c.filename, c.text] as const)]);
  return { diagnostics: result.diagnostics as readonly CheckDiagnostic[], sources };
}

/**
 * The reports without a diagnostic printed before: a kustomize base is checked on its own and again within each
 * overlay that names it.
 */
function withoutRepeats(reports: readonly LintReport[]): LintReport[] {
  const seen = new Set<string>();
  return reports.map((report) => ({
    ...report,
    diagnostics: report.diagnostics.filter((d) => {
      const key = `${d.file}\0${d.range.start.offset}\0${d.range.end.offset}\0${d.code}\0${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  }));
}

function describeIoError(path: string, error: unknown): string {
  // One `file:line:col: illegal UTF-8 encoding` line per bad byte, each printed as an alloylint message.
  if (error instanceof SourceEncodingError) return error.message.replaceAll("\n", "\nalloylint: ");
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return `${path}: no such file or directory`;
  if (code === "EACCES") return `${path}: permission denied`;
  return `${path}: ${(error as Error).message}`;
}
