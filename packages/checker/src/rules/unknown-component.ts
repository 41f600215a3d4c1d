import { listComponents } from "@alloy-toolkit/catalog";
import { nameRange } from "../ranges.js";
import type { Rule } from "../rule.js";
import { closestName, didYouMean } from "../suggest.js";

export const rule: Rule = {
  id: "check/unknown-component",
  severity: "error",
  alloy: true,
  description: "A block names no known component, declare or imported module.",
  check({ model, report }) {
    let names: string[] | undefined;
    for (const symbol of model.symbols) {
      if (symbol.kind !== "component" || symbol.module || symbol.uncheckedImport) continue;
      if (symbol.schema && "status" in symbol.schema && symbol.schema.status === "active") continue;
      names ??= listComponents({ version: model.options.alloyVersion }).map((c) => c.name);
      const candidates = [...names];
      for (let s: typeof symbol.scope | undefined = symbol.scope; s; s = s.parent) candidates.push(...s.declares.keys());
      const suggestion = closestName(symbol.name, candidates);
      report({
        message: `cannot find the definition of component name "${symbol.name}"`,
        document: symbol.document,
        range: nameRange(symbol),
        order: symbol.order,
        phase: "node",
        rank: 2,
        hint: didYouMean(suggestion),
        fix: suggestion
          ? { title: `Rename to "${suggestion}"`, file: symbol.document.filename, edits: [{ range: nameRange(symbol), newText: suggestion }] }
          : undefined,
      });
    }
  },
};
