import { valueAt } from "../values-document.js";
import type { DeploymentRule } from "./rule.js";

export const rule: DeploymentRule = {
  id: "deploy/cluster-flag-without-clustering",
  severity: "error",
  alloy: false,
  description:
    "`--cluster.enabled` is passed in alloy.extraArgs while alloy.clustering.enabled is false: the chart creates no headless Service and passes no peers, so every instance is a cluster of one.",
  check({ model, report }) {
    if (!model.values || valueAt(model.values, ["alloy", "clustering", "enabled"]) === true) return;
    for (const arg of model.args) {
      if (!/^--?cluster\.enabled(=true)?$/.test(arg.text.trim())) continue;
      report(
        arg.at,
        "value",
        "--cluster.enabled is passed in alloy.extraArgs but alloy.clustering.enabled is false: the chart creates no headless Service and passes no --cluster.join-addresses, so each instance forms a cluster of one. Set alloy.clustering.enabled: true instead.",
        { related: [model.clustering.at] },
      );
    }
  },
};
