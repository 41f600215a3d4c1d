import { describe, expect, it } from "vitest";
import { parseExpression, toJS } from "../src/index.js";

const valueOf = (text: string) => {
  const { expression, diagnostics } = parseExpression(text);
  expect(diagnostics).toEqual([]);
  return toJS(expression);
};

describe("toJS", () => {
  it("gives the value of literals, arrays and objects of literals", () => {
    expect(valueOf('{ a = 1, "b-c" = [true, null, "x\\ty", `raw\\n`], d = { e = 1.5e3 } }')).toEqual({
      a: 1,
      "b-c": [true, null, "x\ty", "raw\\n"],
      d: { e: 1500 },
    });
    expect(valueOf("[]")).toEqual([]);
    expect(valueOf("-(2)")).toBe(-2);
    expect(valueOf("(((\"s\")))")).toBe("s");
  });

  it("gives undefined for what is not a literal, anywhere inside", () => {
    for (const text of ["a", "sys.env(\"X\")", "1 + 2", "[1, a]", "{ a = b.c }", "!true", "-\"x\"", "x[0]"]) {
      expect(valueOf(text)).toBeUndefined();
    }
    const range = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };
    expect(toJS({ kind: "ArrayExpression", elements: [{ kind: "BadExpression", range }], range })).toBeUndefined();
  });

  it("keeps __proto__ an ordinary key and the last of a repeated key", () => {
    const value = valueOf('{ "__proto__" = 1, a = 1, a = 2 }') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__", "a"]);
    expect(value.a).toBe(2);
  });
});
