import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "@alloy-toolkit/parser";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../../test/support/corpus.js";
import { describeShared } from "../../../test/support/shared.js";
import { format, formatParsed } from "../src/index.js";
import { formatInSections } from "../src/format.js";
import { sectionStarts } from "../src/sections.js";

/** The text of each section `sectionStarts` cuts `source` into, with no minimum length. */
function sections(source: string): string[] | undefined {
  const starts = sectionStarts(source, 0);
  if (starts === undefined) return undefined;
  return [0, ...starts].map((from, k) => source.slice(from, starts[k] ?? source.length));
}

/** `format` through one parse of the whole text: "error" when it does not parse. */
function formatWhole(text: string): string {
  const parsed = parse(text);
  if (parsed.diagnostics.some((diagnostic) => diagnostic.severity === "error")) return "error";
  return formatParsed(parsed);
}

describe("sectionStarts", () => {
  it("cuts before a top-level statement that follows a blank line", () => {
    expect(sections("a = 1\n\nb = 2\nc = 3\n\n\nd {\n}\n")).toEqual(["a = 1\n\n", "b = 2\nc = 3\n\n\n", "d {\n}\n"]);
  });

  it("takes a line of spaces and tabs for a blank line", () => {
    expect(sections("a = 1\n \t \nb = 2\n")).toEqual(["a = 1\n \t \n", "b = 2\n"]);
  });

  it("does not cut inside a block, an array, an object or a call", () => {
    for (const text of [
      "a {\n\tx = 1\n\n\ty = 2\n}\n",
      "a = [\n\t1,\n\n\t2,\n]\n",
      "a = {\n\tx = 1,\n\n\ty = 2,\n}\n",
      "a = f(\n\t1,\n\n\t2,\n)\n",
    ]) {
      expect(sections(text), text).toEqual([text]);
    }
  });

  it("does not cut a statement that goes on after a line break (after `=` or an operator)", () => {
    for (const text of ["a =\n\n1\n", "a = 1 +\n\n2\n", "a = x.\n\ny\n", "a = !\n\ntrue\n"]) {
      expect(sections(text), text).toEqual([text]);
    }
  });

  it("does not cut inside strings and comments, nor count their brackets", () => {
    expect(sections("a = `x\n\ny {`\n\nb = 1\n")).toEqual(["a = `x\n\ny {`\n\n", "b = 1\n"]);
    expect(sections('a = "x\\" // {"\n\nb = 1\n')).toEqual(['a = "x\\" // {"\n\n', "b = 1\n"]);
    expect(sections("a = 1 // {\n\nb = 2\n")).toEqual(["a = 1 // {\n\n", "b = 2\n"]);
    expect(sections("/* {\n\n*/\n\nb = 1\n")).toEqual(["/* {\n\n*/\n\n", "b = 1\n"]);
  });

  it("cuts before a comment line that follows a blank line, and not before the first line", () => {
    expect(sections("\n\n// head\n\na = 1\n\n// about b\nb = 2\n")).toEqual(["\n\n// head\n\n", "a = 1\n\n", "// about b\nb = 2\n"]);
  });

  it("keeps every section at least minLength characters long", () => {
    const text = "a = 1\n\nb = 2\n\nc = 3\n\nd = 4\n";
    expect(sectionStarts(text, 0)).toEqual([7, 14, 21]);
    expect(sectionStarts(text, 8)).toEqual([14]);
    expect(sectionStarts(text, 100)).toEqual([]);
  });

  it("gives up on text that does not scan", () => {
    for (const text of [
      'a = "open\n\nb = 1\n',
      'a = "x\\\n"\n\nb = 1\n',
      "a = `open\n\nb = 1\n",
      "/* open\n\nb = 1\n",
      "}\n\nb = 1\n",
      "a = 'x'\n\nb = 1\n",
    ]) {
      expect(sectionStarts(text, 0), text).toBeUndefined();
    }
  });
});

describe("format in sections", () => {
  it("gives the output of formatting the whole text at once", () => {
    const text =
      "// head\n\nlogging {\nlevel=\"info\"\n}\n\n\n\na=1\nlonger_name=2 // c\n\n" +
      'prometheus.scrape "x" {\n  targets = [\n\n{"a"="b"},\n  ]\n}\n\nb =\n  3\nc = 4\n';
    const whole = formatWhole(text);
    expect(formatInSections(text, 0)).toBe(whole);
    expect(format(text)).toBe(whole);
  });

  it("formats a large text with a byte order mark as the same text without it", () => {
    const text = Array.from({ length: 12_000 }, (_, i) => `block_${i} {\nvalue=${i}\n}\n`).join("\n");
    expect(text.length).toBeGreaterThan(262_144);
    expect(format(`\uFEFF\n\n${text}`)).toBe(format(text));
  });

  it("is not used for a text with parse errors, whose errors are reported from the whole file", () => {
    // `b =` goes on across the blank lines (`b = c`), so the error is the `=` of line 5.
    const text = "a = 1\n\nb = \n\nc = 3\n";
    expect(formatInSections(text, 0)).toBeUndefined();
    expect(() => format(text, { filename: "bad.alloy" })).toThrow(/\nbad\.alloy:5:3: expected TERMINATOR, got =$/);
  });

  it("is not used when a section's output would not keep its comments (the whole file is kept as written)", () => {
    // A comment between a callee and its `(`: Alloy's layout moves it, so the file is returned unchanged.
    const text = "a = 1\n\nb = f /* c */ (1)\n";
    expect(formatInSections(text, 0)).toBe(formatWhole(text));
  });
});

describeShared("corpus", "formatting in sections over ../shared/corpus", (corpusRoot) => {
  const cases = loadCorpus(corpusRoot);

  it("agrees with the whole-file path on every input, and never formats one with parse errors", () => {
    const disagreements: string[] = [];
    let cut = 0;
    let withErrors = 0;
    for (const c of cases) {
      const source = c.text;
      const whole = formatWhole(source);
      const starts = sectionStarts(source, 0);
      const sectioned = formatInSections(source, 0);
      if (starts !== undefined && starts.length > 0) cut++;
      if (whole === "error") {
        withErrors++;
        if (sectioned !== undefined) disagreements.push(`${c.source}/${c.name}: formatted despite parse errors`);
      } else if (sectioned !== undefined && sectioned !== whole) {
        disagreements.push(`${c.source}/${c.name}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(cut).toBeGreaterThan(800);
    expect(withErrors).toBeGreaterThan(300);
  });

  it("agrees with the whole-file path on joined and mutated corpus inputs", () => {
    let seed = 11;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const pieces = ['"', "`", "/*", "*/", "//", "{", "}", "[", "]", "(", ")", "'", "=", "+", "\\", "\n\n", "\n", "\r", " \t", "\u00a0", ".", "x"];
    const disagreements: string[] = [];
    let formattedInSections = 0;
    for (let round = 0; round < 3000; round++) {
      let text = "";
      for (let k = 1 + next(3); k > 0; k--) text += `${cases[next(cases.length)].text}\n${"\n".repeat(next(3))}`;
      for (let k = next(4); k > 0; k--) {
        const at = next(text.length + 1);
        text = text.slice(0, at) + pieces[next(pieces.length)] + text.slice(at);
      }
      const source = text;
      const whole = formatWhole(source);
      const sectioned = formatInSections(source, next(2) === 0 ? 0 : next(400));
      if (sectioned === undefined) continue;
      formattedInSections++;
      if (sectioned !== whole) disagreements.push(JSON.stringify(text.slice(0, 200)));
    }
    expect(disagreements).toEqual([]);
    expect(formattedInSections).toBeGreaterThan(1000);
  });

  it("formats bench/large.alloy to its expected output at every cut", () => {
    const input = readFileSync(join(corpusRoot, "bench", "large.alloy"), "utf8");
    const expected = readFileSync(join(corpusRoot, "bench", "large.expect"), "utf8");
    expect(sectionStarts(input, 0)!.length).toBeGreaterThan(10_000);
    expect(formatInSections(input, 0)).toBe(expected);
  });
});
