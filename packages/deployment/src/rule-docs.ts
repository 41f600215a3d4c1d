import { getRule } from "@alloy-toolkit/checker/core";

/** Where the toolkit's sources and rule documentation are published. */
const REPOSITORY = "https://github.com/alloy-toolkit/alloy-toolkit/blob/main";

/**
 * The documentation of a rule (the LSP diagnostic's `codeDescription.href`, SARIF's `helpUri`): its row in the
 * checker's rule table (`packages/checker/README.md`) for config rules, in the deployment rules' table
 * (`packages/deployment/README.md`) for values and deployment rules. Each row carries an anchor named after the
 * rule id, `/` written `-`. Parser diagnostics have no page.
 */
export function ruleDocumentationUrl(code: string): string | undefined {
  const anchor = code.replace(/\//g, "-");
  if (getRule(code)) return `${REPOSITORY}/packages/checker/README.md#${anchor}`;
  if (code.startsWith("values/") || code.startsWith("deploy/")) return `${REPOSITORY}/packages/deployment/README.md#${anchor}`;
  return undefined;
}
