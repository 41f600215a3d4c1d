import { componentAvailability, type ComponentSchema } from "@alloy-toolkit/catalog";
import { stabilityAllowed } from "../options.js";
import { nameRange } from "../ranges.js";
import type { Rule } from "../rule.js";
import { stdlibFunction } from "../stdlib.js";

function belowMessage(feature: string, stability: string, minimum: string): string {
  return `${feature} is at stability level "${stability}", which is below the minimum allowed stability level "${minimum}". Use --stability.level command-line flag to enable "${stability}" features`;
}

export const rule: Rule = {
  id: "check/stability",
  severity: "error",
  alloy: true,
  description:
    "A component, block or function is below the minimum stability level, or is a community component while those are off.",
  check({ model, report }) {
    const minimum = model.options.stabilityLevel;
    for (const symbol of model.symbols) {
      if (symbol.kind === "component" && symbol.schema) {
        const schema = symbol.schema as ComponentSchema;
        if (schema.status !== "active") continue;
        let message: string | undefined;
        if (schema.stability === "community") {
          if (!model.options.communityComponents) {
            message = `the component "${symbol.name}" is a community component. Use the --feature.community-components.enabled command-line flag to enable community components`;
          }
        } else if (!stabilityAllowed(schema.stability, minimum)) {
          message = belowMessage(`component "${symbol.name}"`, schema.stability, minimum);
        }
        if (message) {
          // When a later release promotes it, say so: "… is public-preview in v1.14.2 (generally-available from v1.15.0)".
          const hint = componentAvailability(symbol.name, model.options.alloyVersion);
          report({
            message,
            document: symbol.document,
            range: nameRange(symbol),
            order: symbol.order,
            phase: "node",
            rank: 2,
            hint: hint.status === "available" ? hint.message : undefined,
          });
        }
      } else if (symbol.kind === "config" && symbol.schema && !stabilityAllowed(symbol.schema.stability, minimum)) {
        report({
          message: belowMessage(`${symbol.name} block "${symbol.name}"`, symbol.schema.stability, minimum),
          document: symbol.document,
          range: nameRange(symbol),
          order: symbol.order,
          phase: "node",
          rank: 2,
        });
      }
    }
    for (const reference of model.references) {
      if (reference.kind !== "stdlib") continue;
      const name = reference.parts.map((p) => p.name).join(".");
      const fn = stdlibFunction(name, model.options.alloyVersion);
      if (!fn || fn.name !== name || stabilityAllowed(fn.stability, minimum)) continue;
      report({
        message: belowMessage(name, fn.stability, minimum),
        document: reference.document,
        range: reference.range,
        order: reference.from.refOrder,
        phase: "references",
        key: reference.range.start.offset,
      });
    }
  },
};
