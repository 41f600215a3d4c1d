import { valuesAnchor } from "../model-chart.js";
import type { DeploymentRule } from "./rule.js";

export const rule: DeploymentRule = {
  id: "deploy/claim-without-statefulset",
  severity: "error",
  alloy: false,
  description: "controller.volumeClaimTemplates is set but controller.type is not statefulset: the chart ignores the claims.",
  check({ model, reportValue }) {
    if (!model.values || model.volumeClaimTemplates.length === 0 || model.controllerType === "statefulset") return;
    reportValue(
      { path: ["controller", "volumeClaimTemplates"] },
      `controller.volumeClaimTemplates only applies to a StatefulSet, but controller.type is ${model.controllerType}: no volume is claimed, and whatever you meant to persist is not.`,
      { related: [valuesAnchor(model.values, ["controller", "type"])] },
    );
  },
};
