import type { SemanticModel } from "./model.js";

/**
 * The words of a finding about something the checked release lacks but another release has: the catalog's
 * release message ("discovery.aws is not in Alloy v1.17.1 (added in v1.18.0)") as the message, or, when the
 * check must word its messages as `alloy validate` does (`alloyCompatible`), Alloy's message with the release
 * message as the hint.
 */
export function releaseWording(
  model: SemanticModel,
  alloyMessage: string,
  releaseMessage: string | undefined,
): { message: string; hint?: string } {
  if (releaseMessage === undefined) return { message: alloyMessage };
  return model.options.alloyCompatible ? { message: alloyMessage, hint: releaseMessage } : { message: releaseMessage };
}
