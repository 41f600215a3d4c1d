import { valuesAnchor } from "../model-chart.js";
import { pairAt } from "../values-document.js";
import type { DeploymentRule } from "./rule.js";

export const rule: DeploymentRule = {
  id: "deploy/autoscaling-without-requests",
  severity: "error",
  alloy: false,
  description:
    "The HorizontalPodAutoscaler targets memory or CPU utilization, but alloy.resources.requests has no request for it: utilization is a percentage of the request, so the HPA cannot compute it and never scales.",
  check({ model, reportValue }) {
    const { autoscaling, values } = model;
    if (!values || model.controllerType === "daemonset" || autoscaling.externalHPA) return;
    if (!autoscaling.horizontal && !autoscaling.legacy) return;
    const targets = [
      ["memory", "targetMemoryUtilizationPercentage", autoscaling.targetMemoryUtilizationPercentage, model.resourceRequests.memory],
      ["cpu", "targetCPUUtilizationPercentage", autoscaling.targetCPUUtilizationPercentage, model.resourceRequests.cpu],
    ] as const;
    const enabledPath = autoscaling.horizontal ? ["controller", "autoscaling", "horizontal", "enabled"] : ["controller", "autoscaling", "enabled"];
    for (const [resource, key, target, requested] of targets) {
      if (target <= 0 || requested) continue;
      const path = [...autoscaling.settingsPath, key];
      const explicit = pairAt(values, path) !== undefined;
      reportValue(
        { path: explicit ? path : enabledPath, at: "value" },
        `the autoscaler targets ${target}% ${resource} utilization${explicit ? "" : ` (the chart's default ${key})`}, but alloy.resources.requests.${resource} is not set: utilization is relative to the request, so the HPA cannot compute it and never scales. Set alloy.resources.requests.${resource}${resource === "memory" ? `, or ${key}: 0` : ""}.`,
        { related: [valuesAnchor(values, ["alloy", "resources"])] },
      );
    }
  },
};
