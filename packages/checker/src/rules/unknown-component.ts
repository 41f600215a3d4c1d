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
    // Suggestions per scope and name: a config may repeat one unknown name many times.
    const cache = new Map<typeof model.root, { candidates: string[]; suggestions: Map<string, string | undefined> }>();
    for (const symbol of model.symbols) {
      if (symbol.kind !== "component" || symbol.module || symbol.uncheckedImport) continue;
      if (symbol.schema && "status" in symbol.schema && symbol.schema.status === "active") continue;
      names ??= listComponents({ version: model.options.alloyVersion }).map((c) => c.name);
      let entry = cache.get(symbol.scope);
      if (!entry) {
        const candidates = [...names];
        for (let s: typeof symbol.scope | undefined = symbol.scope; s; s = s.parent) candidates.push(...s.declares.keys());
        cache.set(symbol.scope, (entry = { candidates, suggestions: new Map() }));
      }
      if (!entry.suggestions.has(symbol.name)) entry.suggestions.set(symbol.name, closestName(symbol.name, entry.candidates));
      const suggestion = entry.suggestions.get(symbol.name);
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
