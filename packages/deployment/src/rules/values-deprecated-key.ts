import { chartValuesSchema } from "../schema/chart-values-schema.generated.js";
import { walkValues } from "../schema/walk-values.js";
import type { DeploymentRule } from "./rule.js";

export const rule: DeploymentRule = {
  id: "values/deprecated-key",
  severity: "warning",
  alloy: false,
  description: "A values key the chart has deprecated (controller.autoscaling.enabled, the agent alias…), with its replacement.",
  check({ model, reportValue }) {
    walkValues(model.values, chartValuesSchema, ({ path, schema }) => {
      if (!schema?.deprecated) return;
      const { replacement, reason } = schema.deprecated;
      reportValue(
        { path, at: "key" },
        `${path.join(".")} is deprecated (${reason})${replacement ? `: use ${replacement}` : ""}.`,
      );
    });
  },
};
