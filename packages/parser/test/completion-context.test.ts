import { describe, expect, it } from "vitest";
import { completionContext, parse, type CompletionContext } from "../src/index.js";

/** The context at the `<|>` marker of a fixture. */
function contextAt(fixture: string): CompletionContext {
  const offset = fixture.indexOf("<|>");
  return completionContext(parse(fixture.replace("<|>", "")), offset);
}

const EXPRESSION_STARTS = ["!", "(", "-", "BOOL", "FLOAT", "IDENT", "NULL", "NUMBER", "STRING", "[", "{"];

describe("completionContext", () => {
  it("finds a statement's start at the top level and in a block body, with the blocks around it", () => {
    expect(contextAt("<|>")).toMatchObject({ position: "statement", expected: ["IDENT"], blocks: [] });
    const inBody = contextAt('prometheus.scrape "a" {\n  targets = []\n  <|>\n}\n');
    expect(inBody).toMatchObject({ position: "statement", expected: ["IDENT", "}"], attribute: undefined });
    expect(inBody.blocks.map((b) => b.name)).toEqual(["prometheus.scrape"]);
    const nested = contextAt('loki.write "x" {\n  endpoint {\n    <|>');
    expect(nested.blocks.map((b) => b.name)).toEqual(["loki.write", "endpoint"]);
    expect(nested.position).toBe("statement");
  });

  it("gives the dotted word being typed as the word to replace", () => {
    const context = contextAt("prometheus.remote_wr<|>");
    expect(context.position).toBe("statement");
    expect(context.word).toEqual({ start: 0, end: 20, text: "prometheus.remote_wr" });
    expect(contextAt("x = prometheus.remote_write.<|>").word.text).toBe("prometheus.remote_write.");
  });

  it("tells a block's header from its body", () => {
    expect(contextAt('a "l" <|>')).toMatchObject({ position: "block-header", expected: ["=", "{"] });
    expect(contextAt("a <|>")).toMatchObject({ position: "block-header", expected: [".", "=", "STRING", "{"] });
  });

  it("finds where a value starts, with the attribute it is for", () => {
    expect(contextAt("a = <|>")).toMatchObject({ position: "value", expected: EXPRESSION_STARTS, attribute: "a" });
    expect(contextAt('b "x" {\n  c = [1, <|>]\n}\n')).toMatchObject({
      position: "value",
      expected: [...EXPRESSION_STARTS, "]"].sort(),
      attribute: "c",
    });
    expect(contextAt("x = 1 + <|>").position).toBe("value");
  });

  it("finds what may follow a complete value", () => {
    const context = contextAt("a = 1 <|>");
    expect(context.position).toBe("after-value");
    expect(context.expected).toEqual(expect.arrayContaining(["+", "||", ".", "[", "(", "TERMINATOR"]));
  });

  it("finds object keys and the keys around a value in nested objects", () => {
    expect(contextAt("x = { a = 1, <|> }")).toMatchObject({ position: "object-key", expected: ["IDENT", "STRING", "}"] });
    expect(contextAt("x = {\n  a = {\n    b = <|>\n  }\n}\n")).toMatchObject({ position: "value", attribute: "x", objectKeys: ["a", "b"] });
  });

  it("finds the call and argument the offset is in", () => {
    expect(contextAt("x = f(1, <|>)").call).toEqual({ callee: "f", argument: 1 });
    expect(contextAt("x = sys.env(<|>").call).toEqual({ callee: "sys.env", argument: 0 });
    expect(contextAt("x = f(1) <|>").call).toBeUndefined();
  });

  it("recognizes strings and comments", () => {
    expect(contextAt('x = "ab<|>')).toMatchObject({ position: "string", expected: [], word: { start: 4, text: '"ab' } });
    expect(contextAt('x = "ab<|>"\n').position).toBe("string");
    expect(contextAt('x = "ab"<|>\n').position).toBe("after-value");
    expect(contextAt("// c<|>\n").position).toBe("comment");
    expect(contextAt("/* c <|> */ a = 1\n").position).toBe("comment");
  });

  it("starts from the statement being written, so an error in an earlier statement does not matter", () => {
    expect(contextAt('b {\n  c = [1 2\n  d = <|>\n}\n').position).not.toBe("none");
    expect(contextAt("a = (1\nb = <|>").position).toBe("value");
  });

  it("gives the brackets still open in the statement, outermost first, closed or not", () => {
    expect(contextAt("a = <|>").brackets).toEqual([]);
    expect(contextAt("a = [b, <|>").brackets).toEqual(["["]);
    expect(contextAt("a = [{ k = f(<|>) }]").brackets).toEqual(["[", "{", "("]);
    expect(contextAt("a = [(1), [2], <|>]").brackets).toEqual(["["]);
    expect(contextAt('b "x" {\n  c = [<|>\n}\n').brackets).toEqual(["["]);
  });
});
