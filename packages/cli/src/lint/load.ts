import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import type { ImportResolver, SourceInput } from "@alloy-toolkit/checker";

/** One config to check: a file, or the `*.alloy` files of a directory. */
export interface LintTarget {
  /** The path as given on the command line. */
  readonly path: string;
  /** File names are the paths to print: relative to the working folder, as given. */
  readonly files: SourceInput[];
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

export const directoryLoader: TargetLoader = {
  name: "directory",
  accepts: (_path, isDirectory) => isDirectory,
  load(path) {
    const names = readdirSync(path)
      .filter((name) => name.endsWith(".alloy"))
      .sort();
    return [{ path, files: names.map((name) => ({ filename: join(path, name), text: readFileSync(join(path, name), "utf8") })) }];
  },
};

export const fileLoader: TargetLoader = {
  name: "file",
  accepts: (_path, isDirectory) => !isDirectory,
  load(path) {
    return [{ path, files: [{ filename: path, text: readFileSync(path, "utf8") }] }];
  },
};

export const defaultLoaders: readonly TargetLoader[] = [directoryLoader, fileLoader];

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
  const found = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  return found === undefined ? undefined : readFileSync(found, "utf8");
};
