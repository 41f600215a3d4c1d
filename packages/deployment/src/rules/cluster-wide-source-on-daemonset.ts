import { blockNamed } from "@alloy-toolkit/parser";
import { blockHeaderRange, clusteringEnabled, literalBool } from "../config-view.js";
import { componentTitle, type DeploymentRule } from "./rule.js";

const clusterWide = new Set(["loki.source.kubernetes", "loki.source.podlogs", "loki.source.kubernetes_events"]);

/** Selectors that restrict discovery to the instance's own node (a DaemonSet's usual pattern). */
const nodeFilter = /spec\.nodeName|__meta_kubernetes_pod_node_name/;

export const rule: DeploymentRule = {
  id: "deploy/cluster-wide-source-on-daemonset",
  severity: "error",
  alloy: false,
  description:
    "loki.source.kubernetes, loki.source.podlogs or loki.source.kubernetes_events reads the whole cluster through the API; on a DaemonSet without clustering every node's instance ships the same logs.",
  check({ model, config, reportConfig }) {
    if (!config || model.controllerType !== "daemonset") return;
    const filteredByNode = config.strings.some(({ node }) => nodeFilter.test(node.value));
    for (const component of config.components) {
      if (!clusterWide.has(component.name)) continue;
      if (model.clustering.enabled && model.clustering.peers.kind !== "none" && clusteringEnabled(component)) continue;
      if (component.name === "loki.source.podlogs" && literalBool(blockNamed(component.block, "node_filter"), "enabled")) continue;
      if (component.name === "loki.source.kubernetes" && filteredByNode) continue;
      const remedy =
        model.kind === "chart"
          ? "Enable alloy.clustering.enabled and a clustering block, or run it on a single-replica Deployment or StatefulSet."
          : "Run it on a single-replica Deployment or StatefulSet, or cluster the pods (--cluster.enabled with peers) and add a clustering block.";
      reportConfig(
        component.source,
        blockHeaderRange(component.block),
        `${componentTitle(component)} reads the whole cluster through the Kubernetes API, and on a DaemonSet every node's instance does: each log line is shipped once per node. ${remedy}`,
        { related: [model.controllerAt, model.clustering.at] },
      );
    }
  },
};
