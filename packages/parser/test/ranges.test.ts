import { deepStrictEqual } from "node:assert";
import { inspect } from "node:util";
import { MessageChannel } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { parse, reparse, walk, type Node, type Range } from "../src/index.js";

const text = 'prometheus.scrape "pods" {\n  targets    = discovery.kubernetes.pods.targets\n  forward_to = [prometheus.remote_write.default.receiver] // here\n}\n';

function allRanges(node: Node): Range[] {
  const ranges: Range[] = [];
  walk(node, {
    enter(n) {
      ranges.push(n.range);
      if (n.kind === "Block") ranges.push(n.openBrace, n.closeBrace);
      if (n.kind === "ObjectField") ranges.push(n.keyRange);
      if (n.kind === "BinaryExpression") ranges.push(n.operatorRange);
    },
  });
  return ranges;
}

describe("ranges are plain data", () => {
  const { ast, diagnostics } = parse(text);

  it("keeps start and end through structuredClone, spread and JSON", () => {
    const range = ast.body[0].range;
    expect(structuredClone(range)).toEqual({ start: { offset: 0, line: 1, column: 1 }, end: { offset: text.length - 1, line: 4, column: 2 } });
    expect({ ...range }).toEqual(structuredClone(range));
    expect(JSON.parse(JSON.stringify(range))).toEqual(structuredClone(range));
    expect(Object.keys(range)).toEqual(["start", "end"]);
  });

  it("compares equal to a clone of the whole tree with deepStrictEqual", () => {
    deepStrictEqual(structuredClone(ast), ast);
    deepStrictEqual(structuredClone(diagnostics), diagnostics);
  });

  it("crosses postMessage whole", async () => {
    const { port1, port2 } = new MessageChannel();
    const received = new Promise<unknown>((resolve) => port2.once("message", resolve));
    port1.postMessage(ast);
    const copy = await received;
    port1.close();
    port2.close();
    deepStrictEqual(copy, ast);
  });

  it("prints as positions, not the source text", () => {
    const printed = inspect(ast.body[0].range, { depth: 5 });
    expect(printed).toContain("line: 4");
    expect(printed).not.toContain("prometheus");
  });

  it("are made only of objects and numbers, for every node and comment", () => {
    for (const range of [...allRanges(ast), ...ast.comments.map((c) => c.range)]) {
      for (const position of [range.start, range.end]) {
        expect(Object.getPrototypeOf(position)).toBe(Object.prototype);
        expect(Object.keys(position)).toEqual(["offset", "line", "column"]);
      }
      expect(Object.getPrototypeOf(range)).toBe(Object.prototype);
    }
  });

  it("stay plain data in the statements reparse moves", () => {
    const previous = parse(`a = 1\n${text}`);
    const result = reparse(previous, `a = [1, 2]\n\n${text}`);
    deepStrictEqual(structuredClone(result.ast), parse(`a = [1, 2]\n\n${text}`).ast);
  });
});
