import { memberAvailability, type ComponentSchema } from "@alloy-toolkit/catalog";
import { clusteringComponents } from "../clustering.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  id: "cluster/block-unsupported",
  severity: "error",
  alloy: false,
  description: "A `clustering` block in a component that does not support clustering (it would do nothing); the message lists those that do.",
  check({ model, report }) {
    let supported: string[] | undefined;
    for (const symbol of model.symbols) {
      if (symbol.kind !== "component" || !symbol.schema) continue;
      const schema = symbol.schema as ComponentSchema;
      if (schema.clustering || schema.status !== "active") continue;
      for (const statement of symbol.block.body) {
        if (statement.kind !== "Block" || statement.name !== "clustering") continue;
        // A later release that supports it says more than the list of those that do in this one.
        const later = memberAvailability(
          { owner: "component", ownerName: symbol.name, path: [], kind: "block", name: "clustering" },
          model.options.alloyVersion,
        );
        supported ??= clusteringComponents(model);
        report({
          message:
            later.status === "not-yet-added"
              ? later.message
              : `${symbol.name} does not support clustering; the components that do are: ${supported.join(", ")}`,
          document: symbol.document,
          range: statement.range,
          order: symbol.order,
          phase: "body",
          key: statement.range.start.offset,
        });
      }
    }
  },
};
