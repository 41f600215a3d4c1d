import type { Rule } from "../rule.js";
import { reportBodyFindings } from "./body-findings.js";

export const rule: Rule = {
  id: "check/attribute-block-mismatch",
  severity: "error",
  alloy: true,
  description: "An attribute written as a block, or a block written as an attribute.",
  check(context) {
    reportBodyFindings(context, "check/attribute-block-mismatch");
  },
};
