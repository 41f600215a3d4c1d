import { checkBodies, type BodyFindingKind } from "../body-check.js";
import type { RuleContext } from "../rule.js";

/** Reports the body findings of one kind (see `body-check.ts`) at their place in Alloy's order. */
export function reportBodyFindings(context: RuleContext, kind: BodyFindingKind): void {
  for (const finding of checkBodies(context.model)) {
    if (finding.kind !== kind) continue;
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
