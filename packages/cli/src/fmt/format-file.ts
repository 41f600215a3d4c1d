import { readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { FormatError, format } from "@alloy-toolkit/formatter";
import { LineIndex } from "@alloy-toolkit/parser";

/** The result of formatting one input: its text before and after, or the messages to report. */
export type Outcome =
  | { readonly kind: "formatted"; readonly changed: boolean; readonly original: string; readonly formatted: string }
  | { readonly kind: "error"; readonly messages: string[] };

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

/** Reads and formats one file; `path` is reported as given. */
export function formatFile(cwd: string, path: string): Outcome {
  let original: string;
  try {
    original = readFileSync(resolvePath(cwd, path), "utf8");
  } catch (error) {
    return { kind: "error", messages: [`${path}: cannot read: ${errorMessage(error)}`] };
  }
  return formatText(path, original);
}

export function resolvePath(cwd: string, path: string): string {
  return isAbsolute(path) ? path : join(cwd, path);
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : error.message;
  }
  return String(error);
}
