import { describe, expect, it } from "vitest";
import { LineIndex, parse } from "../src/index.js";

const text = 'a = "é😀x"\r\nb = 1\rc = "中"\n\nd = `\n😀`';

/** Every offset that is not inside a surrogate pair. */
function boundaries(source: string): number[] {
  const out: number[] = [];
  for (let k = 0; k <= source.length; k++) {
    const c = source.charCodeAt(k - 1);
    if (!(c >= 0xd800 && c <= 0xdbff)) out.push(k);
  }
  return out;
}

describe("LSP positions", () => {
  const index = new LineIndex(text);
  // LSP lines end at \n, \r\n and a lone \r.
  const lspLines: { start: number; end: number }[] = [];
  for (let start = 0, k = 0; k <= text.length; k++) {
    if (k === text.length || text[k] === "\n" || (text[k] === "\r" && text[k + 1] !== "\n")) {
      lspLines.push({ start, end: k > start && text[k] === "\n" && text[k - 1] === "\r" ? k - 1 : k });
      start = k + 1;
    }
  }

  it("gives 0-based lines and UTF-16 characters, lines ending as LSP ends them", () => {
    for (const offset of boundaries(text)) {
      const line = lspLines.findLastIndex((l) => l.start <= offset);
      expect(index.toLsp(offset)).toEqual({ line, character: Math.min(offset, lspLines[line].end) - lspLines[line].start });
    }
    expect(index.toLsp(index.positionAt(text.indexOf("c =")))).toEqual({ line: 2, character: 0 });
    expect(new LineIndex("a\nb").toLsp(2)).toEqual({ line: 1, character: 0 });
  });

  it("converts back to the same position, clamping past a line's end or the text's", () => {
    for (const offset of boundaries(text)) {
      const position = index.positionAt(offset);
      const lsp = index.toLsp(position);
      if (offset <= lspLines[lsp.line].end) expect(index.fromLsp(lsp)).toEqual(position);
    }
    expect(index.fromLsp({ line: 1, character: 99 })).toEqual(index.positionAt(text.indexOf("\rc")));
    expect(index.fromLsp({ line: 99, character: 0 })).toEqual(index.positionAt(text.length));
  });

  it("converts a node's range", () => {
    const { ast, lineIndex } = parse('a = "😀"\r\nd = `\n😀`');
    expect(lineIndex.toLspRange(ast.body[1].range)).toEqual({ start: { line: 1, character: 0 }, end: { line: 2, character: 3 } });
  });
});

describe("UTF-8 byte offsets", () => {
  const index = new LineIndex(text);

  it("counts the bytes before an offset, as Buffer.byteLength does", () => {
    for (const offset of boundaries(text)) {
      expect(index.byteOffset(offset)).toBe(Buffer.byteLength(text.slice(0, offset)));
      expect(index.byteOffset(index.positionAt(offset))).toBe(Buffer.byteLength(text.slice(0, offset)));
    }
  });

  it("goes back from bytes to offsets; a byte inside a character gives the character's offset", () => {
    for (const offset of boundaries(text)) expect(index.offsetOfByte(Buffer.byteLength(text.slice(0, offset)))).toBe(offset);
    const emoji = text.indexOf("😀");
    const emojiByte = Buffer.byteLength(text.slice(0, emoji));
    expect([1, 2, 3].map((k) => index.offsetOfByte(emojiByte + k))).toEqual([emoji, emoji, emoji]);
    expect(index.offsetOfByte(-5)).toBe(0);
    expect(index.offsetOfByte(10_000)).toBe(text.length);
  });
});
