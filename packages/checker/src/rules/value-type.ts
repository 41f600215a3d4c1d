import type { Rule } from "../rule.js";
import { reportBodyFindings } from "./body-findings.js";

export const rule: Rule = {
  id: "check/value-type",
  severity: "error",
  alloy: true,
  description: "A literal value of the wrong type (`expected string, got bool`, arrays and objects, targets).",
  check(context) {
    reportBodyFindings(context, "check/value-type");
  },
};
