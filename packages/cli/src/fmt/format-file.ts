import { isAbsolute, join } from "node:path";
import { FormatError, format } from "@alloy-toolkit/formatter";
import { LineIndex, decodeSource } from "@alloy-toolkit/parser";
import type { FileSnapshot } from "./atomic-write.js";
import { WriteRefusedError, readFileSnapshot, writeFileAtomic } from "./atomic-write.js";

/**
 * The result of formatting one input: its text before and after (empty when not kept), or the messages to
 * report. `writeError` is set when the formatted file could not be written back.
 */
export type Outcome =
  | {
      readonly kind: "formatted";
      readonly changed: boolean;
      readonly original: string;
      readonly formatted: string;
      readonly writeError?: string;
    }
  | { readonly kind: "error"; readonly messages: string[] };

/** What to do with each file once formatted. */
export interface FileTask {
  /** Write the file back when its formatting changes, as soon as it is formatted. */
  readonly write: boolean;
  /** Keep the texts in the outcome (to print or diff them); otherwise only whether the file changed. */
  readonly keepText: boolean;
  /** Passed to the write (tests simulate a crash or an edit before the original is replaced). */
  readonly beforeRename?: (tempPath: string) => void;
}

/** Formats one text; parse errors become `name:line:col: message` lines (columns in UTF-8 bytes, as Alloy's). */
export function formatText(name: string, original: string): Outcome {
  let formatted: string;
  try {
    formatted = format(original, { filename: name });
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    // The formatter parses the text as it is (BOM, CRLF), so positions are in it.
    const lineIndex = new LineIndex(original);
    return {
      kind: "error",
      messages: error.diagnostics.map((diagnostic) => {
        const start = diagnostic.range.start;
        return `${name}:${start.line}:${lineIndex.byteColumn(start)}: ${diagnostic.message}`;
      }),
    };
  }
  return { kind: "formatted", changed: formatted !== original, original, formatted };
}

/** Decodes and formats the bytes of a file or of stdin; bytes that are not UTF-8 are errors, as in Alloy. */
export function formatBytes(name: string, bytes: Uint8Array): Outcome {
  const decoded = decodeSource(bytes);
  if (!decoded.ok) {
    return {
      kind: "error",
      messages: decoded.diagnostics.map((d) => `${name}:${d.range.start.line}:${d.byteColumn}: ${d.message}`),
    };
  }
  return formatText(name, decoded.text);
}

/** Reads, formats and (for `--write`) writes back one file; `path` is reported as given. */
export function formatFile(cwd: string, path: string, task: FileTask): Outcome {
  const absolute = resolvePath(cwd, path);
  let snapshot: FileSnapshot;
  try {
    snapshot = readFileSnapshot(absolute);
  } catch (error) {
    return { kind: "error", messages: [`${path}: cannot read: ${errorMessage(error)}`] };
  }
  const outcome = formatBytes(path, snapshot.bytes);
  if (outcome.kind === "error") return outcome;
  let writeError: string | undefined;
  if (task.write && outcome.changed) {
    try {
      writeFileAtomic(absolute, outcome.formatted, { unchangedSince: snapshot, beforeRename: task.beforeRename });
    } catch (error) {
      writeError = `${path}: cannot write: ${errorMessage(error)}`;
    }
  }
  const texts = task.keepText ? outcome : { ...outcome, original: "", formatted: "" };
  return writeError === undefined ? texts : { ...texts, writeError };
}

export function resolvePath(cwd: string, path: string): string {
  return isAbsolute(path) ? path : join(cwd, path);
}

export function errorMessage(error: unknown): string {
  if (error instanceof WriteRefusedError) return error.message;
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return "no such file";
    if (code === "EACCES" || code === "EPERM") return "permission denied";
    if (code === "EISDIR") return "is a directory";
    if (code === "EROFS") return "read-only file system";
    return error.message;
  }
  return String(error);
}
