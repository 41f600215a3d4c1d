import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";

/** Extensions of Alloy files looked for in directories. */
export const ALLOY_EXTENSIONS = [".alloy", ".river"] as const;
const SKIPPED_DIRECTORIES = new Set([".git", "node_modules"]);

/** One input of alloyfmt: `-` (stdin) or a path as the user wrote it (or as found under a directory). */
export type FmtInput = { readonly kind: "stdin" } | { readonly kind: "file"; readonly path: string };

export interface ExpandedPaths {
  readonly inputs: FmtInput[];
  /** Paths that are neither files, directories, nor patterns matching anything. */
  readonly missing: string[];
}

/**
 * Expands the command line's paths: `-` is stdin, a directory yields its Alloy files (recursively, sorted),
 * a file is taken whatever its extension, and anything else is tried as a glob pattern.
 */
export async function expandPaths(paths: readonly string[], cwd: string): Promise<ExpandedPaths> {
  const inputs: FmtInput[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const addFile = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    inputs.push({ kind: "file", path });
  };
  for (const path of paths) {
    if (path === "-") {
      inputs.push({ kind: "stdin" });
      continue;
    }
    const kind = statKind(join(cwd, path), path);
    if (kind === "file") {
      addFile(path);
    } else if (kind === "directory") {
      for (const file of alloyFilesUnder(path, cwd)) addFile(file);
    } else if (isDynamicPattern(path)) {
      const matches = await glob(path, {
        cwd,
        ignore: ["**/node_modules/**", "**/.git/**"],
        onlyFiles: true,
        expandDirectories: false,
      });
      if (matches.length === 0) missing.push(path);
      for (const match of matches.sort()) addFile(match);
    } else {
      missing.push(path);
    }
  }
  return { inputs, missing };
}

function statKind(absolute: string, path: string): "file" | "directory" | undefined {
  try {
    const stats = statSync(path.startsWith("/") ? path : absolute);
    return stats.isDirectory() ? "directory" : "file";
  } catch {
    // A path that does not exist may be a glob pattern; the caller decides.
    return undefined;
  }
}

/** The Alloy files under a directory, recursively, sorted, skipping `.git` and `node_modules`. */
export function alloyFilesUnder(directory: string, cwd: string): string[] {
  const files: string[] = [];
  const visit = (relative: string): void => {
    const absolute = relative.startsWith("/") ? relative : join(cwd, relative);
    const entries = readdirSync(absolute, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const child = join(relative, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) visit(child);
      } else if (entry.isFile() && ALLOY_EXTENSIONS.some((extension) => entry.name.endsWith(extension))) {
        files.push(child);
      }
    }
  };
  visit(directory);
  return files;
}
