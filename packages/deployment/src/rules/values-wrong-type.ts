import { chartValuesSchema } from "../schema/chart-values-schema.generated.js";
import { walkValues, yamlKind } from "../schema/walk-values.js";
import { writtenValues } from "../values-document.js";
import type { DeploymentRule } from "./rule.js";

const accepted: Readonly<Record<string, readonly string[]>> = {
  bool: ["bool"],
  int: ["int"],
  // Helm prints numbers into string fields unchanged (a listen address, a tag…).
  string: ["string", "int"],
  list: ["list"],
  object: ["object"],
};

export const rule: DeploymentRule = {
  id: "values/wrong-type",
  severity: "error",
  alloy: false,
  description: "A values key holds the wrong type (a quoted \"true\" for a bool, a map for a list…) or a value outside the ones the chart accepts.",
  check({ model, reportValue }) {
    if (!model.values) return;
    for (const values of writtenValues(model.values)) {
      walkValues(values, chartValuesSchema, ({ path, pair, schema }) => {
        if (!schema || schema.type === "any") return;
        const kind = yamlKind(pair.value);
        // null removes a key's default in Helm: always allowed.
        if (kind === "null") return;
        if (!accepted[schema.type]?.includes(kind)) {
          reportValue(
            { path, at: "value", values, pair },
            `${path.join(".")} must be ${article(schema.type)}, not ${article(kind)}${kind === "string" && schema.type === "bool" ? " (remove the quotes)" : ""}.`,
          );
          return;
        }
        const value = (pair.value as { value?: unknown } | null)?.value;
        if (schema.enum && typeof value === "string" && !schema.enum.includes(value)) {
          reportValue({ path, at: "value", values, pair }, `${path.join(".")} must be one of ${schema.enum.join(", ")}, not ${JSON.stringify(value)}.`);
        }
      });
    }
  },
};

function article(type: string): string {
  switch (type) {
    case "int":
      return "a number";
    case "list":
      return "a list";
    case "object":
      return "a mapping";
    case "other":
      return "this value";
    default:
      return `a ${type}`;
  }
}
