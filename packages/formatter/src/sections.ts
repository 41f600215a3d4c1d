import { statementCuts, type TextSpan } from "@alloy-toolkit/parser";

/**
 * Where a source text can be cut into top-level sections that format on their own.
 *
 * A section ends before a line that follows a blank line and lies between two top-level statements (the
 * parser's `statementCuts`, which reads brackets, strings, comments and Alloy's statement ends as the scanner
 * does). Formatting is the same across such a cut: Alloy's layout never aligns, joins or indents across a
 * blank line between top-level statements, and runs of blank lines there collapse to one. So
 * `format(a + b)` is `format(a) + "\n" + format(b)` for a cut between `a` and `b`, and `format` prints a large
 * file a section at a time: each section's syntax tree is dropped once printed, instead of the whole file's
 * tree being kept alive while it is built (see `format.ts`, and the tests that compare both ways over the
 * corpus).
 */

const LF = 10;
const TAB = 9;
const SPACE = 32;
const CR = 13;

/**
 * The offsets at which `source` (LF line endings) can be cut into sections of at least `minLength`
 * characters each (the last one may be shorter), in increasing order; empty when there is no such cut, and
 * `undefined` when the text does not scan (such text has parse errors, which `format` reports from the whole
 * file).
 */
export function sectionStarts(source: string, minLength: number): number[] | undefined {
  const cuts = statementCuts(source);
  if (!cuts) return undefined;
  const { comments } = cuts;
  const starts: number[] = [];
  let sectionStart = 0;
  let sectionHasText = false;
  /** The current line has no text yet, the line before it had none, and where the current line starts. */
  let lineBlank = true;
  let previousLineBlank = false;
  let lineStart = 0;
  let comment = 0;
  /** Text at a line's first non-blank character: a cut goes before that line when the line before is blank. */
  const text = () => {
    if (!lineBlank) return;
    lineBlank = false;
    if (previousLineBlank && sectionHasText && lineStart - sectionStart >= minLength) {
      starts.push(lineStart);
      sectionStart = lineStart;
    }
    sectionHasText = true;
  };
  /** The text between two statements: line breaks, blanks and comments (text, but never cut inside). */
  const gap = (from: number, to: number) => {
    let i = from;
    while (i < to) {
      while (comment < comments.length && comments[comment].end <= i) comment++;
      const inComment: TextSpan | undefined = comments[comment]?.start === i ? comments[comment] : undefined;
      if (inComment) {
        text();
        i = inComment.end;
        continue;
      }
      const c = source.charCodeAt(i++);
      if (c === LF) {
        previousLineBlank = lineBlank;
        lineBlank = true;
        lineStart = i;
      } else if (c !== SPACE && c !== TAB && c !== CR) {
        text();
      }
    }
  };
  let from = 0;
  for (const statement of cuts.statements) {
    gap(from, statement.start);
    text();
    // A statement's own lines are never cut before; its last line has text.
    const lastBreak = source.lastIndexOf("\n", statement.end - 1);
    if (lastBreak >= statement.start) lineStart = lastBreak + 1;
    lineBlank = false;
    from = statement.end;
  }
  gap(from, source.length);
  return starts;
}
