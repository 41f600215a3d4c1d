import type { Diagnostic, File, ParseResult } from "@alloy-toolkit/parser";
import { formatDiagnostic, parse } from "@alloy-toolkit/parser";
import { NodePrinter } from "./nodes.js";
import { Printer } from "./printer.js";
import { hasCommentsInsideExpressions, signature } from "./verify.js";

export interface FormatOptions {
  /** Used in diagnostics and error messages; defaults to `<input>`. */
  readonly filename?: string;
}

/** Thrown by {@link format} when the input has parse errors: such input is never formatted. */
export class FormatError extends Error {
  override readonly name = "FormatError";

  constructor(
    readonly filename: string,
    /** The parser's error diagnostics (1-based lines and columns). */
    readonly diagnostics: readonly Diagnostic[],
  ) {
    super(
      `${filename}: cannot format a file with parse errors:\n` +
        diagnostics.map((diagnostic) => formatDiagnostic(filename, diagnostic)).join("\n"),
    );
  }
}

/**
 * Formats Alloy configuration text exactly as `alloy fmt` does, except that string literals are always kept
 * as written. The output has LF line endings, no BOM and exactly one final newline. Throws
 * {@link FormatError} when the text does not parse.
 */
export function format(text: string, options: FormatOptions = {}): string {
  const source = normalizeSource(text);
  const parsed = parse(source, { filename: options.filename });
  const errors = parsed.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (errors.length > 0) throw new FormatError(options.filename ?? "<input>", errors);
  return formatParsed(parsed);
}

/**
 * Formats an already parsed file. `parsed` must come from `parse` of the normalized text (see
 * {@link normalizeSource}) and have no error diagnostics.
 */
export function formatParsed(parsed: Pick<ParseResult, "ast" | "lineIndex">): string {
  const output = formatAst(parsed.ast, parsed.lineIndex.text, parsed.lineIndex);
  if (!hasCommentsInsideExpressions(parsed.ast)) return output;
  return checkedOutput(parsed.ast, parsed.lineIndex.text, output);
}

/** Formatting passes tried for a file with comments inside expressions before giving up on it. */
const MAX_PASSES = 4;

/**
 * Alloy's layout can move a comment that sits inside an expression, sometimes where it changes the parse or
 * moves again on the next run. Such output is accepted once it parses to the same tree with every comment in
 * the same statement, and is a fixpoint (formatting it again changes nothing); otherwise the source is
 * returned unchanged, so formatting never alters a program or its comments and is always idempotent.
 */
function checkedOutput(file: File, source: string, output: string): string {
  const expected = signature(file);
  let current = output;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const reparsed = parse(current);
    if (reparsed.diagnostics.some((diagnostic) => diagnostic.severity === "error")) break;
    if (signature(reparsed.ast) !== expected) break;
    const next = formatAst(reparsed.ast, current, reparsed.lineIndex);
    if (next === current) return current;
    current = next;
  }
  return finalNewline(source);
}

/** Formats a parsed file given its source text and the parser's line index. */
export function formatAst(file: File, text: string, lineIndex: ParseResult["lineIndex"]): string {
  const printer = new Printer(text, lineIndex, file.comments);
  new NodePrinter(printer, text).statements(file.body);
  return finalNewline(printer.finish());
}

/** Drops a byte order mark and turns CRLF line endings into LF, as the formatted output has them. */
export function normalizeSource(text: string): string {
  let source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.includes("\r\n")) source = source.replace(/\r\n/g, "\n");
  return source;
}

function finalNewline(output: string): string {
  let end = output.length;
  while (end > 0 && output.charCodeAt(end - 1) === 10) end--;
  return output.slice(0, end) + "\n";
}
