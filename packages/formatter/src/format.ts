import type { Diagnostic, File, LineIndex, ParseResult } from "@alloy-toolkit/parser";
import { formatDiagnostic, parse } from "@alloy-toolkit/parser";
import { NodePrinter } from "./nodes.js";
import { Printer } from "./printer.js";
import { sectionStarts } from "./sections.js";
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
 * as written. The output has no BOM and exactly one final newline; its line breaks are LF, except those inside
 * raw strings, which are kept as written (as Alloy keeps them). Throws {@link FormatError} when the text does
 * not parse.
 *
 * A large text is parsed and printed a section at a time (see `sections.ts`), which gives the same output as
 * the whole file at once; any section with a parse error, or whose output needs the checks of
 * {@link fixpoint} and fails them, sends the whole text through the whole-file path instead.
 */
export function format(text: string, options: FormatOptions = {}): string {
  // The parser skips a leading BOM and takes CRLF as a line break, as Alloy's scanner does: the text is parsed
  // as it is, so that diagnostics have Alloy's positions and raw strings keep their CRs.
  // Sections are only used when they all format (no positions to report): the BOM is no part of any.
  const sectioned = text.length >= SECTIONS_FROM ? formatInSections(withoutBom(text), SECTION_LENGTH) : undefined;
  return sectioned ?? formatWhole(text, options.filename);
}

/**
 * From which length a text is formatted in sections. Below it the whole tree is cheap to build, and the
 * sections' own costs (a parser and a printer each) made formatting 10–15 % slower at 40–100 KB; from a few
 * hundred KB sections take less time, as the whole tree's garbage collection grows: 23 % less at 400 KB, 33 %
 * at 1 MB, 55 % at 4 MB (parts of bench/large.alloy).
 */
const SECTIONS_FROM = 262_144;

/**
 * How long a section is at least: shorter ones add sections' costs for nothing, much longer ones bring back
 * the cost of a large tree that stays alive while it is built.
 */
const SECTION_LENGTH = 32_768;

/** {@link format} from one parse of the whole text. */
function formatWhole(source: string, filename: string | undefined): string {
  const parsed = parse(source, { filename });
  const errors = parsed.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (errors.length > 0) throw new FormatError(filename ?? "<input>", errors);
  return formatParsed(parsed);
}

/**
 * {@link format} section by section: the sections' outputs joined by the blank line
 * that separated them. `undefined` when the text has no cut into sections of at least `minLength`
 * characters, or when a section has parse errors or gives up in {@link fixpoint}: the caller then formats
 * the whole text, which reports the errors with their positions in the file, or returns it unchanged.
 * @internal Exported for the tests that compare it with the whole-file path.
 */
export function formatInSections(source: string, minLength: number): string | undefined {
  const starts = sectionStarts(source, minLength);
  if (starts === undefined || starts.length === 0) return undefined;
  const outputs: string[] = [];
  let from = 0;
  for (let k = 0; k <= starts.length; k++) {
    const to = k < starts.length ? starts[k] : source.length;
    const section = source.slice(from, to);
    from = to;
    const parsed = parse(section);
    if (parsed.diagnostics.some((diagnostic) => diagnostic.severity === "error")) return undefined;
    const output = formatChecked(parsed, true);
    if (output === undefined) return undefined;
    outputs.push(output);
  }
  return outputs.join("\n");
}

/** Formats an already parsed file; `parsed` must have no error diagnostics. */
export function formatParsed(parsed: Pick<ParseResult, "ast" | "lineIndex">): string {
  return formatChecked(parsed, false) ?? finalNewline(withoutBom(parsed.lineIndex.text));
}

/**
 * {@link formatParsed}, or `undefined` where it returns the source unchanged because {@link fixpoint} found no
 * acceptable output. `alwaysCheckComments` (for a section of a file) checks that comments stay in place
 * whenever the fixpoint runs, even when this part has no comment inside an expression: the whole file's run
 * would check it when another part has one.
 */
function formatChecked(parsed: Pick<ParseResult, "ast" | "lineIndex">, alwaysCheckComments: boolean): string | undefined {
  const source = parsed.lineIndex.text;
  const { output, joinedLines, commentsPlacedApproximately } = print(parsed.ast, source, parsed.lineIndex);
  const commentsInside = hasCommentsInsideExpressions(parsed.ast);
  if (!joinedLines && !commentsPlacedApproximately && !commentsInside) return output;
  return fixpoint(parsed.ast, output, commentsInside || commentsPlacedApproximately || alwaysCheckComments);
}

/** Formats a parsed file given its source text and the parser's line index (one pass, no checks). */
export function formatAst(file: File, text: string, lineIndex: ParseResult["lineIndex"]): string {
  return print(file, text, lineIndex).output;
}

/**
 * One pass of the printer. Where lines were joined, or comments placed next to tokens that Alloy places only
 * approximately, another pass may lay the output out differently (see {@link fixpoint}).
 */
function print(
  file: File,
  text: string,
  lineIndex: LineIndex,
): { output: string; joinedLines: boolean; commentsPlacedApproximately: boolean } {
  const printer = new Printer(text, lineIndex, file.comments);
  const nodes = new NodePrinter(printer, text);
  nodes.statements(file.body);
  const output = finalNewline(printer.finish());
  return { output, joinedLines: nodes.joinedLines, commentsPlacedApproximately: printer.placedCommentsApproximately };
}

/** Formatting passes tried before giving up on a file. */
const MAX_PASSES = 4;

/**
 * Formats again until the output stops changing, as Alloy's `.expect` files are its printer's fixpoints: a
 * pass that joins lines (`a =⏎ 1` → `a = 1`) can change which attributes align on the next pass.
 *
 * With comments inside expressions, Alloy's layout can also move a comment, sometimes where it changes the
 * parse, so each pass must then parse to the same tree with every comment in the same statement. When no
 * acceptable fixpoint comes this returns `undefined`, and the source is kept unchanged: formatting never
 * alters a program or its comments, and `format(format(x)) === format(x)` always holds.
 */
function fixpoint(file: File, output: string, checkComments: boolean): string | undefined {
  const expected = checkComments ? signature(file) : "";
  let current = output;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const reparsed = parse(current);
    if (reparsed.diagnostics.some((diagnostic) => diagnostic.severity === "error")) break;
    if (checkComments && signature(reparsed.ast) !== expected) break;
    const next = print(reparsed.ast, current, reparsed.lineIndex).output;
    if (next === current) return current;
    current = next;
  }
  return undefined;
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function finalNewline(output: string): string {
  let end = output.length;
  while (end > 0 && output.charCodeAt(end - 1) === 10) end--;
  return output.slice(0, end) + "\n";
}
