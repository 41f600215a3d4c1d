import type { Rule } from "../rule.js";
import { reportBodyFindings } from "./body-findings.js";

export const rule: Rule = {
  id: "check/repeated",
  severity: "error",
  alloy: true,
  description: "An attribute given twice, or a non-repeatable block given more than once.",
  check(context) {
    reportBodyFindings(context, "check/repeated");
  },
};
