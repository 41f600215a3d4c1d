import { nameRange } from "../ranges.js";
import type { Rule } from "../rule.js";

/** Config blocks that take no label. */
const UNLABELLED = new Set(["logging", "tracing"]);

export const rule: Rule = {
  id: "check/missing-label",
  severity: "error",
  alloy: true,
  description: "A component, declare, import, argument, export or foreach block has no label.",
  check({ model, report }) {
    for (const symbol of model.symbols) {
      if (symbol.label !== undefined) continue;
      const base = { document: symbol.document, range: nameRange(symbol), order: symbol.order, phase: "node" as const };
      switch (symbol.kind) {
        case "component":
          report({ ...base, message: `component "${symbol.name}" must have a label`, rank: 0 });
          break;
        case "declare":
          report({ ...base, message: "declare block must have a label", rank: 0 });
          break;
        case "config":
          if (UNLABELLED.has(symbol.name)) break;
          report({ ...base, message: `${symbol.name} block must have a label`, rank: 1 });
          break;
        case "service":
          break;
      }
    }
  },
};
