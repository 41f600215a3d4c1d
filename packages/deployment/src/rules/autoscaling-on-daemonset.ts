import type { DeploymentRule, ValuesPath } from "./rule.js";

export const rule: DeploymentRule = {
  id: "deploy/autoscaling-on-daemonset",
  severity: "warning",
  alloy: false,
  description: "Horizontal autoscaling is configured on a DaemonSet: the chart ignores it (one pod per node).",
  check({ model, reportValue }) {
    if (!model.values || model.controllerType !== "daemonset") return;
    const set: [boolean, ValuesPath][] = [
      [model.autoscaling.horizontal, ["controller", "autoscaling", "horizontal", "enabled"]],
      [model.autoscaling.legacy, ["controller", "autoscaling", "enabled"]],
      [model.autoscaling.externalHPA, ["controller", "autoscaling", "horizontal", "externalHPA"]],
    ];
    for (const [enabled, path] of set) {
      if (!enabled) continue;
      reportValue(
        { path, at: "value" },
        `${path.join(".")} has no effect on a DaemonSet (one pod per node): the chart renders no HorizontalPodAutoscaler. Use controller.type: deployment or statefulset to autoscale.`,
        { related: [model.controllerAt] },
      );
    }
  },
};
