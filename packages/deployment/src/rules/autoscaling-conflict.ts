import { valuesAnchor } from "../model-chart.js";
import type { DeploymentRule } from "./rule.js";

export const rule: DeploymentRule = {
  id: "deploy/autoscaling-conflict",
  severity: "error",
  alloy: false,
  description:
    "controller.autoscaling.horizontal.enabled and externalHPA are both true: they are mutually exclusive and the chart fails to render.",
  check({ model, reportValue }) {
    if (!model.values || !model.autoscaling.externalHPA || !(model.autoscaling.horizontal || model.autoscaling.legacy)) return;
    reportValue(
      { path: ["controller", "autoscaling", "horizontal", "externalHPA"], at: "value" },
      "controller.autoscaling.horizontal.externalHPA and the chart's own HorizontalPodAutoscaler are mutually exclusive: helm template fails. Keep one of them.",
      { related: [valuesAnchor(model.values, ["controller", "autoscaling", "horizontal", "enabled"])] },
    );
  },
};
