import { describe, expect, it } from "vitest";
import { parse, parseExpression, reparse, sourceOf, walk, type Node } from "../src/index.js";

describe("parseExpression", () => {
  it("parses one expression with its ranges and comments", () => {
    const text = 'concat(["a"], /* more */ [sys.env("B")])';
    const { expression, comments, diagnostics } = parseExpression(text);
    expect(diagnostics).toEqual([]);
    expect(expression.kind).toBe("CallExpression");
    expect(sourceOf(text, expression)).toBe(text);
    expect(comments.map((c) => c.text)).toEqual(["/* more */"]);
  });

  it("gives the tree parse gives for the same expression as an attribute's value", () => {
    const text = '1 + 2 * -x.y[0] || !{ a = "b" }.a';
    const { expression } = parseExpression(text);
    const attribute = parse(`v = ${text}`).ast.body[0];
    const shifted = parse(`v = ${text}`, { start: { offset: -4, line: 1, column: -3 } }).ast.body[0];
    expect(attribute.kind === "Attribute" && shifted.kind === "Attribute").toBe(true);
    if (attribute.kind === "Attribute" && shifted.kind === "Attribute") {
      expect(expression.kind).toBe(attribute.value.kind);
      expect(expression).toEqual(shifted.value);
    }
  });

  it("reports what Alloy's ParseExpression reports: text left over, or no expression", () => {
    expect(parseExpression("1 2").diagnostics.map((d) => [d.message, d.range.start.column])).toEqual([["expected TERMINATOR, got NUMBER", 3]]);
    expect(parseExpression("").diagnostics.map((d) => d.message)).toEqual(["expected expression, got EOF"]);
    expect(parseExpression('"open').diagnostics[0].code).toBe("parse/unterminated-string");
    expect(parseExpression("a.b\n").diagnostics).toEqual([]);
  });
});

describe("the start option", () => {
  const text = 'a = 1\nb "x" {\n  c = [1, 2] // two\n}\nd = )\n';
  const start = { offset: 100, line: 11, column: 5 };

  function positions(node: Node): string[] {
    const out: string[] = [];
    walk(node, { enter: (n) => void out.push(`${n.kind} ${n.range.start.offset}:${n.range.start.line}:${n.range.start.column}-${n.range.end.offset}:${n.range.end.line}:${n.range.end.column}`) });
    return out;
  }

  it("shifts every range of nodes, comments and diagnostics to the host file's positions", () => {
    const plain = parse(text);
    const embedded = parse(text, { start });
    const shift = (p: { offset: number; line: number; column: number }) =>
      `${p.offset + 100}:${p.line + 10}:${p.line === 1 ? p.column + 4 : p.column}`;
    const expected = positions(plain.ast).map((line) =>
      line.replace(/(\d+):(\d+):(\d+)-(\d+):(\d+):(\d+)$/, (_, o1, l1, c1, o2, l2, c2) => `${shift({ offset: +o1, line: +l1, column: +c1 })}-${shift({ offset: +o2, line: +l2, column: +c2 })}`),
    );
    expect(positions(embedded.ast)).toEqual(expected);
    expect(embedded.ast.body[0].range.start).toEqual(start);
    const block = embedded.ast.body[1];
    expect(block.kind === "Block" && block.openBrace.start).toEqual({ offset: 112, line: 12, column: 7 });
    expect(embedded.ast.comments[0].range.start).toEqual({ offset: 127, line: 13, column: 14 });
    expect(embedded.diagnostics.map((d) => d.range.start)).toEqual([{ offset: 140, line: 15, column: 5 }]);
  });

  it("leaves a host text's slice at the node's offsets", () => {
    const host = "x".repeat(100) + text;
    const { ast } = parse(text, { start: { offset: 100, line: 1, column: 101 } });
    expect(sourceOf(host, ast.body[1])).toBe('b "x" {\n  c = [1, 2] // two\n}');
  });

  it("shifts the expression of parseExpression", () => {
    const { expression } = parseExpression("[1]", { start: { offset: 10, line: 2, column: 3 } });
    expect(expression.range).toEqual({ start: { offset: 10, line: 2, column: 3 }, end: { offset: 13, line: 2, column: 6 } });
  });

  it("is kept by reparse, which parses an embedded text again in full", () => {
    const previous = parse(text, { start });
    const edited = text.replace("1, 2", "1, 2, 3");
    expect(reparse(previous, edited, { start })).toEqual(parse(edited, { start }));
  });
});
