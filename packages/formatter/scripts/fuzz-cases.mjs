// The differential fuzz of the formatter against Alloy's own outputs: corpus inputs changed in ways whose
// `alloy fmt` output is known from the corpus `.expect` of the input, and inputs Alloy rejects, which must stay
// rejected. Shared by the test suite (a slice) and `pnpm fuzz:format` (packages/formatter/scripts/fuzz.mjs, at
// scale); the caller passes the parser's `parse` and `walk` and the formatter's `format`, from the sources
// (tests) or from dist (the script).
//
// Alloy's printer decides everything from tokens, their lines and its own approximation of their offsets, never
// from columns. So these whitespace changes keep its output:
// - a run of spaces and tabs between two tokens on a line becomes another non-empty run (never empty: a comment
//   right after a token is placed differently from one a space away);
// - indentation and trailing whitespace become anything (trailing whitespace after a line comment belongs to
//   the comment, so none is added there);
// - a line break becomes CRLF, and a blank line between two things gets more blank lines (runs of blank lines
//   collapse to one);
// - a lone CR is whitespace, like a space.
// String literals, block labels, quoted object keys and comments are kept byte for byte by those; three more
// changes have outputs known from the `.expect`:
// - CRs inserted in a line comment or a one-line block comment: Alloy's scanner drops them;
// - CRLF line breaks inside a raw string: kept as written, in the output too;
// - the label of a block with a body made empty (`b "" {`): Alloy prints such a block without a label.

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** `source/name` of the corpus inputs where Alloy rewrites a string literal that the formatter keeps as written. */
export function corpusDeviations(corpusRoot) {
  const lines = readFileSync(join(corpusRoot, "DEVIATIONS.tsv"), "utf8").split("\n").slice(1);
  return new Set(lines.filter((line) => line.trim() !== "").map((line) => line.split("\t").slice(0, 2).join("/")));
}

/**
 * The inputs to vary: every corpus input (`.alloy`, `.river`) but the deviations, with Alloy's output or none
 * when Alloy rejects it, and every output of Alloy (which formats to itself). `{ id, text, parsed, expect }`.
 */
export function fuzzInputs(corpusRoot, parse) {
  const deviations = corpusDeviations(corpusRoot);
  const inputs = [];
  for (const source of readdirSync(corpusRoot).sort()) {
    const dir = join(corpusRoot, source);
    if (source === "validator" || source === "bench" || !statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).sort()) {
      const name = file.replace(/\.(alloy|river)$/, "");
      if (name === file || deviations.has(`${source}/${name}`)) continue;
      const expectPath = join(dir, `${name}.expect`);
      const expect = existsSync(expectPath) ? readFileSync(expectPath, "utf8") : undefined;
      const text = readFileSync(join(dir, file), "utf8");
      inputs.push({ id: `${source}/${file}`, text, parsed: parse(text), expect });
      if (expect !== undefined) inputs.push({ id: `${source}/${name}.expect`, text: expect, parsed: parse(expect), expect });
    }
  }
  return inputs;
}

const HORIZONTAL = [" ", "  ", "\t", " \t", "\t\t", "   ", " \r "];
const ANY_HORIZONTAL = ["", ...HORIZONTAL];

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

/** The [start, end) offsets that must stay as written, sorted; and the ends of line comments. */
function keptRanges(parsed, walk) {
  const ranges = [];
  const lineCommentEnds = new Set();
  for (const comment of parsed.ast.comments) {
    ranges.push([comment.range.start.offset, comment.range.end.offset]);
    if (comment.style === "line") lineCommentEnds.add(comment.range.end.offset);
  }
  walk(parsed.ast, {
    enter(node) {
      if (node.kind === "StringLiteral" || node.kind === "BlockLabel") {
        ranges.push([node.range.start.offset, node.range.end.offset]);
      } else if (node.kind === "ObjectField" && node.quoted) {
        ranges.push([node.keyRange.start.offset, node.keyRange.end.offset]);
      }
    },
  });
  ranges.sort((a, b) => a[0] - b[0]);
  return { ranges, lineCommentEnds };
}

const isWhitespace = (c) => c === " " || c === "\t" || c === "\r" || c === "\n";

/**
 * A variant of `text` (which parses: `parsed` is its parse) whose whitespace is changed as described above.
 * `rate` is the share of whitespace runs changed.
 */
export function whitespaceVariant(rand, text, parsed, walk, rate = 0.3) {
  const { ranges, lineCommentEnds } = keptRanges(parsed, walk);
  let out = "";
  let i = 0;
  let next = 0; // index of the next kept range
  // A leading byte order mark is not whitespace, and stays first.
  if (text.charCodeAt(0) === 0xfeff) {
    out = "\uFEFF";
    i = 1;
  }
  while (i < text.length) {
    while (next < ranges.length && ranges[next][1] <= i) next++;
    if (next < ranges.length && ranges[next][0] <= i) {
      out += text.slice(i, ranges[next][1]);
      i = ranges[next][1];
      continue;
    }
    if (!isWhitespace(text[i])) {
      out += text[i++];
      continue;
    }
    const start = i;
    while (i < text.length && isWhitespace(text[i])) i++;
    const gap = text.slice(start, i);
    out += rand() < rate ? changedGap(rand, gap, start === 0 || i === text.length, lineCommentEnds.has(start)) : gap;
  }
  return out;
}

/** Replacements of `[start, end)` ranges of a text, applied from the last. */
function applyEdits(text, edits) {
  let out = text;
  for (const { start, end, insert } of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, start) + insert + out.slice(end);
  }
  return out;
}

/** The nodes of a kind in source order. */
function nodesOf(ast, walk, kind) {
  const nodes = [];
  walk(ast, {
    enter(node) {
      if (node.kind === kind) nodes.push(node);
    },
  });
  return nodes;
}

/** CRs inserted in some line comments and one-line block comments; Alloy's output does not change. */
function commentCarriageReturns(rand, input) {
  const edits = [];
  for (const comment of input.parsed.ast.comments) {
    const { text } = comment;
    if (rand() > 0.3 || (comment.style === "block" && text.includes("\n"))) continue;
    // After the opening `//` or `/*`; before the closing `*/`, and never between a `*` and a `/`.
    const last = comment.style === "line" ? text.length : text.length - 2;
    const at = 2 + Math.floor(rand() * (last - 1));
    if (at > last || (text[at - 1] === "*" && text[at] === "/")) continue;
    const offset = comment.range.start.offset + at;
    edits.push({ start: offset, end: offset, insert: "\r" });
  }
  return { text: applyEdits(input.text, edits), expect: input.expect };
}

/** CRLF line breaks in some raw strings, and in the same strings of the output. */
function rawStringLineEndings(rand, input, walk, parse) {
  const before = nodesOf(input.parsed.ast, walk, "StringLiteral");
  const after = nodesOf(parse(input.expect).ast, walk, "StringLiteral");
  if (before.length !== after.length) return undefined;
  const edits = [];
  const expectEdits = [];
  for (let k = 0; k < before.length; k++) {
    const literal = before[k];
    if (!literal.isRaw || !literal.raw.includes("\n") || literal.raw !== after[k].raw || rand() > 0.5) continue;
    const crlf = literal.raw.replace(/\r?\n/g, "\r\n");
    edits.push({ start: literal.range.start.offset, end: literal.range.end.offset, insert: crlf });
    expectEdits.push({ start: after[k].range.start.offset, end: after[k].range.end.offset, insert: crlf });
  }
  if (edits.length === 0) return undefined;
  return { text: applyEdits(input.text, edits), expect: applyEdits(input.expect, expectEdits) };
}

/**
 * Some labels of blocks with a body made empty, and dropped from the output. Only blocks whose header line in
 * the output has no comment: a comment there could align with others, and the label's width would move it.
 */
function emptyLabels(rand, input, walk, parse) {
  const expectParsed = parse(input.expect);
  const before = nodesOf(input.parsed.ast, walk, "Block");
  const after = nodesOf(expectParsed.ast, walk, "Block");
  if (before.length !== after.length) return undefined;
  const commentLines = new Set(expectParsed.ast.comments.map((comment) => comment.range.start.line));
  const edits = [];
  const expectEdits = [];
  for (let k = 0; k < before.length; k++) {
    const block = before[k];
    const printed = after[k];
    if (block.label === undefined || printed.label === undefined || block.body.length === 0 || rand() > 0.4) continue;
    const headerLine = printed.label.range.start.line;
    if (commentLines.has(headerLine) || commentLines.has(printed.openBrace.start.line)) continue;
    edits.push({ start: block.label.range.start.offset, end: block.label.range.end.offset, insert: '""' });
    // The label and the space before it.
    expectEdits.push({ start: printed.label.range.start.offset - 1, end: printed.label.range.end.offset, insert: "" });
  }
  if (edits.length === 0) return undefined;
  return { text: applyEdits(input.text, edits), expect: applyEdits(input.expect, expectEdits) };
}

/**
 * A variant of a corpus input `{ text, parsed, expect }` (`parsed`: the parse of `text`; `expect`: Alloy's output,
 * undefined when Alloy rejects the text) and the output Alloy gives for it: a change of content with a known
 * output, sometimes, then changed whitespace. An input Alloy rejects only gets changed whitespace.
 */
export function variantOf(rand, input, { parse, walk }) {
  let changed = { text: input.text, expect: input.expect };
  if (input.expect !== undefined) {
    const kind = rand();
    if (kind < 0.15) changed = commentCarriageReturns(rand, input);
    else if (kind < 0.3) changed = rawStringLineEndings(rand, input, walk, parse) ?? changed;
    else if (kind < 0.45) changed = emptyLabels(rand, input, walk, parse) ?? changed;
  }
  const parsed = changed.text === input.text ? input.parsed : parse(changed.text);
  return { text: whitespaceVariant(rand, changed.text, parsed, walk), expect: changed.expect };
}

function changedGap(rand, gap, atFileEdge, afterLineComment) {
  const newlines = gap.split("\n").length - 1;
  if (newlines === 0) return atFileEdge ? pick(rand, ANY_HORIZONTAL) : pick(rand, HORIZONTAL);
  const lineBreaks = newlines >= 2 && rand() < 0.5 ? newlines + 1 + Math.floor(rand() * 3) : newlines;
  let out = afterLineComment ? "" : pick(rand, ANY_HORIZONTAL);
  for (let k = 0; k < lineBreaks; k++) {
    out += (rand() < 0.3 ? "\r\n" : "\n") + (k + 1 < lineBreaks ? pick(rand, ANY_HORIZONTAL) : "");
  }
  return out + pick(rand, ANY_HORIZONTAL);
}

/**
 * Checks one variant of a corpus input against Alloy's outcome: `expect` (Alloy's `alloy fmt` output of the input,
 * and so of the variant) or, when `expect` is undefined, a rejection. Returns a description of the problem, or
 * undefined.
 */
export function checkVariant(format, variant, expect) {
  let output;
  try {
    output = format(variant);
  } catch (error) {
    if (error?.name !== "FormatError") return `threw ${error?.stack ?? error}`;
    return expect === undefined ? undefined : `rejected: ${error.message.split("\n")[1] ?? error.message}`;
  }
  if (expect === undefined) return "accepted an input Alloy rejects";
  if (output === expect) return undefined;
  const outLines = output.split("\n");
  const expectLines = expect.split("\n");
  let line = 0;
  while (outLines[line] === expectLines[line]) line++;
  return `line ${line + 1}: ${JSON.stringify(outLines[line])}, Alloy: ${JSON.stringify(expectLines[line])}`;
}
