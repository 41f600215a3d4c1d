import type { Rule } from "../rule.js";
import { reportBodyFindings } from "./body-findings.js";

export const rule: Rule = {
  id: "check/unknown-attribute",
  severity: "error",
  alloy: true,
  description: "An attribute the component or block does not have (with a did-you-mean suggestion, or the release that has it).",
  check(context) {
    reportBodyFindings(context, "check/unknown-attribute");
  },
};
