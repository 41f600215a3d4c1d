import type { Rule } from "../rule.js";
import { reportBodyFindings } from "./body-findings.js";

export const rule: Rule = {
  id: "check/missing-required",
  severity: "error",
  alloy: true,
  description: "A required attribute or block is missing (including a foreach without template, a module argument not given).",
  check(context) {
    for (const symbol of context.model.symbols) {
      if (symbol.name !== "foreach" || symbol.kind !== "config") continue;
      if (symbol.block.body.some((s) => s.kind === "Block" && s.name === "template")) continue;
      context.report({
        message: `missing required block "template"`,
        document: symbol.document,
        range: symbol.block.range,
        order: symbol.order,
        phase: "node",
        rank: 4,
      });
    }
    reportBodyFindings(context, "check/missing-required");
  },
};
