import { describe, expect, it } from "vitest";
import { LineIndex, parse, tokenize } from "../src/index.js";

describe("tokenize", () => {
  const text = '// scrape\nprometheus.scrape "a" {\n  targets = [{"x" = 1.5}] /* inline */\n  ok = !true && null == -2\n}\n';

  it("gives every token and comment with its kind, Alloy's name and range", () => {
    const tokens = tokenize(text);
    expect(tokens.slice(0, 8).map((t) => [t.kind, t.name, t.text])).toEqual([
      ["comment", "COMMENT", "// scrape"],
      ["identifier", "IDENT", "prometheus"],
      ["punctuation", ".", "."],
      ["identifier", "IDENT", "scrape"],
      ["string", "STRING", '"a"'],
      ["punctuation", "{", "{"],
      ["identifier", "IDENT", "targets"],
      ["punctuation", "=", "="],
    ]);
    expect(tokens.filter((t) => t.kind === "number").map((t) => t.name)).toEqual(["FLOAT", "NUMBER"]);
    expect(tokens.filter((t) => t.kind === "bool" || t.kind === "null").map((t) => t.text)).toEqual(["true", "null"]);
    expect(tokens.find((t) => t.text === "/* inline */")!.range).toEqual({ start: { offset: 60, line: 3, column: 27 }, end: { offset: 72, line: 3, column: 39 } });
  });

  it("covers every character that is not blank, once and in order, with ranges matching the offsets", () => {
    const index = new LineIndex(text);
    let covered = "";
    let last = 0;
    for (const token of tokenize(text)) {
      expect(token.start).toBeGreaterThanOrEqual(last);
      expect(text.slice(last, token.start).trim()).toBe("");
      expect(token.range).toEqual({ start: index.positionAt(token.start), end: index.positionAt(token.end) });
      covered += token.text;
      last = token.end;
    }
    expect(covered).toBe(text.replace(/\s+(?=(?:[^"]*"[^"]*")*[^"]*$)/g, "").replace("//scrape", "// scrape").replace("/*inline*/", "/* inline */"));
  });

  it("reads text Alloy rejects: illegal characters, open strings and comments", () => {
    expect(tokenize("a = 'x' ~").map((t) => [t.kind, t.text])).toEqual([
      ["identifier", "a"],
      ["punctuation", "="],
      ["illegal", "'x'"],
      ["illegal", "~"],
    ]);
    const open = tokenize('a = "never closed\nb = /* open');
    expect(open.filter((t) => !t.closed).map((t) => t.kind)).toEqual(["string", "comment"]);
  });

  it("shares the line index of a parse", () => {
    const { lineIndex } = parse(text);
    expect(tokenize(text, lineIndex)).toEqual(tokenize(text));
  });
});
