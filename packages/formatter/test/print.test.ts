import { b, parse, type Node } from "@alloy-toolkit/parser";
import { describe, expect, it } from "vitest";
import { format, print } from "../src/index.js";

/** A node without its ranges and the raw text the parser keeps but builders make up, to compare trees. */
function shape(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shape);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "range" || key === "openBrace" || key === "closeBrace" || key === "keyRange" || key === "operatorRange" || key === "filename") continue;
    out[key] = shape(value);
  }
  return out;
}

const config = b.file([
  b.block("logging", [b.attribute("level", "info")]),
  b.block("discovery.kubernetes", "pods", [b.attribute("role", "pod")]),
  b.block("prometheus.scrape", "pods", [
    b.attribute("targets", b.ref("discovery.kubernetes.pods.targets")),
    b.attribute("forward_to", b.array([b.ref("prometheus.remote_write.default.receiver")])),
    b.attribute("scrape_interval", "30s"),
    b.block("clustering", [b.attribute("enabled", true)]),
  ]),
  b.block("prometheus.remote_write", "default", [
    b.block("endpoint", [
      b.attribute("url", b.call("sys.env", ["MIMIR_URL"])),
      b.attribute("headers", { "X-Scope-OrgID": "team \"a\"", tenant: b.call("coalesce", [b.call("sys.env", ["T"]), "t"]) }),
    ]),
    b.attribute("external_labels", { cluster: "prod", shard: -1, ratio: 0.25, big: 1e21, none: null, list: [1, [2, false]] }),
  ]),
]);

describe("print", () => {
  const text = print(config);

  it("prints what format gives, and parses back to the same tree", () => {
    expect(format(text)).toBe(text);
    const parsed = parse(text);
    expect(parsed.diagnostics).toEqual([]);
    expect(shape(parsed.ast)).toEqual(shape(config));
  });

  it("prints a parsed file's statements as format does", () => {
    const source = 'a   = [1,2]\nb "x" {\n  c = (1 + 2) * 3 ^ 2 ^ 1\n  d = !x.y[0](1) || -2 >= 3\n}\n';
    expect(print(parse(source).ast)).toBe(format(source));
  });

  it("adds the parentheses a built tree's precedence needs", () => {
    const sum: Node = { kind: "BinaryExpression", operator: "+", operatorRange: config.range, left: b.ref("a"), right: b.ref("b"), range: config.range };
    const product = { kind: "BinaryExpression", operator: "*", operatorRange: config.range, left: sum, right: b.number(2), range: config.range } as const;
    expect(print(b.file([b.attribute("v", product)]))).toBe("v = (a + b) * 2\n");
  });

  it("rejects what cannot be built", () => {
    expect(() => b.attribute("not valid", 1)).toThrow(TypeError);
    expect(() => b.number(Number.NaN)).toThrow(TypeError);
  });
});
