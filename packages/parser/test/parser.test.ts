import { describe, expect, it } from "vitest";
import {
  isAttribute,
  isBlock,
  parse,
  sourceOf,
  walk,
  type Attribute,
  type Block,
  type Expression,
  type Node,
} from "../src/index.js";

function parseOk(text: string) {
  const result = parse(text);
  expect(result.diagnostics.map((d) => d.message)).toEqual([]);
  return result.ast;
}

/** The value expression of `x = <source>`. */
function expr(source: string): Expression {
  const ast = parseOk(`x = ${source}\n`);
  return (ast.body[0] as Attribute).value;
}

/** A compact S-expression of an expression tree, to check shape, precedence and associativity. */
function shape(e: Expression): string {
  switch (e.kind) {
    case "BinaryExpression":
      return `(${shape(e.left)} ${e.operator} ${shape(e.right)})`;
    case "UnaryExpression":
      return `(${e.operator}${shape(e.operand)})`;
    case "Identifier":
      return e.name;
    case "NumberLiteral":
      return e.raw;
    case "StringLiteral":
      return JSON.stringify(e.value);
    case "BoolLiteral":
      return String(e.value);
    case "NullLiteral":
      return "null";
    case "AccessExpression":
      return `${shape(e.object)}.${e.property.name}`;
    case "IndexExpression":
      return `${shape(e.object)}[${shape(e.index)}]`;
    case "CallExpression":
      return `${shape(e.callee)}(${e.args.map(shape).join(", ")})`;
    case "ParenExpression":
      return `<${shape(e.expression)}>`;
    case "ArrayExpression":
      return `[${e.elements.map(shape).join(", ")}]`;
    case "ObjectExpression":
      return `{${e.fields.map((f) => `${f.quoted ? JSON.stringify(f.key) : f.key}=${shape(f.value)}`).join(", ")}}`;
    case "BadExpression":
      return "<bad>";
  }
}

describe("statements", () => {
  it("parses attributes, blocks with dotted names and labels, nested and empty blocks", () => {
    const ast = parseOk(
      'log_level = "debug"\nprometheus.remote_write "default" {\n  endpoint {\n    url = "http://x"\n  }\n}\nempty {}\n',
    );
    expect(ast.body.map((s) => s.kind)).toEqual(["Attribute", "Block", "Block"]);
    const block = ast.body[1] as Block;
    expect(block.name).toBe("prometheus.remote_write");
    expect(block.nameParts.map((p) => p.name)).toEqual(["prometheus", "remote_write"]);
    expect(block.label?.value).toBe("default");
    expect(block.label?.raw).toBe('"default"');
    const endpoint = block.body[0] as Block;
    expect(endpoint.name).toBe("endpoint");
    expect(endpoint.label).toBeUndefined();
    expect((endpoint.body[0] as Attribute).name.name).toBe("url");
    expect((ast.body[2] as Block).body).toEqual([]);
  });

  it("accepts identifiers with Unicode letters and digits", () => {
    const ast = parseOk('größe_1 = 1\nblock "λabel٣" { }\n');
    expect((ast.body[0] as Attribute).name.name).toBe("größe_1");
    expect((ast.body[1] as Block).label?.value).toBe("λabel٣");
  });

  it("accepts a leading BOM and CRLF line endings", () => {
    const ast = parseOk('\uFEFFa = 1\r\nb {\r\n  c = "x"\r\n}\r\n');
    expect(ast.body.map((s) => s.kind)).toEqual(["Attribute", "Block"]);
    const b = ast.body[1] as Block;
    expect(b.range.start).toMatchObject({ line: 2, column: 1 });
    expect(b.body[0].range.start).toMatchObject({ line: 3, column: 3 });
  });

  it("parses an empty file and a file of only comments", () => {
    expect(parseOk("").body).toEqual([]);
    const ast = parseOk("// one\n/* two\n three */\n");
    expect(ast.comments.map((c) => [c.style, c.text])).toEqual([
      ["line", "// one"],
      ["block", "/* two\n three */"],
    ]);
  });
});

describe("literals", () => {
  it("reads integers and floats in every documented form", () => {
    for (const [source, value, isFloat] of [
      ["42", 42, false],
      ["1.5", 1.5, true],
      [".5", 0.5, true],
      ["1e10", 1e10, true],
      ["1.5e-3", 1.5e-3, true],
      ["2E+2", 200, true],
    ] as const) {
      const e = expr(source);
      expect(e).toMatchObject({ kind: "NumberLiteral", value, raw: source, isFloat });
    }
  });

  it("decodes Go-style string escapes", () => {
    const e = expr(String.raw`"\n\t\\\"\x41\101\u00e9\U0001F600\a\b\f\r\v\xc3\xa9"`);
    expect(e).toMatchObject({ kind: "StringLiteral", value: "\n\t\\\"AAé😀\x07\b\f\r\vé", isRaw: false });
  });

  it("keeps raw strings exactly, across lines", () => {
    const e = expr("`line one\n  \\n two \"q\"`");
    expect(e).toMatchObject({ kind: "StringLiteral", value: 'line one\n  \\n two "q"', isRaw: true });
    expect(e.range.end).toMatchObject({ line: 2, column: 14 });
  });

  it("reads true, false and null", () => {
    expect(shape(expr("[true, false, null]"))).toBe("[true, false, null]");
  });

  it("reads arrays and objects with identifier and string keys, with trailing commas over lines", () => {
    expect(shape(expr('[\n  1,\n  2,\n]'))).toBe("[1, 2]");
    expect(shape(expr('{ a = 1, "b c" = [], }'))).toBe('{a=1, "b c"=[]}');
    expect(shape(expr("{\n  a = 1,\n  b = {},\n}"))).toBe("{a=1, b={}}");
    expect(shape(expr("[]"))).toBe("[]");
    expect(shape(expr("{}"))).toBe("{}");
  });
});

describe("expressions", () => {
  it("follows Alloy's precedence, lowest first: || && comparisons + - * / % ^", () => {
    expect(shape(expr("a || b && c == d + e * f ^ g"))).toBe("(a || (b && (c == (d + (e * (f ^ g))))))");
    expect(shape(expr("a * b + c > d && e || f"))).toBe("((((a * b) + c) > d) && e) || f)".replace(/^/, "("));
  });

  it("is left-associative except for ^, which is right-associative", () => {
    expect(shape(expr("a - b - c"))).toBe("((a - b) - c)");
    expect(shape(expr("a / b % c"))).toBe("((a / b) % c)");
    expect(shape(expr("a ^ b ^ c"))).toBe("(a ^ (b ^ c))");
  });

  it("binds unary operators tighter than binary ones, ^ excepted", () => {
    expect(shape(expr("!a && -b"))).toBe("((!a) && (-b))");
    expect(shape(expr("- - a"))).toBe("(-(-a))");
    expect(shape(expr("-a ^ b"))).toBe("((-a) ^ b)");
  });

  it("parses member access, index and calls in chains", () => {
    expect(shape(expr("prometheus.remote_write.default.receiver"))).toBe("prometheus.remote_write.default.receiver");
    expect(shape(expr('a.b[0]["k"].c(1, "x")(2)'))).toBe('a.b[0]["k"].c(1, "x")(2)');
    expect(shape(expr('sys.env("HOME")'))).toBe('sys.env("HOME")');
    expect(shape(expr("f()"))).toBe("f()");
  });

  it("keeps parentheses", () => {
    expect(shape(expr("(a + b) * c"))).toBe("(<(a + b)> * c)");
  });

  it("continues an expression across a newline after an operator or inside brackets", () => {
    expect(shape(expr("a +\n  b"))).toBe("(a + b)");
    expect(shape(expr("f(\n  1,\n  2,\n)"))).toBe("f(1, 2)");
  });
});

describe("ranges", () => {
  it("gives every node its exact source span, name parts and label their own", () => {
    const text = 'foo.bar "lbl" {\n  attr = [1, a.b]\n}\n';
    const result = parse(text);
    const block = result.ast.body[0] as Block;
    expect(sourceOf(text, block)).toBe('foo.bar "lbl" {\n  attr = [1, a.b]\n}');
    expect(block.nameParts.map((p) => sourceOf(text, p))).toEqual(["foo", "bar"]);
    expect(sourceOf(text, block.label!)).toBe('"lbl"');
    expect(block.label!.range.start).toEqual({ offset: 8, line: 1, column: 9 });
    expect(block.openBrace.start).toMatchObject({ line: 1, column: 15 });
    expect(block.closeBrace.start).toMatchObject({ line: 3, column: 1 });
    const attr = block.body[0] as Attribute;
    expect(sourceOf(text, attr)).toBe("attr = [1, a.b]");
    const seen: string[] = [];
    walk(attr.value, { enter: (n: Node) => void seen.push(`${n.kind}:${sourceOf(text, n)}`) });
    expect(seen).toEqual([
      "ArrayExpression:[1, a.b]",
      "NumberLiteral:1",
      "AccessExpression:a.b",
      "Identifier:a",
      "Identifier:b",
    ]);
  });

  it("records comments with their ranges, wherever they are", () => {
    const text = "a = 1 // trailing\n/* lead */ b = [ /* inner */ 2 ]\n";
    const result = parse(text);
    expect(result.diagnostics).toEqual([]);
    expect(result.ast.comments.map((c) => [c.text, c.range.start.line, c.range.start.column])).toEqual([
      ["// trailing", 1, 7],
      ["/* lead */", 2, 1],
      ["/* inner */", 2, 18],
    ]);
  });

  it("counts Alloy's byte columns separately from UTF-16 columns", () => {
    const text = 'x = "é€😀" + )\n';
    const result = parse(text);
    const d = result.diagnostics[0];
    expect(d.message).toBe("expected expression, got )");
    expect(d.range.start.column).toBe(14);
    expect(result.lineIndex.byteColumn(d.range.start)).toBe(19);
  });

  it("finds an offset's line from any line nearby as a plain search does (lineAtNear)", () => {
    const text = Array.from({ length: 40 }, (_, i) => "x".repeat(i % 7) + "\n").join("") + "last";
    const { lineIndex } = parse(text);
    for (let offset = -1; offset <= text.length + 1; offset++) {
      for (const near of [-3, 0, 1, 5, 17, 39, 40, 41, 99]) expect([offset, near, lineIndex.lineAtNear(offset, near)]).toEqual([offset, near, lineIndex.lineAt(offset)]);
    }
  });

  it("numbers lines from 1 in every part of LineIndex's API", () => {
    const { lineIndex } = parse("a = 1\nb = 2\r\n\nc = 3");
    const c = lineIndex.text.indexOf("c");
    expect(lineIndex.lineAt(0)).toBe(1);
    expect(lineIndex.lineAt(c)).toBe(4);
    expect(lineIndex.lineCount).toBe(4);
    expect(lineIndex.lineStart(4)).toBe(c);
    expect(lineIndex.lineStart(1)).toBe(0);
    expect(lineIndex.positionAt(c)).toEqual({ offset: c, line: 4, column: 1 });
    expect(lineIndex.offsetAt(4, 1)).toBe(c);
    expect(lineIndex.lineText(2)).toBe("b = 2");
    expect(lineIndex.lineText(lineIndex.lineAt(c))).toBe("c = 3");
  });
});

describe("errors", () => {
  const messages = (text: string) =>
    parse(text).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column}: ${d.message}`);

  it("uses Alloy's wording", () => {
    expect(messages('block bad_label {\n}\n')).toEqual(["1:7: expected block label, got IDENT"]);
    expect(messages('block "with space" {\n}\n')).toEqual([
      '1:7: expected block label to be a valid identifier, but got "with space"',
    ]);
    expect(messages("x = [\n  1,\n  2\n]\n")).toEqual(["3:4: missing ',' in expression list"]);
    expect(messages("x = {\n  a = 1\n}\n")).toEqual(["2:8: missing ',' in field list"]);
    expect(messages('x = "abc\n')).toEqual(["1:5: string literal not terminated"]);
    // Alloy scans a single-quoted string as an ILLEGAL token, so an expression is still missing.
    expect(messages("x = 'a'\n")).toEqual([
      "1:5: illegal single-quoted string; use double quotes",
      "1:5: expected expression, got ILLEGAL",
    ]);
    // Go's escapes, except `\'`: Alloy's scanner does not take it.
    expect(messages(`x = "\\'"\n`)).toEqual(["1:7: unknown escape sequence"]);
    expect(messages("x = 1 : 2\n")).toEqual(["1:7: illegal character U+003A ':'", "1:7: expected TERMINATOR, got ILLEGAL"]);
    expect(messages("a.b = 1\n")).toEqual(['1:1: attribute names may only consist of a single identifier with no "."']);
    expect(messages('a "l" = 1\n')).toEqual(["1:3: attribute names may not have labels"]);
    expect(messages("x = 1 + + 2\n")).toEqual(["1:9: expected expression, got +"]);
    expect(messages('x = "\\q"\n')).toEqual(["1:7: unknown escape sequence"]);
    expect(messages("/* open\n")).toEqual(["1:1: block comment not terminated"]);
    expect(messages('rw = a.b "x" {\n  y = 1\n}\n')).toEqual(["1:6: cannot use a block as an expression"]);
  });

  it("rejects the block labels true, false and null, which are not identifiers to Alloy", () => {
    for (const keyword of ["true", "false", "null"]) {
      expect(messages(`block "${keyword}" {}\n`)).toEqual([`1:7: expected block label to be a valid identifier, but got "${keyword}"`]);
    }
    expect(messages('block "nulls" {}\n')).toEqual([]);
    // Found by the fuzz against Alloy: Alloy cuts an unterminated label's last byte, not its last character.
    const alloyErrors = (text: string) => {
      const result = parse(text);
      return result.diagnostics.map((d) => `${d.range.start.line}:${result.lineIndex.byteColumn(d.range.start)}: ${d.message}`);
    };
    expect(alloyErrors('discovery.http "dynamé')).toEqual([
      "1:16: string literal not terminated",
      '1:16: expected block label to be a valid identifier, but got "dynam\\xc3"',
    ]);
  });

  it("never throws and keeps parsing after an error, for an editor", () => {
    const text = 'a = [1 2]\nprometheus.scrape "x" {\n  targets = [\n  forward_to = [b.c]\n}\nlast = true\n';
    const result = parse(text);
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.ast.body.filter(isBlock).map((b) => b.name)).toEqual(["prometheus.scrape"]);
    expect(result.ast.body.filter(isAttribute).map((a) => a.name.name)).toContain("a");
  });

  it("keeps a block whose closing brace is missing", () => {
    const result = parse('outer {\n  inner "x" {\n    a = 1\n');
    expect(result.diagnostics.map((d) => d.message)).toEqual(["expected }, got EOF"]);
    const outer = result.ast.body[0] as Block;
    const inner = outer.body[0] as Block;
    expect(inner.label?.value).toBe("x");
    expect((inner.body[0] as Attribute).name.name).toBe("a");
  });
});

describe("limits", () => {
  it("parses a 10 MB string, a 1 MB line and 100k comments", () => {
    const big = "x".repeat(10 * 1024 * 1024);
    const s = expr(`"${big}"`);
    expect(s.kind === "StringLiteral" && s.value.length).toBe(big.length);
    const line = `x = [${Array.from({ length: 200_000 }, (_, i) => i).join(",")}]\n`;
    expect(line.length).toBeGreaterThan(1024 * 1024);
    expect(parse(line).diagnostics).toEqual([]);
    const comments = "// c\n".repeat(50_000) + "/* c */ a = 1 /* d */\n".repeat(25_000);
    const result = parse(comments);
    expect(result.ast.comments.length).toBe(100_000);
  });
});
