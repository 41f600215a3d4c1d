import { enabledClusteringBlock, referencesBySource, upstreamOfTargets, type Upstream } from "../clustering.js";
import type { BlockSymbol, Reference } from "../model.js";
import type { Rule } from "../rule.js";

/** `constants.hostname`, `sys.env("HOSTNAME")`, `env("HOSTNAME")`: values that differ per Alloy instance. */
function isInstanceSpecific(reference: Reference): boolean {
  const root = reference.parts[0].name;
  if (root !== "constants" && root !== "sys" && root !== "env") return false;
  const name = reference.parts.map((p) => p.name).join(".");
  if (name === "constants.hostname") return true;
  if ((name === "sys.env" || name === "env") && reference.call) {
    const argument = reference.call.args[0];
    return argument?.kind === "StringLiteral" && /^(HOSTNAME|HOST|NODE_NAME|POD_NAME)$/.test(argument.value);
  }
  return false;
}

/** The first instance-specific value among the component's own `targets`, then its upstream components'. */
function instanceSpecificSource(
  symbol: BlockSymbol,
  upstream: readonly Upstream[],
  bySource: ReadonlyMap<BlockSymbol, readonly Reference[]>,
): { culprit: Reference; via: Reference } | undefined {
  for (const reference of bySource.get(symbol) ?? []) {
    if (reference.attributePath[0] === "targets" && isInstanceSpecific(reference)) return { culprit: reference, via: reference };
  }
  for (const { symbol: source, via } of upstream) {
    for (const reference of bySource.get(source) ?? []) {
      if (isInstanceSpecific(reference)) return { culprit: reference, via };
    }
  }
  return undefined;
}

export const rule: Rule = {
  id: "cluster/instance-specific-labels",
  severity: "warning",
  alloy: false,
  description:
    "A clustered component whose targets carry labels that differ per instance (`constants.hostname`, `sys.env(\"HOSTNAME\")`): instances disagree on targets, which get duplicated or dropped.",
  check({ model, report }) {
    const bySource = referencesBySource(model);
    for (const symbol of model.symbols) {
      if (!enabledClusteringBlock(symbol)) continue;
      const found = instanceSpecificSource(symbol, upstreamOfTargets(model, symbol), bySource);
      if (!found) continue;
      const what = found.culprit.document.text.slice(found.culprit.range.start.offset, (found.culprit.call ?? found.culprit.expression).range.end.offset);
      report({
        message: `${symbol.id} is clustered, but its targets get a label from ${what}, which differs on each instance: the instances disagree on the targets, so they are duplicated or dropped`,
        document: found.via.document,
        range: found.via.range,
        order: symbol.order,
        phase: "extra",
        key: found.via.range.start.offset,
        related: [{ file: found.culprit.document.filename, range: found.culprit.range, message: `${what} differs per instance` }],
      });
    }
  },
};
