import { hasFlag } from "../model.js";
import type { DeploymentRule } from "./rule.js";

export const rule: DeploymentRule = {
  id: "deploy/clustering-prefer-statefulset",
  severity: "warning",
  alloy: false,
  description:
    "Clustering on a Deployment: pods get new names on every rollout, so cluster members and target ownership churn; a StatefulSet gives stable identities.",
  check({ model, reportValue }) {
    if (model.controllerType !== "deployment" || !(model.clusteringEnabled || hasFlag(model, "cluster.enabled"))) return;
    reportValue(
      { path: ["controller", "type"], at: "value" },
      "clustering is enabled on a Deployment: every rollout gives the pods new names, so cluster members and target ownership churn (gaps and duplicates while the ring rebalances). Use controller.type: statefulset for stable identities.",
      [{ path: ["alloy", "clustering", "enabled"] }],
    );
  },
};
