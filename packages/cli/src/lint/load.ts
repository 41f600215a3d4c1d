import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { importFileProblem, undecodableImportProblem, type ImportResolver, type SourceInput } from "@alloy-toolkit/checker";
import type { DeploymentFile, FileReader } from "@alloy-toolkit/deployment";
import { decodeSource } from "@alloy-toolkit/parser";

/** A file whose bytes are not UTF-8, which Alloy rejects: the message has a `file:line:col: message` line per bad byte. */
export class SourceEncodingError extends Error {
  override readonly name = "SourceEncodingError";
}

/** Reads a config or values file as Alloy reads it (`decodeSource`); throws {@link SourceEncodingError} when it is not UTF-8. */
export function readSourceFile(path: string): string {
  return decodeSourceBytes(path, readFileSync(path));
}

/** Decodes the bytes of a config or values file named `name` as Alloy does; throws {@link SourceEncodingError} when they are not UTF-8. */
export function decodeSourceBytes(name: string, bytes: Uint8Array): string {
  const decoded = decodeSource(bytes);
  if (decoded.ok) return decoded.text;
  throw new SourceEncodingError(
    decoded.diagnostics.map((d) => `${name}:${d.range.start.line}:${d.byteColumn}: ${d.message}`).join("\n"),
  );
}

/**
 * One thing to check: a config (a file, or the `*.alloy` files of a directory), and the Kubernetes YAML beside
 * it (manifests, chart values, kustomizations, GitOps objects), which may run those files.
 */
export interface LintTarget {
  /** The path as given on the command line. */
  readonly path: string;
  /** File names are the paths to print: relative to the working folder, as given. */
  readonly files: SourceInput[];
  /** The YAML files of the target, checked together as one Kubernetes input with `files`. */
  readonly yaml?: readonly DeploymentFile[];
  /** Whether the YAML was named on the command line (a note when it holds no Alloy), not found in a folder. */
  readonly named?: boolean;
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

const YAML_FILE = /\.ya?ml$/;
const SKIPPED_DIRECTORIES = new Set([".git", "node_modules"]);

/**
 * A directory: its `*.alloy` files form one config (as `alloy validate` reads a directory), its YAML files one
 * Kubernetes input (which may run those files: a kustomize generator, `kubectl create configmap --from-file`),
 * and each subdirectory is walked the same way (skipping `.git`, `node_modules`, and the `templates` of a Helm
 * chart: Go templates, YAML only once rendered), so `alloylint examples/` checks every example.
 */
export const directoryLoader: TargetLoader = {
  name: "directory",
  accepts: (_path, isDirectory) => isDirectory,
  load(path) {
    const entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const read = (name: string) => ({ file: join(path, name), text: readSourceFile(join(path, name)) });
    const configFiles = entries.filter((e) => e.isFile() && e.name.endsWith(".alloy")).map((e) => read(e.name));
    const yaml = entries.filter((e) => e.isFile() && YAML_FILE.test(e.name)).map((e) => read(e.name));
    const targets: LintTarget[] = [];
    if (configFiles.length > 0 || yaml.length > 0) {
      targets.push({ path, files: configFiles.map((f) => ({ filename: f.file, text: f.text })), ...(yaml.length > 0 ? { yaml } : {}) });
    }
    const chart = entries.some((e) => e.isFile() && e.name === "Chart.yaml");
    for (const entry of entries) {
      if (!entry.isDirectory() || SKIPPED_DIRECTORIES.has(entry.name) || (chart && entry.name === "templates")) continue;
      targets.push(...directoryLoader.load(join(path, entry.name)));
    }
    return targets;
  },
};

/** A YAML file named on the command line: Kubernetes YAML, with whatever it names (a kustomization's resources). */
export const yamlFileLoader: TargetLoader = {
  name: "yaml",
  accepts: (path, isDirectory) => !isDirectory && YAML_FILE.test(path),
  load(path) {
    return [{ path, files: [], yaml: [{ file: path, text: readSourceFile(path) }], named: true }];
  },
};

export const fileLoader: TargetLoader = {
  name: "file",
  accepts: (_path, isDirectory) => !isDirectory,
  load(path) {
    return [{ path, files: [{ filename: path, text: readSourceFile(path) }] }];
  },
};

/**
 * Standard input (`alloylint -`) under the name `--stdin-filename` gives it: Kubernetes YAML when the name ends in
 * `.yaml` or `.yml` (checked as a YAML file named on the command line), else an Alloy config.
 */
export function stdinTarget(name: string, input: string | Uint8Array): LintTarget {
  const text = typeof input === "string" ? input : decodeSourceBytes(name, input);
  if (YAML_FILE.test(name)) return { path: name, files: [], yaml: [{ file: name, text }], named: true };
  return { path: name, files: [{ filename: name, text }] };
}

export const defaultLoaders: readonly TargetLoader[] = [directoryLoader, yamlFileLoader, fileLoader];

/** Loads a path with the first loader that accepts it; throws (an I/O error) when it cannot be read. */
export function loadTargets(path: string, loaders: readonly TargetLoader[] = defaultLoaders): LintTarget[] {
  const isDirectory = statSync(path).isDirectory();
  const loader = loaders.find((l) => l.accepts(path, isDirectory));
  if (!loader) throw new Error(`${path}: no loader for this kind of input`);
  return loader.load(path);
}

/** A file Kubernetes YAML names that could not be read: its path and why (an I/O error, or a {@link SourceEncodingError}). */
export interface UnreadFile {
  readonly path: string;
  readonly error: unknown;
}

/**
 * Reads the files Kubernetes YAML names (a kustomization's resources and generator files, an Application's
 * value files), relative to the working folder as the paths are given, decoded as Alloy reads files;
 * `undefined` for what is not a file. A file that cannot be read, or whose bytes are not UTF-8, reads as
 * `undefined` too, and goes to `unread` (once) with the reason, for the caller to report.
 */
export function fileSystemReader(unread: UnreadFile[]): FileReader {
  return (path) => {
    if (!existsSync(path) || !statSync(path).isFile()) return undefined;
    try {
      return readSourceFile(path);
    } catch (error) {
      if (!unread.some((u) => u.path === path)) unread.push({ path, error });
      return undefined;
    }
  };
}

/**
 * Reads `import.file` sources from the file system: relative to the importing file's folder first,
 * then to the working folder (as Alloy resolves them when run from there).
 */
export const fileSystemResolver: ImportResolver = (filename, importingFile) => {
  const candidates = isAbsolute(filename) ? [filename] : [join(dirname(importingFile), filename), filename];
  // An import that cannot be read, is not a regular file, is too large or is not UTF-8 leaves its components
  // unchecked (the checker says so).
  const found = candidates.find((candidate) => existsSync(candidate) && !statSync(candidate).isDirectory());
  if (found === undefined) return undefined;
  const problem = importFileProblem(found, statSync(found));
  if (problem !== undefined) return { problem };
  const decoded = decodeSource(readFileSync(found));
  return decoded.ok ? decoded.text : { problem: undecodableImportProblem(found, decoded.diagnostics[0]) };
};
