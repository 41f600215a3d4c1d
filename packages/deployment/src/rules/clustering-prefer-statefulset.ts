import type { DeploymentRule } from "./rule.js";

export const rule: DeploymentRule = {
  id: "deploy/clustering-prefer-statefulset",
  severity: "warning",
  alloy: false,
  description:
    "Clustering on a Deployment or a DaemonSet: pods get new names on every rollout, so cluster members and target ownership churn; a StatefulSet gives stable identities.",
  check({ model, report }) {
    if (!model.clustering.enabled) return;
    const chart = model.kind === "chart";
    if (model.controllerType === "deployment") {
      report(
        model.controllerAt,
        "value",
        chart
          ? "clustering is enabled on a Deployment: every rollout gives the pods new names, so cluster members and target ownership churn (gaps and duplicates while the ring rebalances). Use controller.type: statefulset for stable identities."
          : `clustering is enabled on ${model.title}: every rollout gives the pods new names, so cluster members and target ownership churn (gaps and duplicates while the ring rebalances). Run Alloy as a StatefulSet for stable identities.`,
        { related: [model.clustering.at] },
      );
    } else if (model.controllerType === "daemonset") {
      // The chart's default controller is a DaemonSet: point at the clustering switch when the type is not written.
      const at = model.controllerAt.written ? model.controllerAt : model.clustering.at;
      report(
        at,
        "value",
        `clustering is enabled on ${chart ? "a DaemonSet" : model.title}: the ring follows the node count, not the load, and every rollout or node change renames its members, so target ownership churns (gaps and duplicates while it rebalances); node-local collection (logs of the node's pods) gains nothing from it. ${chart ? "Use controller.type: statefulset for clustered collection" : "Cluster a StatefulSet for shared targets"}, and keep DaemonSets unclustered for node-local work.`,
        { related: at === model.clustering.at ? [] : [model.clustering.at] },
      );
    }
  },
};
