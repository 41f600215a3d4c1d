import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { importFileProblem, looksLikeAlloyChartValues, type ImportResolver, type SourceInput } from "@alloy-toolkit/checker";

/**
 * One thing to check: a config (a file, or the `*.alloy` files of a directory), or a values file of the
 * grafana/alloy Helm chart (`values`), whose inline config is checked with it.
 */
export interface LintTarget {
  /** The path as given on the command line. */
  readonly path: string;
  /** File names are the paths to print: relative to the working folder, as given. */
  readonly files: SourceInput[];
  /** Set for a Helm values file: its name and text (then `files` is empty). */
  readonly values?: SourceInput;
}

/**
 * Turns a command-line path into the configs to check. Loaders are tried in order; the first that
 * accepts the path loads it. More kinds of input (Helm values files) plug in here.
 */
export interface TargetLoader {
  readonly name: string;
  accepts(path: string, isDirectory: boolean): boolean;
  load(path: string): LintTarget[];
}

const VALUES_FILE = /\.ya?ml$/;
const SKIPPED_DIRECTORIES = new Set([".git", "node_modules"]);

/** A YAML file is linted when it looks like values of the grafana/alloy chart; other YAML is not ours. */
function valuesTarget(path: string): LintTarget | undefined {
  const text = readFileSync(path, "utf8");
  return looksLikeAlloyChartValues(text) ? { path, files: [], values: { filename: path, text } } : undefined;
}

/**
 * A directory: its `*.alloy` files form one config (as `alloy validate` reads a directory), its chart
 * values files are checked one by one, and each subdirectory is walked the same way (skipping `.git` and
 * `node_modules`), so `alloylint examples/` checks every example.
 */
export const directoryLoader: TargetLoader = {
  name: "directory",
  accepts: (_path, isDirectory) => isDirectory,
  load(path) {
    const entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const configFiles = entries.filter((e) => e.isFile() && e.name.endsWith(".alloy"));
    const targets: LintTarget[] = [];
    if (configFiles.length > 0) {
      targets.push({
        path,
        files: configFiles.map((e) => ({ filename: join(path, e.name), text: readFileSync(join(path, e.name), "utf8") })),
      });
    }
    for (const entry of entries) {
      if (entry.isFile() && VALUES_FILE.test(entry.name)) {
        const target = valuesTarget(join(path, entry.name));
        if (target) targets.push(target);
      } else if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) {
        targets.push(...directoryLoader.load(join(path, entry.name)));
      }
    }
    return targets;
  },
};

/** A values file named on the command line is always read as chart values. */
export const valuesFileLoader: TargetLoader = {
  name: "values",
  accepts: (path, isDirectory) => !isDirectory && VALUES_FILE.test(path),
  load(path) {
    return [{ path, files: [], values: { filename: path, text: readFileSync(path, "utf8") } }];
  },
};

export const fileLoader: TargetLoader = {
  name: "file",
  accepts: (_path, isDirectory) => !isDirectory,
  load(path) {
    return [{ path, files: [{ filename: path, text: readFileSync(path, "utf8") }] }];
  },
};

export const defaultLoaders: readonly TargetLoader[] = [directoryLoader, valuesFileLoader, fileLoader];

/** Loads a path with the first loader that accepts it; throws (an I/O error) when it cannot be read. */
export function loadTargets(path: string, loaders: readonly TargetLoader[] = defaultLoaders): LintTarget[] {
  const isDirectory = statSync(path).isDirectory();
  const loader = loaders.find((l) => l.accepts(path, isDirectory));
  if (!loader) throw new Error(`${path}: no loader for this kind of input`);
  return loader.load(path);
}

/**
 * Reads `import.file` sources from the file system: relative to the importing file's folder first,
 * then to the working folder (as Alloy resolves them when run from there).
 */
export const fileSystemResolver: ImportResolver = (filename, importingFile) => {
  const candidates = isAbsolute(filename) ? [filename] : [join(dirname(importingFile), filename), filename];
  // An import that cannot be read leaves its components unchecked (the checker says so).
  const found = candidates.find((candidate) => existsSync(candidate) && !statSync(candidate).isDirectory());
  if (found === undefined) return undefined;
  const problem = importFileProblem(found, statSync(found));
  return problem === undefined ? readFileSync(found, "utf8") : { problem };
};
