import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../test/support/random.mjs";
import { unifiedDiff } from "../src/fmt/unified-diff.js";

/** Applies a unified diff made by `unifiedDiff` to `text` (what `patch` would do). */
function applyPatch(text: string, patch: string): string {
  const lines = text.split(/(?<=\n)/);
  const patchLines = patch.split("\n");
  const out: string[] = [];
  let at = 0;
  let i = 2; // after the --- and +++ lines
  while (i < patchLines.length && patchLines[i] !== "") {
    const header = /^@@ -(\d+),(\d+) \+\d+,\d+ @@$/.exec(patchLines[i++]);
    if (!header) throw new Error(`not a hunk header: ${patchLines[i - 1]}`);
    const start = Number(header[2]) === 0 ? Number(header[1]) : Number(header[1]) - 1;
    while (at < start) out.push(lines[at++]);
    while (i < patchLines.length && patchLines[i] !== "" && !patchLines[i].startsWith("@@")) {
      const line = patchLines[i];
      const newline = patchLines[i + 1] === "\\ No newline at end of file" ? "" : "\n";
      if (line[0] === " ") {
        expect(lines[at]).toBe(line.slice(1) + newline);
        out.push(lines[at++]);
      } else if (line[0] === "-") {
        expect(lines[at]).toBe(line.slice(1) + newline);
        at++;
      } else {
        out.push(line.slice(1) + newline);
      }
      i += newline === "" ? 2 : 1;
    }
  }
  while (at < lines.length) out.push(lines[at++]);
  return out.join("");
}

const changedLines = (patch: string): number => patch.split("\n").slice(2).filter((l) => /^[-+]/.test(l)).length;

describe("unifiedDiff", () => {
  it("writes headers, hunks with three lines of context, and marks a last line without a newline", () => {
    const before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm";
    const after = "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n";
    expect(unifiedDiff("x.alloy", before, after, false)).toBe(
      "--- x.alloy\toriginal\n+++ x.alloy\tformatted\n" +
        "@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n" +
        "@@ -10,4 +10,4 @@\n j\n k\n l\n-m\n\\ No newline at end of file\n+m\n",
    );
  });

  it("keeps changes at most six lines apart in one hunk", () => {
    const before = "1\n2\n3\n4\n5\n6\n7\n8\n";
    expect(unifiedDiff("f", before, "X\n2\n3\n4\n5\n6\n7\nY\n", false)).toBe(
      "--- f\toriginal\n+++ f\tformatted\n@@ -1,8 +1,8 @@\n-1\n+X\n 2\n 3\n 4\n 5\n 6\n 7\n-8\n+Y\n",
    );
  });

  it("numbers an empty side by the line before it", () => {
    expect(unifiedDiff("f", "", "a = 1\n", false)).toBe("--- f\toriginal\n+++ f\tformatted\n@@ -0,0 +1,1 @@\n+a = 1\n");
    expect(unifiedDiff("f", "a\nb\n", "a\n", false)).toBe("--- f\toriginal\n+++ f\tformatted\n@@ -1,2 +1,1 @@\n a\n-b\n");
  });

  it("finds the minimal diff where no line is unique nor as frequent on both sides (Myers' algorithm)", () => {
    expect(unifiedDiff("f", "a\nb\na\n", "b\na\nb\n", false)).toBe(
      "--- f\toriginal\n+++ f\tformatted\n@@ -1,3 +1,3 @@\n-a\n b\n a\n+b\n",
    );
  });

  it("gives a diff that turns the old text into the new one, on random edits", () => {
    const rand = seededRandom(25);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
    for (let round = 0; round < 2000; round++) {
      const before = Array.from({ length: Math.floor(rand() * 40) }, () => pick(["}", "", "a = 1", "b {", `x${Math.floor(rand() * 30)}`]) + "\n");
      const after = before.filter(() => rand() > 0.2).map((line) => (rand() < 0.15 ? `y${Math.floor(rand() * 9)}\n` : line));
      if (rand() < 0.3) after.splice(Math.floor(rand() * (after.length + 1)), 0, "new\n");
      let oldText = before.join("");
      let newText = after.join("");
      if (rand() < 0.2) oldText = oldText.slice(0, -1);
      if (rand() < 0.2) newText = newText.replace(/\n$/, "\r\n");
      if (oldText === newText) continue;
      expect(applyPatch(oldText, unifiedDiff("f", oldText, newText, false)), JSON.stringify([oldText, newText])).toBe(newText);
    }
  });

  it("diffs 40,000 changed lines (a quadratic diff took minutes), every one removed and added once", () => {
    const lines = 40_000;
    let before = "";
    let after = "";
    for (let i = 0; i < lines; i++) {
      before += `${"a".repeat(1 + (i % 7))}${i}=${i}\n`;
      after += `${"a".repeat(1 + (i % 7))}${i} = ${i}\n`;
    }
    const patch = unifiedDiff("big.alloy", before, after, false);
    expect(patch.split("\n")[2]).toBe(`@@ -1,${lines} +1,${lines} @@`);
    expect(changedLines(patch)).toBe(2 * lines);
    expect(applyPatch(before, patch)).toBe(after);
  });

  it("keeps the lines that many alike blocks share, with no unique line to anchor on", () => {
    let before = "";
    let after = "";
    for (let i = 0; i < 6000; i++) {
      before += i % 3 === 0 ? "b {\n  a=1\n}\n\n" : "b {\n\ta = 1\n}\n\n";
      after += "b {\n\ta = 1\n}\n\n";
    }
    const patch = unifiedDiff("f", before, after, false);
    expect(changedLines(patch)).toBe(2 * 2000);
    expect(applyPatch(before, patch)).toBe(after);
  });
});
