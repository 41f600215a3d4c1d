import type { ComponentSchema } from "@alloy-toolkit/catalog";
import { headerRange } from "../ranges.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  id: "check/unused-component",
  severity: "warning",
  alloy: false,
  description: "A component that exports something (targets, a receiver…) that nothing references: its work goes nowhere.",
  check({ model, report }) {
    for (const symbol of model.symbols) {
      if (symbol.kind !== "component" || symbol.duplicateOf || !symbol.schema) continue;
      // A component the release no longer has is reported once, by check/unknown-component.
      if ((symbol.schema as ComponentSchema).status !== "active") continue;
      const exports = (symbol.schema as ComponentSchema).exports;
      if (exports.length === 0 || model.referencesTo.has(symbol)) continue;
      report({
        message: `${symbol.id} exports ${exports.map((e) => e.name).join(", ")}, but nothing references it`,
        document: symbol.document,
        range: headerRange(symbol),
        order: symbol.order,
        phase: "extra",
      });
    }
  },
};
