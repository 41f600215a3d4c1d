import { LineIndex, type Position } from "@alloy-toolkit/parser";
import type { CheckDiagnostic } from "./diagnostic.js";

const TAB_WIDTH = 4;

interface AlloyPosition {
  line: number;
  /** 1-based, in UTF-8 bytes. */
  column: number;
}

const SEVERITY_LABEL: Record<string, string> = {
  error: "Error",
  warning: "Warning",
  information: "Info",
  hint: "Hint",
};

/**
 * Prints diagnostics as Alloy's own diagnostic printer does (`alloy validate`, `alloy fmt`): a
 * `Error: file:line:col: message` header (column in UTF-8 bytes), then the source lines around the
 * range with a `^^^` underline (tabs shown as four spaces); a blank line between diagnostics.
 * `sources` maps each file name to its text; `displayName` renames files in the output.
 */
export function formatText(
  diagnostics: readonly CheckDiagnostic[],
  sources: ReadonlyMap<string, string>,
  displayName: (file: string) => string = (file) => file,
): string {
  const indexes = new Map<string, LineIndex>();
  const parts: string[] = [];
  for (const diagnostic of diagnostics) {
    const text = sources.get(diagnostic.file);
    let index: LineIndex | undefined;
    if (text !== undefined) {
      index = indexes.get(diagnostic.file);
      if (!index) indexes.set(diagnostic.file, (index = new LineIndex(text)));
    }
    parts.push(formatDiagnosticText(diagnostic, text, index, displayName(diagnostic.file)));
  }
  return parts.join("\n");
}

/** One diagnostic in Alloy's format (see {@link formatText}); `text` is its file's source when known. */
export function formatDiagnosticText(
  diagnostic: CheckDiagnostic,
  text: string | undefined,
  index: LineIndex | undefined = text === undefined ? undefined : new LineIndex(text),
  displayName: string = diagnostic.file,
): string {
  const label = SEVERITY_LABEL[diagnostic.severity] ?? "Error";
  const name = escapeControls(displayName);
  const message = escapeControls(diagnostic.message);
  if (text === undefined || !index) {
    const { line, column } = diagnostic.range.start;
    return `${label}: ${name}:${line}:${column}: ${message}\n`;
  }
  const start = toAlloy(index, diagnostic.range.start);
  // Alloy's end positions are inclusive; syntax errors point at one position.
  const startOffset = diagnostic.range.start.offset;
  const endOffset = diagnostic.range.end.offset;
  const point = diagnostic.code.startsWith("parse/") || endOffset <= startOffset;
  const end = point ? start : toAlloy(index, index.positionAt(lastCharOffset(text, endOffset)));
  let out = `${label}: ${name}:${start.line}:${start.column}: ${message}\n\n`;
  // The lines come from the index one at a time: splitting the whole text for each diagnostic made printing
  // thousands of diagnostics of a large file quadratic.
  const startLine = Math.max(start.line - 1, 1);
  const endLine = Math.min(end.line + 1, index.lineStarts.length);
  const multiline = end.line > start.line;
  const width = String(endLine).length;
  for (let lineNumber = startLine; lineNumber <= endLine; lineNumber++) {
    const line = index.lineText(lineNumber);
    out += `${String(lineNumber).padStart(width)} | `;
    if (multiline) out += inRange(lineNumber, 0, start, end) ? "| " : "  ";
    out += escapeControls(line.replace(/\r/g, "").replace(/[\t\v]/g, " ".repeat(TAB_WIDTH))) + "\n";
    if (lineNumber === start.line || (multiline && lineNumber === end.line)) {
      out += " ".repeat(width);
      if (multiline && lineNumber === start.line) out += " |  _";
      else if (multiline && lineNumber === end.line) out += " | |_";
      else out += " | ";
      out += focus(line, lineNumber, start, end, multiline) + "\n";
    }
  }
  return out;
}

/** The offset of the last character before `end` (a surrogate pair counts as one character). */
function lastCharOffset(text: string, end: number): number {
  const last = end - 1;
  const code = text.charCodeAt(last);
  return code >= 0xdc00 && code <= 0xdfff && last > 0 ? last - 1 : last;
}

function toAlloy(index: LineIndex, position: Position): AlloyPosition {
  return { line: position.line, column: index.byteColumn(position) };
}

function focus(line: string, lineNumber: number, start: AlloyPosition, end: AlloyPosition, multiline: boolean): string {
  const blank = multiline ? "_" : " ";
  let out = "";
  let byte = 0;
  for (const ch of line) {
    const column = byte + 1;
    byte += Buffer.byteLength(ch, "utf8");
    if (lineNumber === end.line && column > end.column) break;
    // As the line is printed: tabs as four blanks, carriage returns dropped, other controls escaped.
    const width = ch === "\t" || ch === "\v" ? TAB_WIDTH : ch === "\r" ? 0 : controlEscape(ch)?.length ?? 1;
    if (ch === "\t" || ch === "\v") out += blank.repeat(width);
    else out += (inRange(lineNumber, column, start, end) ? "^" : blank).repeat(width);
  }
  return out;
}

/** C0 controls but tab and line feed, DEL and the C1 controls: what a terminal may run as a command. */
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/**
 * The escape a control character is printed as, as Go's `%q` writes it (`\x1b`, `\x7f`, `\u009b`), so that
 * text from a source (an escape sequence in a string) is shown and never run by the terminal.
 */
function controlEscape(ch: string): string | undefined {
  const code = ch.charCodeAt(0);
  if (ch.length !== 1 || !(code <= 0x1f || (code >= 0x7f && code <= 0x9f)) || ch === "\t" || ch === "\n") return undefined;
  return code < 0x80 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** A text with its control characters escaped (see {@link controlEscape}); tabs are kept. */
function escapeControls(text: string): string {
  return text.replace(CONTROLS, (ch) => controlEscape(ch)!);
}

function inRange(line: number, column: number, start: AlloyPosition, end: AlloyPosition): boolean {
  if (line < start.line || line > end.line) return false;
  if (line === start.line) return column >= start.column;
  if (line === end.line) return column <= end.column;
  return true;
}
