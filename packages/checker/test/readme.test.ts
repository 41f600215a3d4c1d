import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { rules } from "../src/index.js";

/** The README's rule table, as generated from the registry; each row has an anchor (the language server links to it). */
export function ruleTable(): string {
  const rows = rules.map(
    (r) => `| <a id="${r.id.replace("/", "-")}"></a>\`${r.id}\` | ${r.severity} | ${r.alloy ? "yes" : "no"} | ${r.description.replace(/\|/g, "\\|")} |`,
  );
  return ["| id | severity | alloy validate | description |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

it("README rule table matches the registry", () => {
  const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
  const match = /<!-- rules:begin[^\n]*-->\n([\s\S]*?)\n<!-- rules:end -->/.exec(readme);
  expect(match?.[1]).toBe(ruleTable());
});
