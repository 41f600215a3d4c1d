import { describe, expect, it } from "vitest";
import { attributeNamed, blockNamed, parse, statementCuts, tokenAt, tokensIn, traversalParts, type Attribute, type Block } from "../src/index.js";

const texts = (source: string, spans: readonly { start: number; end: number }[]) => spans.map((s) => source.slice(s.start, s.end));

describe("statementCuts", () => {
  it("cuts top-level statements where Alloy's scanner ends them", () => {
    const source = 'a = 1\nb = [\n  1,\n\n  2,\n]\n// note\nc "x" {\n  d = "}"\n}\ne = 1 +\n  2 // tail\n';
    const cuts = statementCuts(source)!;
    expect(texts(source, cuts.statements)).toEqual(["a = 1", "b = [\n  1,\n\n  2,\n]", 'c "x" {\n  d = "}"\n}', "e = 1 +\n  2"]);
    expect(texts(source, cuts.comments)).toEqual(["// note", "// tail"]);
  });

  it("reads strings and comments: brackets in them do not count", () => {
    const source = 'a = "{ [ ("\nb = `\n}\n`\n/* ) */ c = 1\n';
    expect(texts(source, statementCuts(source)!.statements)).toEqual(['a = "{ [ ("', "b = `\n}\n`", "c = 1"]);
  });

  it("gives up on text that does not scan or closes what it never opened", () => {
    expect(statementCuts('a = "open\n')).toBeUndefined();
    expect(statementCuts("a = 1 /* open\n")).toBeUndefined();
    expect(statementCuts("a = 1 }\n")).toBeUndefined();
    expect(statementCuts("a = 'x'\n")).toBeUndefined();
  });
});

describe("tokensIn and tokenAt", () => {
  it("lists the tokens and comments of a span, with open strings marked", () => {
    const tokens = tokensIn('x = sys.env("A") // c\ny = "op');
    expect(tokens.map((t) => [t.kind, t.text])).toEqual([
      ["identifier", "x"],
      ["punctuation", "="],
      ["identifier", "sys"],
      ["punctuation", "."],
      ["identifier", "env"],
      ["punctuation", "("],
      ["string", '"A"'],
      ["punctuation", ")"],
      ["comment", "// c"],
      ["identifier", "y"],
      ["punctuation", "="],
      ["string", '"op'],
    ]);
    expect(tokens[tokens.length - 1].closed).toBe(false);
    expect(tokens[6].closed).toBe(true);
  });

  it("finds the token under an offset, or the one ending there, scanning only the statement around it", () => {
    const source = 'a = 1\n\nb "l" {\n  c = "text" // note\n}\n';
    const { ast } = parse(source);
    const at = (needle: string, delta = 0) => tokenAt(ast, source, source.indexOf(needle) + delta);
    expect(at('"text"', 2)).toMatchObject({ kind: "string", text: '"text"' });
    expect(at("c =", 1)).toMatchObject({ kind: "identifier", text: "c" });
    expect(at("note", 2)).toMatchObject({ kind: "comment", text: "// note" });
    expect(at("\n\nb", 1)).toBeUndefined();
    expect(at('"l"', 0)).toMatchObject({ kind: "string", text: '"l"' });
  });
});

describe("AST helpers", () => {
  it("finds attributes and blocks by name and the parts of a traversal", () => {
    const { ast } = parse('c "x" {\n  a = b.c.d\n  e = f(1)\n  inner { }\n}\n');
    const block = ast.body[0] as Block;
    expect(attributeNamed(block, "a")?.name.name).toBe("a");
    expect(attributeNamed(block, "z")).toBeUndefined();
    expect(blockNamed(block, "inner")?.name).toBe("inner");
    expect(traversalParts((attributeNamed(block, "a") as Attribute).value)?.map((p) => p.name)).toEqual(["b", "c", "d"]);
    expect(traversalParts((attributeNamed(block, "e") as Attribute).value)).toBeUndefined();
  });
});
