import { chartValuesSchema } from "../schema/chart-values-schema.generated.js";
import { walkValues } from "../schema/walk-values.js";
import { writtenValues } from "../values-document.js";
import type { DeploymentRule } from "./rule.js";

export const rule: DeploymentRule = {
  id: "values/deprecated-key",
  severity: "warning",
  alloy: false,
  description: "A values key the chart has deprecated (controller.autoscaling.enabled, the agent alias…), with its replacement.",
  check({ model, reportValue }) {
    if (!model.values) return;
    for (const values of writtenValues(model.values)) {
      walkValues(values, chartValuesSchema, ({ path, pair, schema }) => {
        if (!schema?.deprecated) return;
        const { replacement, reason } = schema.deprecated;
        reportValue({ path, at: "key", values, pair }, `${path.join(".")} is deprecated (${reason})${replacement ? `: use ${replacement}` : ""}.`);
      });
    }
  },
};
