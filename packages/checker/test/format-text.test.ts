import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LineIndex } from "@alloy-toolkit/parser";
import { describe, expect, it } from "vitest";
import { formatText, type CheckDiagnostic } from "../src/index.js";
import { formatDiagnosticText } from "../src/format-text.js";

const fixtures = join(import.meta.dirname, "fixtures", "format-text");

/** A diagnostic over [from, to) of `text` (whose line index `index` is, when given). */
function diagnosticAt(text: string, from: number, to: number, index = new LineIndex(text)): CheckDiagnostic {
  return { code: "check/example", severity: "error", message: "example", file: "f.alloy", range: { start: index.positionAt(from), end: index.positionAt(to) } };
}

describe("formatDiagnosticText: the lines around a diagnostic, as Alloy prints them", () => {
  it("shows CRLF lines without their carriage returns", () => {
    const text = 'a = 1\r\nb = "x"\r\nc = 3\r\n';
    const from = text.indexOf('"x"');
    expect(formatDiagnosticText(diagnosticAt(text, from, from + 3), text)).toBe(
      readFileSync(join(fixtures, "crlf.txt"), "utf8"),
    );
  });

  it("stops at the last line of a file without a final newline", () => {
    const text = "a = 1\nb = 2";
    const from = text.indexOf("2");
    expect(formatDiagnosticText(diagnosticAt(text, from, from + 1), text)).toBe(
      readFileSync(join(fixtures, "last-line.txt"), "utf8"),
    );
  });

  it("underlines a range over several lines, tabs shown as four spaces", () => {
    const text = 'x "a" {\n\tb = [\n\t\t1,\n\t]\n}\n';
    const from = text.indexOf("[");
    expect(formatDiagnosticText(diagnosticAt(text, from, text.indexOf("]") + 1), text)).toBe(
      readFileSync(join(fixtures, "multiline.txt"), "utf8"),
    );
  });

  it("prints the control characters of a source escaped, as Go's %q does, so a terminal never runs them", () => {
    // An escape sequence that would clear the screen, colours, a bell, DEL and a C1 control (CSI).
    const text = 'a = "\x1b[2J\x1b[31mred\x1b[0m"\n// bell \x07, del \x7f, csi \u009b31m\n';
    const from = text.indexOf('"');
    const diagnostic = { ...diagnosticAt(text, from, text.indexOf("\n")), message: 'invalid value "\x1b[2J", file f\x1b[0m' };
    const printed = formatDiagnosticText(diagnostic, text, undefined, "f\x1b]0;title\x07.alloy");
    expect(printed).toBe(readFileSync(join(fixtures, "escapes.txt"), "utf8"));
    expect(printed).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  });

  it("prints each of many diagnostics of a large text with the lines around it", () => {
    // One diagnostic on every line: each printout holds its own line and its neighbours. (How fast this is
    // on a large file, pnpm bench tells: checker/bench/check.mjs.)
    const lines = Array.from({ length: 5_000 }, (_, n) => `line_${n} = ${n}`);
    const text = lines.join("\n") + "\n";
    const index = new LineIndex(text);
    const diagnostics = lines.map((line, n) => {
      const from = index.offsetAt(n + 1, 1);
      return diagnosticAt(text, from, from + line.indexOf(" "), index);
    });
    const printed = formatText(diagnostics, new Map([["f.alloy", text]])).split("Error: ").slice(1);
    expect(printed).toHaveLength(5_000);
    for (const n of [0, 1, 2_499, 4_999]) {
      expect(printed[n]).toContain(`${n + 1} | line_${n} = ${n}\n`);
      if (n > 0) expect(printed[n]).toContain(`| line_${n - 1} = ${n - 1}\n`);
    }
  });
});
