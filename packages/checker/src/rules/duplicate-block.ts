import { alloyPosition, nameRange } from "../ranges.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  id: "check/duplicate-block",
  severity: "error",
  alloy: true,
  description: "Two components, declares or config blocks of one module have the same name and label.",
  check({ model, report }) {
    for (const symbol of model.symbols) {
      const first = symbol.duplicateOf;
      if (!first) continue;
      report({
        message: `block ${symbol.id} already declared at ${alloyPosition(first)}`,
        document: symbol.document,
        range: nameRange(symbol, symbol.id),
        order: symbol.order,
        phase: "node",
        rank: symbol.kind === "component" || symbol.kind === "declare" ? 1 : 0,
        related: [{ file: first.document.filename, range: first.block.range, message: "first declared here" }],
      });
    }
  },
};
