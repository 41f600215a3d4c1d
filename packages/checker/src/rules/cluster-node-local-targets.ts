import type { Block } from "@alloy-toolkit/parser";
import { enabledClusteringBlock, mentionsNodeNameSelector, upstreamOfTargets } from "../clustering.js";
import type { BlockSymbol } from "../model.js";
import type { Rule } from "../rule.js";

/** Why a discovery component only sees the targets of its own node, or `undefined`. */
function nodeLocalReason(symbol: BlockSymbol): string | undefined {
  if (symbol.name === "discovery.kubelet") return "discovery.kubelet only discovers the pods of the local node";
  if (symbol.name !== "discovery.kubernetes") return undefined;
  const text = symbol.document.text;
  const selectors = symbol.block.body.filter((s): s is Block => s.kind === "Block" && s.name === "selectors");
  for (const selector of selectors) {
    for (const statement of selector.body) {
      if (statement.kind === "Attribute" && statement.name.name === "field" && mentionsNodeNameSelector(text, statement.value)) {
        return "its spec.nodeName field selector keeps the local node's pods only";
      }
    }
  }
  return undefined;
}

export const rule: Rule = {
  id: "cluster/node-local-targets",
  severity: "warning",
  alloy: false,
  description:
    "A clustered component fed by node-local discovery (`discovery.kubelet`, a `spec.nodeName=` field selector): each instance sees other targets, so targets are dropped.",
  check({ model, report }) {
    for (const symbol of model.symbols) {
      if (!enabledClusteringBlock(symbol)) continue;
      for (const upstream of upstreamOfTargets(model, symbol)) {
        const reason = nodeLocalReason(upstream.symbol);
        if (!reason) continue;
        report({
          message: `${symbol.id} is clustered, but its targets come from ${upstream.symbol.id}: ${reason}, so each instance sees different targets and most would be dropped; disable clustering or discover cluster-wide`,
          document: upstream.via.document,
          range: upstream.via.range,
          order: symbol.order,
          phase: "extra",
          key: upstream.via.range.start.offset,
          related: [{ file: upstream.symbol.document.filename, range: upstream.symbol.block.range, message: reason }],
        });
        break;
      }
    }
  },
};
