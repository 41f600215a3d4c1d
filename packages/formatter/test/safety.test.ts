import { parse } from "@alloy-toolkit/parser";
import { describe, expect, it } from "vitest";
import { format } from "../src/index.js";
import { signature } from "../src/verify.js";

const BASE = `a = 1
b = foo.bar(1, [2, 3], {x = 1, "y" = 2})
c = (1 + 2) * -x[0]
blk "l" {
  d = [
    1,
    2,
  ]
  e = {
    k = "v",
  }
  inner { }
  f = g(
    1,
    2,
  )
}
`;

const COMMENTS = ["// line\n", "/* block */", "\n// own line\n", "/* multi\nline */", "\n\n// after a blank\n\n"];

/** Deterministic pseudo-random numbers, so failures reproduce. */
function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
}

/** Offsets where a comment can go without splitting a token. */
function gaps(text: string): number[] {
  const breaks = /[\s,()[\]{}=.+*-]/;
  const offsets: number[] = [];
  for (let i = 0; i <= text.length; i++) {
    if (breaks.test(text[i - 1] ?? " ") || breaks.test(text[i] ?? " ")) offsets.push(i);
  }
  return offsets;
}

function assertSafe(input: string): void {
  const output = format(input);
  expect(format(output), "idempotent").toBe(output);
  const reparsed = parse(output);
  expect(reparsed.diagnostics).toEqual([]);
  // Same tree, and every comment in the same statement and order.
  expect(signature(reparsed.ast)).toBe(signature(parse(input).ast));
}

describe("format is safe whatever the comment placement", () => {
  it("keeps a line comment between a callee and its arguments from breaking the call", () => {
    assertSafe("b = foo.bar( // why\n1, 2)\n");
    assertSafe("b = foo /* a */ . /* b */ bar /* c */ (1)\n");
    assertSafe("f = g(\n  1,\n  // before close\n)\n");
    assertSafe("x = a /* op */ + // end\n b\n");
  });

  it("holds for comments inserted at random between tokens", () => {
    const next = random(2024);
    const offsets = gaps(BASE);
    let checked = 0;
    for (let iteration = 0; iteration < 1500; iteration++) {
      let text = BASE;
      const picks = Array.from({ length: 1 + next(3) }, () => offsets[next(offsets.length)]).sort((a, b) => b - a);
      for (const offset of picks) {
        text = `${text.slice(0, offset)} ${COMMENTS[next(COMMENTS.length)]} ${text.slice(offset)}`;
      }
      if (parse(text).diagnostics.some((d) => d.severity === "error")) continue;
      assertSafe(text);
      checked++;
    }
    expect(checked).toBeGreaterThan(800);
  });
});
