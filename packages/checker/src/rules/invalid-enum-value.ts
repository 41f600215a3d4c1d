import type { Rule } from "../rule.js";
import { reportBodyFindings } from "./body-findings.js";

export const rule: Rule = {
  id: "check/invalid-enum-value",
  severity: "error",
  alloy: true,
  description: "A string argument outside the values the component accepts (where the catalog knows them).",
  check(context) {
    reportBodyFindings(context, "check/invalid-enum-value");
  },
};
