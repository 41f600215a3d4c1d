import { describe, expect, it } from "vitest";
import { parse, walk, type Node } from "../src/index.js";

const text = 'a "x" {\n  b = [1, f(2)]\n  c { d = 3 }\n}\ne = 4\n';
const { ast } = parse(text);
const label = (node: Node) => (node.kind === "Block" ? `Block ${node.name}` : node.kind === "Attribute" ? `Attribute ${node.name.name}` : node.kind);

describe("walk with handlers by kind", () => {
  it("calls each kind's handler with the node's ancestors, outermost first", () => {
    const seen: string[] = [];
    walk(ast, {
      Attribute(node, ancestors) {
        seen.push(`${node.name.name} in ${ancestors.map(label).join(" > ")}`);
      },
      NumberLiteral(node, ancestors) {
        seen.push(`${node.value} under ${label(ancestors[ancestors.length - 1])}`);
      },
    });
    expect(seen).toEqual([
      "b in File > Block a",
      "1 under ArrayExpression",
      "2 under CallExpression",
      "d in File > Block a > Block c",
      "3 under Attribute d",
      "e in File",
      "4 under Attribute e",
    ]);
  });

  it("skips a node's children when its handler returns false, and runs enter and leave around them", () => {
    const events: string[] = [];
    walk(ast, {
      enter: (node, parent) => void events.push(`enter ${label(node)}${parent ? ` (${label(parent)})` : ""}`),
      leave: (node) => void events.push(`leave ${label(node)}`),
      Block: {
        enter: (node) => (events.push(`Block.enter ${node.name}`), node.name !== "c"),
        leave: (node) => void events.push(`Block.leave ${node.name}`),
      },
      Attribute: () => false,
    });
    expect(events.filter((e) => !e.includes("Identifier") && !e.includes("BlockLabel"))).toEqual([
      "enter File",
      "enter Block a (File)",
      "Block.enter a",
      "enter Attribute b (Block a)",
      "leave Attribute b",
      "enter Block c (Block a)",
      "Block.enter c",
      "Block.leave c",
      "leave Block c",
      "Block.leave a",
      "leave Block a",
      "enter Attribute e (File)",
      "leave Attribute e",
      "leave File",
    ]);
  });

  it("starts below the file with the parent it is given", () => {
    const block = ast.body[0];
    const parents: string[] = [];
    walk(block, { Block: (_node, ancestors) => void parents.push(ancestors.map(label).join(" > ")) }, ast);
    expect(parents).toEqual(["File", "File > Block a"]);
  });
});
