import type { Range, Severity } from "@alloy-toolkit/parser";

/**
 * A problem found in a values file or in the config it deploys. `range` is in `file`: the values file
 * for values keys and for `alloy.configMap.content`, the `.alloy` file for a config shipped separately.
 * Lines and columns are 1-based (UTF-16 columns), as in the parser's positions.
 */
export interface DeploymentDiagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly range: Range;
  /** Other places that explain the problem (the values key behind a config diagnostic…). */
  readonly related?: readonly { readonly file: string; readonly range: Range; readonly message: string }[];
}

/** `file:line:col: severity: message [code]`, the form alloylint prints. */
export function formatDeploymentDiagnostic(d: DeploymentDiagnostic): string {
  return `${d.file}:${d.range.start.line}:${d.range.start.column}: ${d.severity}: ${d.message} [${d.code}]`;
}
