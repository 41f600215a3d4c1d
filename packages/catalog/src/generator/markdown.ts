import { parse as parseYaml } from "yaml";

/** One line of an expanded page, remembering where it came from (for the report). */
export interface SourceLine {
  text: string;
  /** File relative to `docs/sources`. */
  file: string;
  /** 1-based line number in `file`. */
  line: number;
}

export interface Page {
  path: string;
  frontMatter: Record<string, unknown>;
  lines: SourceLine[];
}

export interface DocsReader {
  /** Reads a file relative to `docs/sources`; `undefined` when it does not exist. */
  read(relativePath: string): string | undefined;
}

export interface IncludeProblem {
  file: string;
  line: number;
  message: string;
}

const INCLUDE = /\{\{<\s*docs\/shared\s+lookup="([^"]+)".*?>\}\}/;

/** Splits front matter from the body of a Markdown file. */
export function splitFrontMatter(text: string): { frontMatter: Record<string, unknown>; body: string; bodyStartLine: number } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!match) return { frontMatter: {}, body: text, bodyStartLine: 1 };
  const frontMatter = (parseYaml(match[1]) ?? {}) as Record<string, unknown>;
  const bodyStartLine = match[0].split("\n").length;
  return { frontMatter, body: text.slice(match[0].length), bodyStartLine };
}

/**
 * Reads a page and replaces every `{{< docs/shared lookup="…" >}}` with the shared file's body,
 * recursively (shared snippets include other snippets). Version parameters name the docs
 * release, which is always the snapshot being read, so they are ignored.
 */
export function loadPage(reader: DocsReader, path: string, problems: IncludeProblem[]): Page | undefined {
  const text = reader.read(path);
  if (text === undefined) return undefined;
  const { frontMatter, body, bodyStartLine } = splitFrontMatter(text);
  return { path, frontMatter, lines: expandLines(reader, path, body, bodyStartLine, problems, [path]) };
}

function expandLines(
  reader: DocsReader,
  file: string,
  body: string,
  firstLine: number,
  problems: IncludeProblem[],
  stack: string[],
): SourceLine[] {
  const out: SourceLine[] = [];
  body.split(/\r?\n/).forEach((text, index) => {
    const line = firstLine + index;
    const include = INCLUDE.exec(text);
    if (!include) {
      out.push({ text, file, line });
      return;
    }
    const target = `shared/${include[1].replace(/^\/+/, "")}`;
    if (stack.includes(target)) {
      problems.push({ file, line, message: `recursive include of ${target}` });
      return;
    }
    const included = reader.read(target);
    if (included === undefined) {
      // Stability banners and other snippets outside sources/shared are markers, kept as text.
      out.push({ text, file, line });
      if (!target.startsWith("shared/stability/")) problems.push({ file, line, message: `missing include ${target}` });
      return;
    }
    const parts = splitFrontMatter(included);
    const before = text.slice(0, include.index).trim();
    const after = text.slice(include.index + include[0].length).trim();
    if (before) out.push({ text: before, file, line });
    out.push({ text: `<!-- include ${include[1]} -->`, file, line });
    out.push(...expandLines(reader, target, parts.body, parts.bodyStartLine, problems, [...stack, target]));
    if (after) out.push({ text: after, file, line });
  });
  return out;
}

/** A heading and the lines under it up to the next heading of any level. */
export interface Section {
  level: number;
  /** Heading text without markup, e.g. `stage.cri` for "### `stage.cri`". */
  title: string;
  /** Hugo's anchor id for the heading, `-1`, `-2` … appended to repeats. */
  anchor: string;
  /** Index of the heading in `page.lines`. */
  start: number;
  /** Index one past the section's own content (next heading of any level). */
  ownEnd: number;
  /** Index one past the section's subtree (next heading of the same or a higher level). */
  end: number;
}

/** Hugo/Goldmark heading anchors: lowercase, punctuation other than `-`/`_` dropped, spaces to `-`. */
export function headingAnchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}

export function plainHeadingText(raw: string): string {
  return stripInline(raw).replace(/\{#[^}]*\}\s*$/, "").trim();
}

/** Headings of a page, skipping fenced code blocks. */
export function sectionsOf(lines: SourceLine[]): Section[] {
  const headings: { level: number; raw: string; index: number }[] = [];
  let fence: string | undefined;
  lines.forEach((line, index) => {
    const fenceMatch = /^\s*(```|~~~)/.exec(line.text);
    if (fenceMatch) {
      if (fence === undefined) fence = fenceMatch[1];
      else if (fence === fenceMatch[1]) fence = undefined;
      return;
    }
    if (fence !== undefined) return;
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line.text);
    if (heading) headings.push({ level: heading[1].length, raw: heading[2], index });
  });
  const seen = new Map<string, number>();
  return headings.map((heading, i) => {
    const title = plainHeadingText(heading.raw);
    const explicit = /\{#([^}]+)\}\s*$/.exec(heading.raw);
    let anchor = explicit ? explicit[1] : headingAnchor(title);
    const count = seen.get(anchor) ?? 0;
    seen.set(anchor, count + 1);
    if (count > 0) anchor = `${anchor}-${count}`;
    const next = headings[i + 1];
    const sameOrHigher = headings.slice(i + 1).find((h) => h.level <= heading.level);
    return {
      level: heading.level,
      title,
      anchor,
      start: heading.index,
      ownEnd: next ? next.index : lines.length,
      end: sameOrHigher ? sameOrHigher.index : lines.length,
    };
  });
}

/** A Markdown pipe table. */
export interface Table {
  header: string[];
  rows: TableRow[];
  /** Index of the header line in the page lines. */
  start: number;
}

export interface TableRow {
  cells: string[];
  source: SourceLine;
}

/** Pipe tables found in `lines[from, to)`, outside code fences. */
export function tablesIn(lines: SourceLine[], from = 0, to = lines.length): Table[] {
  const tables: Table[] = [];
  let fence = false;
  let i = from;
  while (i < to) {
    const text = lines[i].text;
    if (/^\s*(```|~~~)/.test(text)) fence = !fence;
    if (!fence && isTableLine(text) && i + 1 < to && /^\s*\|?\s*:?-{2,}/.test(lines[i + 1].text)) {
      const table: Table = { header: splitRow(text).map(stripInline), rows: [], start: i };
      i += 2;
      while (i < to && isTableLine(lines[i].text)) {
        table.rows.push({ cells: splitRow(lines[i].text, table.header.length), source: lines[i] });
        i++;
      }
      tables.push(table);
      continue;
    }
    i++;
  }
  return tables;
}

function isTableLine(text: string): boolean {
  return /^\s*\|/.test(text);
}

/**
 * Splits a table row on unescaped pipes outside inline code. A stray backtick in a cell
 * (`` `key_file. ``) would swallow the rest of the row, so when the count differs from the
 * header's, the row is split on every unescaped pipe instead.
 */
export function splitRow(text: string, expected?: number): string[] {
  const cells = splitRowRespectingCode(text);
  if (expected === undefined || cells.length === expected) return cells;
  const naive = splitRowIgnoringCode(text);
  return naive.length === expected ? naive : cells;
}

function splitRowIgnoringCode(text: string): string[] {
  const body = text.trim().replace(/^\|/, "").replace(/\|\s*$/, "");
  return body.split(/(?<!\\)\|/).map((cell) => cell.replace(/\\\|/g, "|").trim());
}

function splitRowRespectingCode(text: string): string[] {
  const cells: string[] = [];
  let current = "";
  let inCode = false;
  const body = text.trim().replace(/^\|/, "").replace(/\|\s*$/, "");
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === "\\" && body[i + 1] === "|") {
      current += "|";
      i++;
      continue;
    }
    if (char === "`") inCode = !inCode;
    if (char === "|" && !inCode) {
      cells.push(current.trim());
      current = "";
      continue;
    }
    current += char;
  }
  cells.push(current.trim());
  return cells;
}

/** Removes inline Markdown (code ticks, links, emphasis, Hugo shortcodes) and keeps the text. */
export function stripInline(text: string): string {
  return text
    .replace(/\{\{<\s*param\s+"([^"]+)"\s*>\}\}/g, (_, name: string) => (name === "PRODUCT_NAME" ? "Alloy" : name))
    .replace(/\{\{<[^>]*>\}\}/g, "")
    .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, "$1")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/`/g, "")
    .replace(/(^|\W)(\*\*|__)(.+?)\2(?=\W|$)/g, "$1$3")
    .replace(/(^|\W)([*_])(.+?)\2(?=\W|$)/g, "$1$3")
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Link reference definitions of a page: `[name]: #anchor` → `name` (lowercased) → `#anchor`. */
export function linkReferences(lines: SourceLine[]): Map<string, string> {
  const refs = new Map<string, string>();
  for (const { text } of lines) {
    const match = /^\s*\[([^\]]+)\]:\s*(\S+)/.exec(text);
    if (match && !refs.has(match[1].toLowerCase())) refs.set(match[1].toLowerCase(), match[2]);
  }
  return refs;
}

/** Paragraph text of `lines[from, to)`: prose lines joined, tables, code, admonitions and includes skipped. */
export function proseIn(lines: SourceLine[], from: number, to: number): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  let fence = false;
  let shortcodeDepth = 0;
  const flush = () => {
    if (current.length) paragraphs.push(stripInline(current.join(" ")));
    current = [];
  };
  for (let i = from; i < to; i++) {
    const text = lines[i].text;
    if (/^\s*(```|~~~)/.test(text)) {
      fence = !fence;
      flush();
      continue;
    }
    if (fence) continue;
    if (/^\{\{<\s*(admonition|collapse)/.test(text.trim())) shortcodeDepth++;
    if (/^\{\{<\s*\/(admonition|collapse)/.test(text.trim())) {
      shortcodeDepth = Math.max(0, shortcodeDepth - 1);
      flush();
      continue;
    }
    if (shortcodeDepth > 0 || text.trim() === "" || /^\s*(\||#|\[[^\]]+\]:|<!--|\{\{)/.test(text) || /^\s*[*-]\s/.test(text)) {
      flush();
      continue;
    }
    current.push(text.trim());
  }
  flush();
  return paragraphs.filter((p) => p.length > 0);
}
