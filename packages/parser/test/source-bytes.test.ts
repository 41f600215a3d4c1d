import { describe, expect, it } from "vitest";
import { decodeSource, parse } from "../src/index.js";

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === "string" ? [...Buffer.from(part, "utf8")] : part)));

/** `line:byteColumn` of each error, as Alloy prints them. */
function errorsOf(input: Uint8Array): string[] {
  const decoded = decodeSource(input);
  if (decoded.ok) return [];
  return decoded.diagnostics.map((d) => `${d.range.start.line}:${d.byteColumn}: ${d.message}`);
}

describe("decodeSource", () => {
  it("decodes valid UTF-8 as it is, with a leading BOM kept for the parser to skip", () => {
    const text = "\uFEFFa = \"café 😀\" // ok\r\n";
    const decoded = decodeSource(bytes(text));
    expect(decoded).toEqual({ ok: true, text });
    expect(parse(decoded.text).diagnostics).toEqual([]);
  });

  // The expected errors are those of Alloy v1.18.1's parser on the same bytes.
  it("reports a Latin-1 byte where Alloy does", () => {
    expect(errorsOf(bytes("a = 1 // caf", [0xe9], "\n"))).toEqual(["1:13: illegal UTF-8 encoding"]);
    expect(errorsOf(bytes("/* ", [0xe9], " */ a = 1\n"))).toEqual(["1:4: illegal UTF-8 encoding"]);
  });

  it("counts columns in bytes from the start of the file, a BOM included, and every bad byte", () => {
    expect(errorsOf(bytes("\uFEFF// ", [0xe9, 0xe9], "\nb = \"x", [0xc3], "\"\n"))).toEqual([
      "1:7: illegal UTF-8 encoding",
      "1:8: illegal UTF-8 encoding",
      "2:7: illegal UTF-8 encoding",
    ]);
  });

  it("rejects overlong forms, surrogates, code points past U+10FFFF and cut sequences byte by byte, as Go does", () => {
    const input = bytes(
      'a = "',
      [0xc0, 0x80],
      " ",
      [0xed, 0xa0, 0x80],
      " ",
      [0xf4, 0x90, 0x80, 0x80],
      " ",
      [0xe2, 0x82],
      '"\r\n// 😀 ',
      [0xff],
      "\n",
    );
    expect(errorsOf(input)).toEqual(
      ["1:6", "1:7", "1:9", "1:10", "1:11", "1:13", "1:14", "1:15", "1:16", "1:18", "1:19", "2:9"].map(
        (at) => `${at}: illegal UTF-8 encoding`,
      ),
    );
  });

  it("gives positions in the text with one U+FFFD per bad byte, for showing the file", () => {
    const decoded = decodeSource(bytes("é = 1\n😀 ", [0xe9], "\n"));
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.text).toBe("é = 1\n😀 \uFFFD\n");
    const [error] = decoded.diagnostics;
    expect(error).toMatchObject({ code: "parse/illegal-encoding", severity: "error", byteColumn: 6 });
    expect(error.range.start).toEqual({ offset: 9, line: 2, column: 4 });
    expect(decoded.text[error.range.start.offset]).toBe("\uFFFD");
  });
});
