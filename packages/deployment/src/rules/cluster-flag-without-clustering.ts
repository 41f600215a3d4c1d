import type { DeploymentRule } from "./rule.js";

export const rule: DeploymentRule = {
  id: "deploy/cluster-flag-without-clustering",
  severity: "error",
  alloy: false,
  description:
    "`--cluster.enabled` is passed in alloy.extraArgs while alloy.clustering.enabled is false: the chart creates no headless Service and passes no peers, so every instance is a cluster of one.",
  check({ model, reportValue }) {
    if (model.clusteringEnabled) return;
    model.extraArgs.forEach((arg, index) => {
      if (!/^--?cluster\.enabled(=true)?$/.test(arg.trim())) return;
      reportValue(
        { path: ["alloy", "extraArgs", index], at: "value" },
        "--cluster.enabled is passed in alloy.extraArgs but alloy.clustering.enabled is false: the chart creates no headless Service and passes no --cluster.join-addresses, so each instance forms a cluster of one. Set alloy.clustering.enabled: true instead.",
        [{ path: ["alloy", "clustering", "enabled"] }],
      );
    });
  },
};
