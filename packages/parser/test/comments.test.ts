import { describe, expect, it } from "vitest";
import { attachComments, parse, type Node } from "../src/index.js";

const text = `// file header
// scrape the pods
prometheus.scrape "pods" { // the header line
  // where from
  targets = [
    "a", // first
    // before b
    "b",
    // after the last
  ]
  forward_to = [] /* inline */
}

empty "x" {
  // nothing here
}
a = 1 // trailing a
`;

describe("attachComments", () => {
  const { ast } = parse(text);
  const attached = attachComments(ast);
  const describeNode = (node: Node) => (node.kind === "Block" ? `Block ${node.name}` : node.kind === "Attribute" ? `Attribute ${node.name.name}` : node.kind === "StringLiteral" ? node.raw : node.kind);
  const table = () =>
    [...attached].map(([node, c]) => [describeNode(node), c.leading.map((x) => x.text), c.trailing.map((x) => x.text), c.dangling.map((x) => x.text)]);

  it("attaches every comment once: leading above, trailing at a line's end, dangling in empty bodies", () => {
    expect(table()).toEqual([
      ["Block prometheus.scrape", ["// file header", "// scrape the pods"], [], []],
      ["Attribute targets", ["// the header line", "// where from"], [], []],
      ['"a"', [], ["// first"], []],
      ['"b"', ["// before b"], ["// after the last"], []],
      ["Attribute forward_to", [], ["/* inline */"], []],
      ["Block empty", [], [], ["// nothing here"]],
      ["Attribute a", [], ["// trailing a"], []],
    ]);
    const all = [...attached.values()].flatMap((c) => [...c.leading, ...c.trailing, ...c.dangling]);
    expect(all.length).toBe(ast.comments.length);
  });

  it("leaves nodes without comments out", () => {
    expect(attached.has(ast)).toBe(false);
  });
});
