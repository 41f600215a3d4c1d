import { format, FormatError, splitLines } from "@alloy-toolkit/formatter";
import type { TextEdit } from "vscode-languageserver";
import type { ParsedDocument } from "./documents.js";
import { offsetsToLspRange } from "./lsp-positions.js";

/** How far ahead (in lines) the line alignment looks for the next unchanged line. */
const SYNC_WINDOW = 64;

/**
 * The edits formatting a whole document, none when the text is already formatted (in its own line endings) or
 * does not parse (the formatter refuses such text; the parse errors are already diagnostics).
 *
 * The edits replace the runs of lines that differ, not the whole text: an editor applies them in place of
 * diffing a whole new text against the old one, which on a file of megabytes takes it seconds.
 */
export function formatEdits(doc: ParsedDocument): TextEdit[] {
  const formatted = formatOrUndefined(doc.text, doc.uri);
  if (formatted === undefined) return [];
  const output = withLineEndingsOf(doc.text, formatted);
  return output === doc.text ? [] : lineEdits(doc, output);
}

/**
 * `formatted` (whose lines end in `\n`, as `alloy fmt` writes them) with the line endings of `original`: a
 * document whose first line ends in `\r\n` keeps `\r\n`, so that formatting a formatted CRLF file changes
 * nothing.
 */
export function withLineEndingsOf(original: string, formatted: string): string {
  const firstBreak = original.indexOf("\n");
  return firstBreak > 0 && original.charCodeAt(firstBreak - 1) === 13 ? formatted.replace(/\r?\n/g, "\r\n") : formatted;
}

/** `format(text)`, or `undefined` when the text has parse errors. */
export function formatOrUndefined(text: string, filename: string): string | undefined {
  try {
    return format(text, { filename });
  } catch (error) {
    if (error instanceof FormatError) return undefined;
    throw error;
  }
}


/**
 * Edits turning the document's text into `after`, one per run of changed lines. Lines are aligned greedily:
 * equal lines are kept, and at a difference the nearest pair of equal lines within {@link SYNC_WINDOW} lines
 * resynchronizes both texts (formatting changes lines where they are, so it is found at once). Any alignment
 * gives correct edits; this one gives small ones in linear time.
 */
function lineEdits(doc: ParsedDocument, after: string): TextEdit[] {
  const a = splitLines(doc.text);
  const b = splitLines(after);
  const starts: number[] = new Array(a.length + 1);
  starts[0] = 0;
  for (let k = 0; k < a.length; k++) starts[k + 1] = starts[k] + a[k].length;
  const edits: TextEdit[] = [];
  const replace = (i0: number, i1: number, j0: number, j1: number) => {
    edits.push({ range: offsetsToLspRange(doc.lsp, starts[i0], starts[i1]), newText: b.slice(j0, j1).join("") });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    const ahead = new Map<string, number>();
    for (let dj = 0; dj < SYNC_WINDOW && j + dj < b.length; dj++) if (!ahead.has(b[j + dj])) ahead.set(b[j + dj], dj);
    let best: [number, number] | undefined;
    for (let di = 0; di < SYNC_WINDOW && i + di < a.length; di++) {
      const dj = ahead.get(a[i + di]);
      if (dj !== undefined && (best === undefined || di + dj < best[0] + best[1])) best = [di, dj];
      if (best !== undefined && di >= best[0] + best[1]) break;
    }
    const [di, dj] = best ?? [a.length - i, b.length - j];
    replace(i, i + di, j, j + dj);
    i += di;
    j += dj;
  }
  return edits;
}
