import type { Range } from "./positions.js";

export type Severity = "error" | "warning" | "information" | "hint";

/**
 * A problem found in a text, as a value. `code` is stable (`parse/unexpected-token`, …); `message` follows
 * Alloy's own wording where Alloy has one.
 */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
}

/** Formats a diagnostic as `file:line:col: message` (1-based line and column). */
export function formatDiagnostic(filename: string, diagnostic: Diagnostic): string {
  const { line, column } = diagnostic.range.start;
  return `${filename}:${line}:${column}: ${diagnostic.message}`;
}
