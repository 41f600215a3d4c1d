import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Node } from "@alloy-toolkit/parser";
import { childrenOf, goQuote, parse } from "@alloy-toolkit/parser";
import { describe, expect, it } from "vitest";
import { corpusSources, loadCorpus } from "../../../test/support/corpus.js";
import { describeShared } from "../../../test/support/shared.js";
import { format } from "../src/index.js";
import { signature } from "../src/verify.js";
import { corpusDeviations } from "../scripts/fuzz-cases.mjs";
import { commentTexts, shapeOf } from "./ast-shape.js";

/** Our output with raw-string object keys re-quoted the way Alloy's printer does: the only deviation. */
function requoteRawKeys(output: string): string {
  const { ast } = parse(output);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: Node): void => {
    if (node.kind === "ObjectField" && node.quoted && node.keyRaw.startsWith("`")) {
      edits.push({ start: node.keyRange.start.offset, end: node.keyRange.end.offset, text: goQuote(node.key) });
    }
    for (const child of childrenOf(node)) visit(child);
  };
  visit(ast);
  let result = output;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

function stringLiterals(text: string): string[] {
  const literals: string[] = [];
  const visit = (node: Node): void => {
    if (node.kind === "StringLiteral") literals.push(node.raw);
    if (node.kind === "ObjectField" && node.quoted) literals.push(node.keyRaw);
    if (node.kind === "BlockLabel") literals.push(node.raw);
    for (const child of childrenOf(node)) visit(child);
  };
  visit(parse(text).ast);
  return literals;
}

describeShared("corpus", "formatter conformance with alloy fmt over ../shared/corpus", (corpusRoot) => {
  const deviations = corpusDeviations(corpusRoot);
  const cases = loadCorpus(corpusRoot).filter((c) => c.expect !== undefined);

  it("finds the parsing inputs and the deviation list", () => {
    expect(cases.length).toBeGreaterThan(1700);
    expect(deviations.size).toBe(2);
  });

  for (const source of corpusSources(corpusRoot)) {
    const inSource = cases.filter((c) => c.source === source);
    if (inSource.length === 0) continue;
    describe(source, () => {
      it.each(inSource.map((c) => [c.name, c] as const))("%s", (_, c) => {
        const output = format(c.text);
        const key = `${c.source}/${c.name}`;
        if (deviations.has(key)) {
          // Identical but for the string literals, which stay exactly as written.
          expect(requoteRawKeys(output)).toBe(c.expect);
          expect(stringLiterals(output)).toEqual(stringLiterals(c.text));
        } else {
          expect(output).toBe(c.expect);
        }
        expect(format(output)).toBe(output);
        const before = parse(c.text);
        const after = parse(output);
        expect(after.diagnostics).toEqual([]);
        expect(shapeOf(after.ast)).toEqual(shapeOf(before.ast));
        expect(commentTexts(after)).toEqual(commentTexts(before));
      });
    });
  }

  it("keeps Alloy's outputs as they are (every .expect is a fixpoint)", () => {
    const moved = cases.filter((c) => !deviations.has(`${c.source}/${c.name}`) && format(c.expect!) !== c.expect);
    expect(moved.map((c) => `${c.source}/${c.name}`)).toEqual([]);
  });

  it("is idempotent and preserves the tree on inputs with perturbed whitespace", () => {
    let seed = 5;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const failures: string[] = [];
    let checked = 0;
    for (const c of cases) {
      let text = "";
      for (const char of c.text) {
        if ((char === " " || char === "\t") && next(10) === 0) text += ["", "\n", "  ", "\n\n\n"][next(4)];
        else if (char === "\n" && next(12) === 0) text += ["\n\n", " ", "\n\n\n\n"][next(3)];
        else text += char;
      }
      const parsed = parse(text);
      if (parsed.diagnostics.some((d) => d.severity === "error")) continue;
      checked++;
      const output = format(text);
      if (format(output) !== output || signature(parse(output).ast) !== signature(parsed.ast)) {
        failures.push(`${c.source}/${c.name}`);
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  });

  it("formats bench/large.alloy to its expected output", () => {
    const input = readFileSync(join(corpusRoot, "bench", "large.alloy"), "utf8");
    const expected = readFileSync(join(corpusRoot, "bench", "large.expect"), "utf8");
    expect(format(input)).toBe(expected);
  });
});
