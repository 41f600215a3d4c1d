import { chmodSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Test hook: when this environment variable is `1`, the process kills itself with SIGKILL after writing the
 * temporary file and right before renaming it over the original, to prove that an interrupted `--write`
 * leaves the original file untouched.
 */
export const KILL_BEFORE_RENAME_ENV = "ALLOYFMT_TEST_KILL_BEFORE_RENAME";

export interface AtomicWriteOptions {
  /** Called between writing the temporary file and the rename (tests use it to simulate a crash). */
  readonly beforeRename?: (tempPath: string) => void;
}

/**
 * Replaces a file's content atomically: writes a temporary file beside it with the same permissions, then
 * renames it over the original, so readers see either the old or the new content, never a partial one.
 * A file that does not exist yet is created with the default permissions.
 */
export function writeFileAtomic(path: string, content: string, options: AtomicWriteOptions = {}): void {
  const mode = existingMode(path);
  const tempPath = join(dirname(path), `.${basename(path)}.alloyfmt-${process.pid}-${Date.now().toString(36)}.tmp`);
  try {
    writeFileSync(tempPath, content, mode === undefined ? {} : { mode });
    // writeFileSync's mode is filtered by the umask; the original's permissions are restored exactly.
    if (mode !== undefined) chmodSync(tempPath, mode);
    options.beforeRename?.(tempPath);
    if (process.env[KILL_BEFORE_RENAME_ENV] === "1") process.kill(process.pid, "SIGKILL");
    renameSync(tempPath, path);
  } catch (error) {
    rmSync(tempPath, { force: true });
    throw error;
  }
}

function existingMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
