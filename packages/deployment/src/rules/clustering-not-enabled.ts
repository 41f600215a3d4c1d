import { blockNamed } from "@alloy-toolkit/parser";
import { clusteringEnabled } from "../config-view.js";
import { hasFlag, runsSeveralInstances } from "../model.js";
import { componentTitle, describeInstances, type DeploymentRule } from "./rule.js";

export const rule: DeploymentRule = {
  id: "deploy/clustering-not-enabled",
  severity: "error",
  alloy: false,
  description:
    "A component enables its clustering block while alloy.clustering.enabled is false and several instances run: the instances never form a cluster, the block is a no-op and every instance collects everything.",
  check({ model, config, reportConfig }) {
    if (!config || model.clusteringEnabled || hasFlag(model, "cluster.enabled") || !runsSeveralInstances(model)) return;
    for (const component of config.components) {
      if (!clusteringEnabled(component)) continue;
      reportConfig(
        component.source,
        blockNamed(component.block, "clustering")!,
        `${componentTitle(component)} enables clustering, but alloy.clustering.enabled is false and the chart runs ${describeInstances(model)}: the instances never join a cluster, so the block is a no-op and every instance collects the same data (duplicated). Set alloy.clustering.enabled: true.`,
        [{ path: ["alloy", "clustering", "enabled"] }, { path: ["controller", "type"] }],
      );
    }
  },
};
