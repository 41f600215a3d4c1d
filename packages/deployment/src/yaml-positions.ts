import type { Scalar } from "yaml";

/**
 * Where each character of a YAML scalar's value comes from in the YAML text.
 *
 * `yamlOffset(i)` is the 0-based offset in the YAML text of the value's character `i` (UTF-16 units),
 * and of the scalar's end for `i === value.length`. A character that folding produced from a line
 * break (a folded `>` scalar, a multi-line quoted or plain scalar) maps to that line break; a character
 * decoded from an escape (`\t`, `\u00e9`, `''`) maps to the start of the escape.
 *
 * When the mapping cannot be rebuilt exactly (a construct this module does not model, such as tabs in
 * indentation or CRLF inside a folded scalar), `exact` is false and every offset maps to the scalar's
 * start: diagnostics are then reported at the scalar rather than at a wrong place.
 */
export interface ScalarContentMap {
  readonly value: string;
  readonly exact: boolean;
  yamlOffset(contentOffset: number): number;
  /** The offset just after the source of character `i` (after the whole escape for `\"`). */
  yamlEndOffset(contentOffset: number): number;
}

interface SourceToken {
  readonly type: string;
  readonly offset: number;
  readonly indent: number;
  readonly source: string;
  readonly props?: readonly { readonly source: string }[];
}

/** Builds the content map of a scalar parsed with `keepSourceTokens: true`. */
export function scalarContentMap(node: Scalar): ScalarContentMap {
  const value = typeof node.value === "string" ? node.value : String(node.value ?? "");
  const start = node.range?.[0] ?? 0;
  const token = (node as Scalar & { srcToken?: SourceToken }).srcToken;
  let offsets: number[] | undefined;
  if (token) {
    switch (token.type) {
      case "block-scalar":
        offsets = blockScalarOffsets(token);
        break;
      case "double-quoted-scalar":
        offsets = flowScalarOffsets(token.source.slice(1, -1), token.offset + 1, "double");
        break;
      case "single-quoted-scalar":
        offsets = flowScalarOffsets(token.source.slice(1, -1), token.offset + 1, "single");
        break;
      case "scalar":
        offsets = flowScalarOffsets(token.source, token.offset, "plain");
        break;
    }
  }
  const built = offsets as (number[] & { text?: string; ends?: number[] }) | undefined;
  const exact = built !== undefined && built.text !== undefined && matchesValue(built.text, value, token?.type);
  if (!exact || !built) {
    return { value, exact: false, yamlOffset: () => start, yamlEndOffset: () => start };
  }
  const ends = built.ends;
  const endOf = (i: number) => (ends ? ends[i] : built[i] + 1);
  const end = value.length > 0 ? endOf(value.length - 1) : start;
  return {
    value,
    exact: true,
    yamlOffset: (i) => (i < 0 ? built[0] ?? start : i < value.length ? built[i] : end),
    yamlEndOffset: (i) => (i < 0 ? start : i < value.length ? endOf(i) : end),
  };
}

function matchesValue(built: string, value: string, type: string | undefined): boolean {
  if (type !== "block-scalar") return built === value;
  // Chomping only trims or keeps trailing line breaks.
  return built.startsWith(value) && /^\n*$/.test(built.slice(value.length));
}

interface Line {
  readonly start: number;
  readonly text: string;
}

function splitLines(source: string, base: number): Line[] {
  const lines: Line[] = [];
  let lineStart = 0;
  for (let i = 0; i <= source.length; i++) {
    if (i === source.length || source[i] === "\n") {
      if (i === source.length && i === lineStart && lines.length > 0) break;
      lines.push({ start: base + lineStart, text: source.slice(lineStart, i) });
      lineStart = i + 1;
    }
  }
  return lines;
}

/** `|` and `>` scalars: strip the content indentation, then keep (`|`) or fold (`>`) line breaks. */
function blockScalarOffsets(token: SourceToken): number[] | undefined {
  const props = token.props ?? [];
  const header = props[0]?.source ?? "";
  const folded = header.startsWith(">");
  const sourceStart = token.offset + props.reduce((n, p) => n + p.source.length, 0);
  const lines = splitLines(token.source, sourceStart);
  if (lines.some((l) => l.text.endsWith("\r"))) return undefined;
  const explicit = /[1-9]/.exec(header);
  let indent: number;
  if (explicit) {
    indent = token.indent + Number(explicit[0]);
  } else {
    // Only spaces indent; the first line with anything else sets the content indentation.
    const first = lines.find((l) => /[^ ]/.test(l.text));
    if (!first) {
      return Object.assign(lines.map((l) => l.start + l.text.length), { text: "\n".repeat(lines.length) });
    }
    indent = /^ */.exec(first.text)![0].length;
  }
  const contents = lines.map((l) => ({
    newline: l.start + l.text.length,
    text: l.text.length > indent ? l.text.slice(indent) : "",
    start: l.start + indent,
  }));
  // Built with plain loops over a preallocated array: configs of a megabyte are common enough.
  const offsets: number[] = [];
  const parts: string[] = [];
  const pushText = (c: (typeof contents)[number]) => {
    for (let k = 0; k < c.text.length; k++) offsets.push(c.start + k);
    parts.push(c.text);
  };
  const pushChar = (ch: string, at: number) => {
    offsets.push(at);
    parts.push(ch);
  };
  if (!folded) {
    for (const c of contents) {
      pushText(c);
      pushChar("\n", c.newline);
    }
    return Object.assign(offsets, { text: parts.join("") });
  }
  // Folding: a single line break between two "normal" lines becomes a space; with empty lines between
  // them the break itself is dropped and the empty lines stay; more-indented lines keep their breaks.
  const isText = (s: string) => s !== "" && s[0] !== " " && s[0] !== "\t";
  let previous: (typeof contents)[number] | undefined;
  let pendingEmpty: (typeof contents)[number][] = [];
  for (const c of contents) {
    if (c.text === "") {
      pendingEmpty.push(c);
      continue;
    }
    if (previous === undefined) {
      for (const e of pendingEmpty) pushChar("\n", e.newline);
    } else if (isText(previous.text) && isText(c.text)) {
      if (pendingEmpty.length === 0) pushChar(" ", previous.newline);
      else for (const e of pendingEmpty) pushChar("\n", e.newline);
    } else {
      pushChar("\n", previous.newline);
      for (const e of pendingEmpty) pushChar("\n", e.newline);
    }
    pendingEmpty = [];
    pushText(c);
    previous = c;
  }
  if (previous) pushChar("\n", previous.newline);
  for (const e of pendingEmpty) pushChar("\n", e.newline);
  return Object.assign(offsets, { text: parts.join("") });
}

const simpleEscapes: Record<string, string> = {
  "0": "\0", a: "\x07", b: "\b", t: "\t", "\t": "\t", n: "\n", v: "\v", f: "\f", r: "\r", e: "\x1b",
  " ": " ", '"': '"', "/": "/", "\\": "\\", N: "\u0085", _: "\u00a0", L: "\u2028", P: "\u2029",
};
const hexEscapeLength: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Quoted and plain scalars: escapes (double quotes), `''` (single quotes), and flow line folding. */
function flowScalarOffsets(raw: string, base: number, style: "double" | "single" | "plain"): number[] | undefined {
  if (raw.includes("\r")) return undefined;
  let text = "";
  const offsets: number[] = [];
  const ends: number[] = [];
  let spaces: { ch: string; at: number }[] = [];
  const push = (chars: string, at: number, length = 1) => {
    for (const s of spaces) {
      text += s.ch;
      offsets.push(s.at);
      ends.push(s.at + 1);
    }
    spaces = [];
    for (let k = 0; k < chars.length; k++) {
      offsets.push(at);
      ends.push(at + length);
    }
    text += chars;
  };
  const skipBlanks = (j: number) => {
    while (raw[j] === " " || raw[j] === "\t") j++;
    return j;
  };
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    if (c === "\\" && style === "double") {
      const n = raw[i + 1];
      if (n === "\n") {
        // An escaped line break joins the lines without a space; the blanks before it stay.
        push("", base + i);
        i = skipBlanks(i + 2);
        continue;
      }
      const hex = hexEscapeLength[n];
      if (hex !== undefined) {
        const code = Number.parseInt(raw.slice(i + 2, i + 2 + hex), 16);
        if (Number.isNaN(code)) return undefined;
        push(String.fromCodePoint(code), base + i, 2 + hex);
        i += 2 + hex;
        continue;
      }
      const decoded = simpleEscapes[n];
      if (decoded === undefined) return undefined;
      push(decoded, base + i, 2);
      i += 2;
      continue;
    }
    if (c === "'" && style === "single" && raw[i + 1] === "'") {
      push("'", base + i, 2);
      i += 2;
      continue;
    }
    if (c === "\n") {
      spaces = [];
      const breaks: number[] = [];
      let j = skipBlanks(i + 1);
      while (raw[j] === "\n") {
        breaks.push(base + j);
        j = skipBlanks(j + 1);
      }
      if (text.length > 0 || style !== "plain") {
        if (breaks.length === 0) push(" ", base + i);
        else for (const b of breaks) push("\n", b);
      }
      i = j;
      continue;
    }
    if (c === " " || c === "\t") {
      spaces.push({ ch: c, at: base + i });
      i++;
      continue;
    }
    push(c, base + i);
    i++;
  }
  if (style === "plain") spaces = [];
  push("", base + raw.length);
  return Object.assign(offsets, { text, ends });
}
