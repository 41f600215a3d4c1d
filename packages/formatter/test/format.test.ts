import { describe, expect, it } from "vitest";
import { FormatError, format } from "../src/index.js";

describe("format", () => {
  it("refuses input with parse errors and reports the diagnostics", () => {
    let error: unknown;
    try {
      format("a = \nb {", { filename: "bad.alloy" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FormatError);
    const formatError = error as FormatError;
    expect(formatError.filename).toBe("bad.alloy");
    expect(formatError.diagnostics.length).toBeGreaterThan(0);
    expect(formatError.diagnostics.every((d) => d.severity === "error")).toBe(true);
    expect(formatError.message).toMatch(/^bad\.alloy: cannot format/);
    expect(formatError.message).toMatch(/bad\.alloy:\d+:\d+: /);
  });

  it("gives an empty or blank file a single newline", () => {
    expect(format("")).toBe("\n");
    expect(format("\n\n  \n")).toBe("\n");
  });

  it("keeps a file of comments only", () => {
    expect(format("// a\n\n\n/* b */\n")).toBe("// a\n\n/* b */\n");
  });

  it("keeps a block comment between tokens on its line", () => {
    expect(format("a = /* why */ 1\n")).toBe("a = /* why */ 1\n");
  });

  it("keeps string literals byte for byte, tabs and trailing spaces included", () => {
    const input = 'a = "x\\ty\tz"\nb = `line  \n\tindented\t`\n';
    expect(format(input)).toBe(input);
  });

  it("counts alignment widths in code points", () => {
    expect(format('a = "é😀" // c\nbb = 1 // d\n')).toBe('a  = "é😀" // c\nbb = 1    // d\n');
  });
});
