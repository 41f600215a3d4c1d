import { blockNamed } from "@alloy-toolkit/parser";
import { clusteringEnabled } from "../config-view.js";
import { describeInstances, runsSeveralInstances } from "../model.js";
import { componentTitle, type DeploymentRule } from "./rule.js";

export const rule: DeploymentRule = {
  id: "deploy/clustering-not-enabled",
  severity: "error",
  alloy: false,
  description:
    "A component enables its clustering block while Alloy runs without clustering (alloy.clustering.enabled false, no --cluster.enabled) and several instances run: the instances never form a cluster, the block is a no-op and every instance collects everything.",
  check({ model, config, reportConfig }) {
    if (!config || model.clustering.enabled || !runsSeveralInstances(model)) return;
    for (const component of config.components) {
      if (!clusteringEnabled(component)) continue;
      const off =
        model.kind === "chart"
          ? `alloy.clustering.enabled is false and the chart runs ${describeInstances(model)}`
          : `the container runs Alloy without --cluster.enabled and ${model.title} runs ${describeInstances(model)}`;
      const remedy = model.kind === "chart" ? "Set alloy.clustering.enabled: true." : "Pass --cluster.enabled=true and --cluster.join-addresses=<a headless Service of the pods>.";
      reportConfig(
        component.source,
        blockNamed(component.block, "clustering")!,
        `${componentTitle(component)} enables clustering, but ${off}: the instances never join a cluster, so the block is a no-op and every instance collects the same data (duplicated). ${remedy}`,
        { related: [model.clustering.at, model.controllerAt] },
      );
    }
  },
};
