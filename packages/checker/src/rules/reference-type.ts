import type { Rule } from "../rule.js";
import { reportBodyFindings } from "./body-findings.js";

export const rule: Rule = {
  id: "check/reference-type",
  severity: "error",
  alloy: false,
  description: "A reference whose type does not fit the argument: a logs receiver in a metrics `forward_to`, a non-list `targets`.",
  check(context) {
    reportBodyFindings(context, "check/reference-type");
  },
};
