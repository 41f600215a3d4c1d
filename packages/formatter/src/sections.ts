/**
 * Where a source text can be cut into top-level sections that format on their own.
 *
 * A section ends before a line that follows a blank line, when every bracket opened before it is closed and
 * the top-level statement before it has ended: its last token (an identifier, a literal or a closing bracket)
 * was followed by a line break, where Alloy's scanner inserts a TERMINATOR. After `=` or an operator the
 * statement goes on, blank lines or not. Formatting is the same across such a cut: Alloy's layout never aligns, joins or indents
 * across a blank line between top-level statements, and runs of blank lines there collapse to one. So
 * `format(a + b)` is `format(a) + "\n" + format(b)` for a cut between `a` and `b`, and `format` prints a large
 * file a section at a time: each section's syntax tree is dropped once printed, instead of the whole file's
 * tree being kept alive while it is built (see `format.ts`, and the tests that compare both ways over the
 * corpus).
 *
 * This is a small lexer of its own, not the parser's scanner: it only needs brackets, strings, comments and
 * whether a token can end a statement. Where it is unsure it does not cut, and it gives up (returns
 * `undefined`) on text that does not scan (an unterminated string or comment, a stray closing bracket, a
 * single-quoted string): such text has parse errors, which `format` reports from the whole file.
 */

const LF = 10;
const TAB = 9;
const SPACE = 32;
const QUOTE = 34;
const BACKTICK = 96;
const APOSTROPHE = 39;
const SLASH = 47;
const STAR = 42;
const BACKSLASH = 92;

/**
 * Characters of tokens after which a newline ends a statement: identifiers and number literals (`true`,
 * `false` and `null` are identifiers here), as in Alloy. Closing brackets and string literals end one too.
 * Letters beyond ASCII are taken as identifier characters; anything else there is a scan error anyway.
 */
const WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  WORD[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 ? 1 : 0;
}

function isWord(c: number): boolean {
  return c < 128 ? WORD[c] === 1 : true;
}

/**
 * The offsets at which `source` (LF line endings) can be cut into sections of at least `minLength`
 * characters each (the last one may be shorter), in increasing order; empty when there is no such cut, and
 * `undefined` when the text does not scan.
 */
export function sectionStarts(source: string, minLength: number): number[] | undefined {
  const starts: number[] = [];
  const length = source.length;
  let depth = 0;
  /** A top-level statement has begun and no newline has ended it yet. */
  let inStatement = false;
  /** The last token can end a statement (see {@link WORD}). */
  let lastEnds = false;
  let sectionStart = 0;
  let sectionHasText = false;
  let lineBlank = true;
  let previousLineBlank = false;
  let lineStart = 0;
  let i = 0;
  while (i < length) {
    const c = source.charCodeAt(i);
    if (c === LF) {
      if (depth === 0 && lastEnds) inStatement = false;
      previousLineBlank = lineBlank;
      lineBlank = true;
      lineStart = ++i;
      continue;
    }
    if (c === SPACE || c === TAB || c === 13) {
      i++;
      continue;
    }
    if (lineBlank) {
      // The first character of a line with text on it.
      lineBlank = false;
      if (previousLineBlank && depth === 0 && !inStatement && sectionHasText && lineStart - sectionStart >= minLength) {
        starts.push(lineStart);
        sectionStart = lineStart;
      }
      sectionHasText = true;
    }
    if (isWord(c)) {
      i++;
      while (i < length && isWord(source.charCodeAt(i))) i++;
      inStatement = true;
      lastEnds = true;
      continue;
    }
    if (c === SLASH && source.charCodeAt(i + 1) === SLASH) {
      const end = source.indexOf("\n", i);
      i = end < 0 ? length : end;
      continue;
    }
    if (c === SLASH && source.charCodeAt(i + 1) === STAR) {
      const end = source.indexOf("*/", i + 2);
      if (end < 0) return undefined;
      // A newline inside the comment may end the statement for Alloy; not cutting after it is only cautious.
      i = end + 2;
      continue;
    }
    if (c === QUOTE) {
      i = stringEnd(source, i + 1);
      if (i < 0) return undefined;
      inStatement = true;
      lastEnds = true;
      continue;
    }
    if (c === BACKTICK) {
      const end = source.indexOf("`", i + 1);
      if (end < 0) return undefined;
      i = end + 1;
      inStatement = true;
      lastEnds = true;
      continue;
    }
    if (c === APOSTROPHE) return undefined;
    inStatement = true;
    if (c === 123 || c === 91 || c === 40) {
      depth++;
      lastEnds = false;
    } else if (c === 125 || c === 93 || c === 41) {
      if (--depth < 0) return undefined;
      lastEnds = true;
    } else {
      lastEnds = false;
    }
    i++;
  }
  return starts;
}

/** The offset just after the closing quote of a `"` string whose text starts at `from`; -1 when unterminated. */
function stringEnd(source: string, from: number): number {
  const length = source.length;
  for (let j = from; j < length; j++) {
    const c = source.charCodeAt(j);
    if (c === QUOTE) return j + 1;
    if (c === LF) return -1;
    if (c === BACKSLASH) {
      if (source.charCodeAt(j + 1) === LF) return -1;
      j++;
    }
  }
  return -1;
}
