import { describe, expect, it } from "vitest";
import { parse } from "../src/index.js";

/** `LINE:COL: message` as Alloy prints it (column in UTF-8 bytes). */
function alloyErrors(text: string): string[] {
  const result = parse(text);
  return result.diagnostics.map((d) => `${d.range.start.line}:${result.lineIndex.byteColumn(d.range.start)}: ${d.message}`);
}

// Each expectation is what Alloy v1.18.1's own parser reports for the input (its Go parser, run by the bench).
describe("NUL and byte order marks, as Alloy's scanner reads them", () => {
  it("rejects a NUL inside strings, raw strings and comments", () => {
    expect(alloyErrors('a = "x\u0000y"\n')).toEqual(["1:7: illegal character NUL"]);
    expect(alloyErrors("a = `x\u0000`\n")).toEqual(["1:7: illegal character NUL"]);
    expect(alloyErrors("// c\u0000\na = 1\n")).toEqual(["1:5: illegal character NUL"]);
    expect(alloyErrors("/* \u0000 */\na = 1\n")).toEqual(["1:4: illegal character NUL"]);
  });

  it("reports a NUL twice in a block comment it reads ahead of, to decide whether the line ends", () => {
    expect(alloyErrors("a = 1 /* \u0000 */\n")).toEqual(["1:10: illegal character NUL", "1:10: illegal character NUL"]);
    expect(alloyErrors("a = 1 /* \u0000 */ b = 2\n")).toEqual([
      "1:10: illegal character NUL",
      "1:10: illegal character NUL",
      "1:15: expected TERMINATOR, got IDENT",
    ]);
  });

  it("reports a NUL between tokens as read (one character ahead) and as an illegal character", () => {
    expect(alloyErrors("a\u0000 = 1\n")).toEqual([
      "1:2: illegal character NUL",
      "1:2: illegal character U+0000",
      "1:2: expected block label, got ILLEGAL",
    ]);
    expect(alloyErrors("\u0000\u0000")).toEqual([
      "1:1: illegal character NUL",
      "1:2: illegal character NUL",
      "1:1: illegal character U+0000",
      "1:1: expected identifier, got ILLEGAL",
      "1:2: illegal character U+0000",
    ]);
  });

  it("rejects a byte order mark anywhere but at the very start, strings and comments included", () => {
    expect(alloyErrors('a = "\uFEFF"\n')).toEqual(["1:6: illegal byte order mark"]);
    expect(alloyErrors("// \uFEFF\n")).toEqual(["1:4: illegal byte order mark"]);
    expect(alloyErrors("a = 1\n\uFEFFb = 2\n")).toEqual(["2:1: illegal byte order mark", "2:1: expected identifier, got ILLEGAL"]);
    expect(alloyErrors("\uFEFF\uFEFF")).toEqual(["1:4: illegal byte order mark", "1:4: expected identifier, got ILLEGAL"]);
    expect(alloyErrors("\uFEFFa = 1\n")).toEqual([]);
  });
});

describe("positions Alloy reports", () => {
  it("reports an exponent without digits at the start of the number", () => {
    expect(alloyErrors("x = 1.5e\n")).toEqual(["1:5: exponent has no digits"]);
    expect(alloyErrors("x = 3E+ 1\n")).toEqual(["1:5: exponent has no digits", "1:9: expected TERMINATOR, got NUMBER"]);
  });

  it("counts the carriage return of a CRLF line as a column", () => {
    expect(alloyErrors("a = [\r\n  1\r\n]\r\n")).toEqual(["2:5: missing ',' in expression list"]);
    expect(alloyErrors("a = [1,\r\n2\r\n]")).toEqual(["2:3: missing ',' in expression list"]);
    expect(alloyErrors("a = 1\r\nb = (\r\n")).toEqual(["3:1: expected expression, got EOF"]);
    expect(alloyErrors("a {\r\n  b = 1 2\r\n}\r\n")).toEqual(["2:9: expected TERMINATOR, got NUMBER"]);
  });

  it("reports an escape error at the character after the backslash, and takes no \\'", () => {
    expect(alloyErrors('x = "\\q\\x4g\\400\\uD800"\n')).toEqual([
      "1:7: unknown escape sequence",
      "1:9: illegal character U+0067 'g' in escape sequence",
      "1:13: escape sequence is invalid Unicode code point",
      "1:17: escape sequence is invalid Unicode code point",
    ]);
    expect(alloyErrors(`x = "\\'"\n`)).toEqual(["1:7: unknown escape sequence"]);
  });
});
