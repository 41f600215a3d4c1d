import type { BigIntStats } from "node:fs";
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Test hook: when this environment variable is `1`, the process kills itself with SIGKILL right before the
 * original file is replaced (before the rename, or before a file with several links is overwritten in place),
 * to prove that an interrupted `--write` leaves the original file untouched.
 */
export const KILL_BEFORE_RENAME_ENV = "ALLOYFMT_TEST_KILL_BEFORE_RENAME";

/** A file's bytes and status as read, to tell later whether it changed since. */
export interface FileSnapshot {
  readonly bytes: Uint8Array;
  readonly stats: BigIntStats;
}

export interface AtomicWriteOptions {
  /**
   * Called just before the original is replaced, with the temporary file (or, for a file with several links,
   * the copy of the original kept until the file is overwritten). Tests use it to simulate a crash or an edit.
   */
  readonly beforeRename?: (tempPath: string) => void;
  /** Refuse to write when the file no longer holds what this snapshot read (an edit made meanwhile). */
  readonly unchangedSince?: FileSnapshot;
}

/** A write refused for a reason the user can act on (the message says which); the file is untouched. */
export class WriteRefusedError extends Error {
  override readonly name = "WriteRefusedError";
}

/** Reads a file's bytes and status from one open file. */
export function readFileSnapshot(path: string): FileSnapshot {
  const fd = openSync(path, "r");
  try {
    const stats = fstatSync(fd, { bigint: true });
    return { bytes: readFileSync(fd), stats };
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces a file's content so that readers see either the old or the new content: the new content goes to a
 * temporary file beside it with the original's mode and owner, which is then renamed over it. A symbolic link
 * keeps pointing where it did: the file it leads to is written. A file with several hard links is one inode
 * shared by all of them, which a rename would split: it is overwritten in place instead, after a copy of the
 * original is made beside it (removed once the new content is written and synced; left behind, and named in
 * the error, if the write fails halfway). So is a file whose owner a new file cannot be given (writing as
 * another user). A file that does not exist yet is created with the default permissions.
 *
 * Refuses (with a {@link WriteRefusedError}) a read-only file, something that is not a regular file, and, given
 * `unchangedSince`, a file whose content changed since that snapshot; that check is made again right before the
 * original is replaced.
 */
export function writeFileAtomic(path: string, content: string, options: AtomicWriteOptions = {}): void {
  const target = followLinks(path);
  const stats = statIfExists(target);
  if (stats !== undefined) {
    if (!stats.isFile()) throw new WriteRefusedError("not a regular file");
    checkUnchanged(target, options.unchangedSince, content);
    checkWritable(target, stats);
    if (stats.nlink > 1n) return overwriteInPlace(target, content, options);
  }
  const tempPath = siblingPath(target, "tmp");
  const temp = new OpenFile(openSync(tempPath, "wx", stats === undefined ? 0o666 : 0o600));
  try {
    writeAll(temp.fd, content);
    const owned = stats === undefined || giveOwnerAndMode(temp.fd, stats);
    temp.close();
    if (!owned) {
      rmSync(tempPath, { force: true });
      return overwriteInPlace(target, content, options);
    }
    replaceHook(tempPath, options);
    checkUnchanged(target, options.unchangedSince, content);
    renameSync(tempPath, target);
  } catch (error) {
    temp.close();
    rmSync(tempPath, { force: true });
    throw error;
  }
}

/** A file descriptor closed once, however many ways lead to closing it. */
class OpenFile {
  private open = true;

  constructor(readonly fd: number) {}

  close(): void {
    if (!this.open) return;
    this.open = false;
    closeSync(this.fd);
  }
}

/** The file a path leads to through symbolic links; the path itself when nothing is there yet. */
function followLinks(path: string): string {
  try {
    return realpathSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return path;
    throw error;
  }
}

function statIfExists(path: string): BigIntStats | undefined {
  try {
    return statSync(path, { bigint: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * Throws when the file holds neither what the snapshot read nor `content` (the same file reached by two paths and
 * formatted twice at once holds the formatted text: writing it again changes nothing).
 */
function checkUnchanged(path: string, snapshot: FileSnapshot | undefined, content: string): void {
  if (snapshot === undefined) return;
  const now = statSync(path, { bigint: true });
  const before = snapshot.stats;
  const sameStatus =
    now.ino === before.ino &&
    now.dev === before.dev &&
    now.size === before.size &&
    now.mtimeNs === before.mtimeNs &&
    now.ctimeNs === before.ctimeNs;
  // A touched or replaced file with the same content may still be written.
  if (sameStatus) return;
  const bytes = readFileSync(path);
  if (bytes.equals(snapshot.bytes) || bytes.equals(Buffer.from(content, "utf8"))) return;
  throw new WriteRefusedError("it changed since alloyfmt read it (left as it is)");
}

/**
 * A file without any write permission is read-only even for root (who could otherwise replace it by a rename
 * without a word); for others, what the file system allows decides.
 */
function checkWritable(path: string, stats: BigIntStats): void {
  if ((Number(stats.mode) & 0o222) === 0) throw new WriteRefusedError("read-only file");
  try {
    accessSync(path, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM") throw new WriteRefusedError("permission denied");
    if (code === "EROFS") throw new WriteRefusedError("read-only file system");
    throw error;
  }
}

/**
 * Gives the temporary file the original's owner (when it differs from the writer's) and then its mode (after
 * the owner: a change of owner clears set-user-ID bits). False when the owner cannot be given.
 */
function giveOwnerAndMode(fd: number, original: BigIntStats): boolean {
  const created = fstatSync(fd, { bigint: true });
  if (created.uid !== original.uid || created.gid !== original.gid) {
    try {
      fchownSync(fd, Number(original.uid), Number(original.gid));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EPERM" || code === "EACCES") return false;
      throw error;
    }
  }
  fchmodSync(fd, Number(original.mode) & 0o7777);
  return true;
}

/**
 * Overwrites a file in place, keeping its inode (and so its hard links, owner and mode), after a synced copy of
 * the original is made beside it: if the write fails halfway, that copy is left and named in the error.
 */
function overwriteInPlace(path: string, content: string, options: AtomicWriteOptions): void {
  const backupPath = siblingPath(path, "orig");
  const backup = new OpenFile(openSync(backupPath, "wx", 0o600));
  try {
    writeAll(backup.fd, readFileSync(path));
    fsyncSync(backup.fd);
    backup.close();
    replaceHook(backupPath, options);
    checkUnchanged(path, options.unchangedSince, content);
  } catch (error) {
    backup.close();
    rmSync(backupPath, { force: true });
    throw error;
  }
  const file = new OpenFile(openSync(path, "r+"));
  try {
    ftruncateSync(file.fd, writeAll(file.fd, content));
    fsyncSync(file.fd);
    file.close();
  } catch (error) {
    file.close();
    throw new Error(`${(error as Error).message}; the original content is in ${backupPath}`);
  }
  rmSync(backupPath, { force: true });
}

function replaceHook(path: string, options: AtomicWriteOptions): void {
  options.beforeRename?.(path);
  if (process.env[KILL_BEFORE_RENAME_ENV] === "1") process.kill(process.pid, "SIGKILL");
}

/** Writes all of `data` from the start of the file; returns the number of bytes written. */
function writeAll(fd: number, data: string | Uint8Array): number {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written, written);
  return bytes.length;
}

function siblingPath(path: string, kind: "tmp" | "orig"): string {
  return join(dirname(path), `.${basename(path)}.alloyfmt-${process.pid}-${Date.now().toString(36)}.${kind}`);
}
