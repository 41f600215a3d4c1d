import { checkBodies, type BodyRuleId } from "../body-check.js";
import type { RuleContext } from "../rule.js";

/** Reports the body findings of one rule (see `body-check.ts`) at their place in Alloy's order. */
export function reportBodyFindings(context: RuleContext, rule: BodyRuleId): void {
  for (const finding of checkBodies(context.model)) {
    if (finding.rule !== rule) continue;
    context.report({
      message: finding.message,
      document: finding.document,
      range: finding.range,
      order: finding.symbol.order,
      phase: "body",
      key: finding.key,
      hint: finding.hint,
      fix: finding.fix,
      severity: finding.severity,
    });
  }
}
