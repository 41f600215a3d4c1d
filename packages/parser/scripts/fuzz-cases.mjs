// Deterministic fuzz inputs for the parser: random token soups, random bytes, and mutated real configs.
// Shared by the test suite (a few tens of thousands of cases) and `pnpm fuzz` (a million).

import { seededRandom as random } from "../../../test/support/random.mjs";

const FRAGMENTS = [
  "a", "b.c", "prometheus.scrape", '"label"', "`raw\nstring`", "{", "}", "[", "]", "(", ")", ",", ".", "=", "==",
  "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "^", "!", "&&", "||", "&", "|", "1", "1.5", ".5", "1e10",
  "1e", "true", "false", "null", '"\\x41\\u00e9"', '"\\q"', '"unterminated', "`unterminated", "'single'",
  "// comment\n", "/* block */", "/* open", "\n", "\r\n", " ", "\t", "\uFEFF", "é", "日本", "#", ":", "$", "\\",
  "\u0000", "😀", "\r",
];

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

/** A random sequence of Alloy-ish fragments. */
export function tokenSoup(rand, maxLength = 60) {
  const n = Math.floor(rand() * maxLength);
  let out = "";
  for (let i = 0; i < n; i++) out += pick(rand, FRAGMENTS) + (rand() < 0.3 ? " " : "");
  return out;
}

/** Random characters, mostly ASCII. */
export function randomText(rand, maxLength = 80) {
  const n = Math.floor(rand() * maxLength);
  let out = "";
  for (let i = 0; i < n; i++) {
    const r = rand();
    out += r < 0.9 ? String.fromCharCode(9 + Math.floor(rand() * 118)) : String.fromCodePoint(Math.floor(rand() * 0x2ffff));
  }
  return out.replace(/[\uD800-\uDFFF]/g, "x");
}

/** A real config with one to three edits: insert, delete, swap or duplicate a span, or truncate. */
export function mutate(rand, text) {
  let out = text;
  const edits = 1 + Math.floor(rand() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rand() * (out.length + 1));
    const len = Math.floor(rand() * 12);
    switch (Math.floor(rand() * 5)) {
      case 0:
        out = out.slice(0, at) + pick(rand, FRAGMENTS) + out.slice(at);
        break;
      case 1:
        out = out.slice(0, at) + out.slice(at + len);
        break;
      case 2: {
        const other = Math.floor(rand() * (out.length + 1));
        const [x, y] = at < other ? [at, other] : [other, at];
        out = out.slice(0, x) + out.slice(y, y + len) + out.slice(x + len, y) + out.slice(x, x + len) + out.slice(y + len);
        break;
      }
      case 3:
        out = out.slice(0, at) + out.slice(at, at + len) + out.slice(at);
        break;
      default:
        out = out.slice(0, at);
    }
  }
  return out;
}

/** The n-th fuzz input for a seed, given the pool of real configs to mutate. */
export function fuzzCase(seed, corpus) {
  const rand = random(seed);
  const r = rand();
  if (r < 0.3 || corpus.length === 0) return tokenSoup(rand);
  if (r < 0.4) return randomText(rand);
  return mutate(rand, corpus[Math.floor(rand() * corpus.length)]);
}

/**
 * Checks one parse: returns a problem description, or undefined when the result is sound (every node and
 * diagnostic range lies within the text, starts before it ends, and positions agree with offsets).
 */
export function checkParse(text, result, walk) {
  const problems = [];
  const lineIndex = result.lineIndex;
  const checkRange = (what, range) => {
    const { start, end } = range;
    if (!(start.offset >= 0 && end.offset <= text.length && start.offset <= end.offset)) {
      problems.push(`${what} range ${start.offset}-${end.offset} outside 0-${text.length}`);
      return;
    }
    const expected = lineIndex.positionAt(start.offset);
    if (expected.line !== start.line || expected.column !== start.column) {
      problems.push(`${what} start ${start.line}:${start.column} but offset says ${expected.line}:${expected.column}`);
    }
  };
  walk(result.ast, { enter: (node) => checkRange(node.kind, node.range) });
  for (const comment of result.ast.comments) checkRange("Comment", comment.range);
  for (const d of result.diagnostics) checkRange(`diagnostic ${d.code}`, d.range);
  return problems.length ? problems.slice(0, 3).join("; ") : undefined;
}

/** Everything a parse result says, positions computed through its line index: equal dumps, equal results. */
export function dumpParse(result) {
  const range = (r) => `${r.start.offset}-${r.end.offset} ${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
  const value = (v) => {
    if (Array.isArray(v)) return v.map(value);
    if (v && typeof v === "object") {
      if ("start" in v && "end" in v) return range(v);
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, value(x)]));
    }
    return v;
  };
  return {
    ast: value(result.ast),
    diagnostics: result.diagnostics.map((d) => `${d.code} ${d.message} ${range(d.range)}`),
    lines: result.lineIndex.lineStarts,
  };
}

/**
 * A real config (or a token soup without a corpus) and an edited version of it, for `reparse`. Half the
 * time the config is edited once before (so it usually has syntax errors already, as while typing).
 */
export function reparseCase(seed, corpus) {
  const rand = random(seed);
  const original = corpus.length > 0 ? corpus[Math.floor(rand() * corpus.length)] : tokenSoup(rand);
  const before = rand() < 0.5 ? mutate(rand, original) : original;
  return { before, after: mutate(rand, before) };
}

/**
 * Reparses the parse of `before` into `after` and compares the result with a full parse of `after`:
 * a problem description, or undefined when they are the same.
 */
export function checkReparse(before, after, parse, reparse) {
  let got;
  try {
    got = JSON.stringify(dumpParse(reparse(parse(before), after)));
  } catch (error) {
    return `reparse threw ${error.stack}`;
  }
  return got === JSON.stringify(dumpParse(parse(after))) ? undefined : "reparse differs from a full parse";
}

/**
 * Edits that provably keep a valid config valid: a space or a line comment at the end of a line, a blank line
 * after a newline, every line ending as CRLF. (Inside a raw string or a block comment they change its text,
 * never its validity; a quoted string never spans a line end.)
 */
const KEEPING_VALID = [
  (rand, text) => insertAtLineEnd(rand, text, " "),
  (rand, text) => insertAtLineEnd(rand, text, " // fuzz"),
  (rand, text) => insertAtLineEnd(rand, text, "\n"),
  (_, text) => text.replace(/\r?\n/g, "\r\n"),
];

/** Edits that provably make any config invalid: a NUL or a byte order mark anywhere past the start, a `}` or `=` to begin with. */
const BREAKING = [
  (rand, text) => insertAnywhere(rand, text, "\u0000"),
  (rand, text) => insertAnywhere(rand, text || "\n", "\uFEFF", 1),
  (_, text) => "}\n" + text,
  (_, text) => "= 1\n" + text,
];

function insertAtLineEnd(rand, text, what) {
  const ends = [];
  for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", nl + 1)) ends.push(text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
  ends.push(text.length);
  const at = ends[Math.floor(rand() * ends.length)];
  return text.slice(0, at) + what + text.slice(at);
}

function insertAnywhere(rand, text, what, from = 0) {
  const at = from + Math.floor(rand() * (text.length + 1 - from));
  return text.slice(0, at) + what + text.slice(at);
}

/**
 * The n-th differential case: a config Alloy accepts, edited so that it provably stays valid or provably
 * becomes invalid; `valid` says which. `accepted` holds the corpus inputs Alloy accepts.
 */
export function validityCase(seed, accepted) {
  const rand = random(seed);
  const original = accepted[Math.floor(rand() * accepted.length)];
  const valid = rand() < 0.5;
  const edits = valid ? KEEPING_VALID : BREAKING;
  return { text: pick(rand, edits)(rand, original), valid };
}

/** Whether a text holds half of a surrogate pair: no UTF-8 file decodes to it, so Alloy never sees such a text. */
export function hasLoneSurrogate(text) {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** Diagnostics as Alloy prints them (`LINE:COL: message`, the column in UTF-8 bytes). */
export function alloyDiagnostics(result) {
  return result.diagnostics.map((d) => `${d.range.start.line}:${result.lineIndex.byteColumn(d.range.start)}: ${d.message}`);
}
