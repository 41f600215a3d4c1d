import type { IGrammar } from "vscode-textmate";
import { beforeAll, describe, expect, it } from "vitest";
import { loadAlloyGrammar, tokenize } from "../scripts/textmate.mjs";

let grammar: IGrammar;
beforeAll(async () => {
  grammar = await loadAlloyGrammar();
});

/**
 * The scopes of the text marked `«like this»` in `source` (markers removed before
 * tokenising). Fails unless exactly one token covers the marked text.
 */
function scopesOfMarked(source: string): string[] {
  const start = source.indexOf("«");
  const end = source.indexOf("»") - 1;
  const text = source.replace("«", "").replace("»", "");
  const line = text.slice(0, start).split("\n").length;
  const column = start - (text.lastIndexOf("\n", start - 1) + 1);
  const token = tokenize(grammar, text).find((candidate) => candidate.line === line && candidate.start === column);
  expect(token?.text, `a token starting at the marker in ${JSON.stringify(source)}`).toBe(text.slice(start, end));
  return token!.scopes;
}

/** Each case: marked source, then the innermost scope the marked token must carry. */
const cases: [string, string][] = [
  // Block headers: namespace segments, component name, label.
  ['«prometheus».scrape "default" {\n}', "entity.name.type.namespace.alloy"],
  ['prometheus.«scrape» "default" {\n}', "entity.name.type.alloy"],
  ['prometheus.scrape "«default»" {\n}', "string.quoted.double.label.alloy"],
  ["«logging» {\n}", "entity.name.type.alloy"],
  ['a "b" {\n  «endpoint» {\n  }\n}', "entity.name.type.alloy"],
  // Attributes only at statement start, and only before a single `=`.
  ["«level» = 1", "variable.other.property.alloy"],
  ["a {\n  «level» = 1\n}", "variable.other.property.alloy"],
  ["a = «b» == c", "variable.other.alloy"],
  ["a = b «==» c", "keyword.operator.comparison.alloy"],
  ["a = b «!=» c", "keyword.operator.comparison.alloy"],
  // Block body vs object literal.
  ["a = {\n  «key» = 1,\n}", "variable.other.property.alloy"],
  ['a = { "«quoted.key»" = 1 }', "variable.other.property.alloy"],
  ["a = { b = «{» c = 1 } }", "punctuation.section.object.begin.alloy"],
  ["a «{» b = 1 }", "punctuation.section.block.begin.alloy"],
  // References and calls.
  ["x = [prometheus.remote_write.default.«receiver»]", "variable.other.member.alloy"],
  ["x = [«prometheus».remote_write.default.receiver]", "variable.other.alloy"],
  ['x = sys.«env»("HOME")', "support.function.alloy"],
  ['x = «sys».env("HOME")', "entity.name.namespace.alloy"],
  ['x = «env»("HOME")', "support.function.alloy"],
  ["x = encoding.«from_json»(y)", "support.function.alloy"],
  ["x = my.component.«transform»(y)", "entity.name.function.alloy"],
  ["x = constants.«hostname»", "support.constant.alloy"],
  ["x = «mystery»()", "entity.name.function.alloy"],
  // Literals.
  ["x = «1.5e-3»", "constant.numeric.float.alloy"],
  ["x = «.5»", "constant.numeric.float.alloy"],
  ["x = «42»", "constant.numeric.integer.alloy"],
  ["x = «true»", "constant.language.boolean.alloy"],
  ["x = «null»", "constant.language.null.alloy"],
  ["x = «nullable»", "variable.other.alloy"],
  ['x = "a«\\u00e9»"', "constant.character.escape.alloy"],
  ['x = "a«\\U0001F600»"', "constant.character.escape.alloy"],
  ['x = "a«\\q»"', "invalid.illegal.unknown-escape.alloy"],
  ["x = `«a \\n b»`", "string.quoted.other.raw.alloy"],
  // Comments and strings do not leak into each other.
  ['x = "«http://a//b»"', "string.quoted.double.alloy"],
  ['x = "/* no */" «+» 1', "keyword.operator.arithmetic.alloy"],
  ["/* a\n«b = 1»\n*/", "comment.block.alloy"],
  ["/* a /* b */ «c» = 1", "variable.other.property.alloy"],
  ["x = `\n«// raw»\n`", "string.quoted.other.raw.alloy"],
];

describe("scopes of tricky constructs", () => {
  it.each(cases)("%j → %s", (source, scope) => {
    expect(scopesOfMarked(source).at(-1)).toBe(scope);
  });
});
