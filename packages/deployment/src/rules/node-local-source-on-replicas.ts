import { attributeNamed, type Block } from "@alloy-toolkit/parser";
import { blockHeaderRange } from "../config-view.js";
import { componentTitle, type DeploymentRule } from "./rule.js";

const nodeLocal: Readonly<Record<string, string>> = {
  "loki.source.file": "tails files on the node it runs on",
  "loki.source.journal": "reads the journal of the node it runs on",
  "prometheus.exporter.unix": "exports the metrics of the node it runs on",
  "discovery.kubelet": "discovers the pods of the node it runs on",
};

/**
 * Whether a `prometheus.exporter.unix` only reads text files (`set_collectors = ["textfile"]`): files of the pod,
 * such as k8s-monitoring's release information, not the node's metrics.
 */
function textfileOnly(block: Block): boolean {
  const collectors = attributeNamed(block, "set_collectors")?.value;
  return (
    collectors?.kind === "ArrayExpression" &&
    collectors.elements.length > 0 &&
    collectors.elements.every((e) => e.kind === "StringLiteral" && e.value === "textfile")
  );
}

export const rule: DeploymentRule = {
  id: "deploy/node-local-source-on-replicas",
  severity: "warning",
  alloy: false,
  description:
    "A node-local source (loki.source.file, loki.source.journal, prometheus.exporter.unix, discovery.kubelet) runs on a Deployment or StatefulSet: it only sees the nodes the replicas happen to land on.",
  check({ model, config, reportConfig }) {
    if (!config || (model.controllerType !== "deployment" && model.controllerType !== "statefulset")) return;
    for (const component of config.components) {
      const what = nodeLocal[component.name];
      if (!what || (component.name === "prometheus.exporter.unix" && textfileOnly(component.block))) continue;
      const runs = model.kind === "chart" ? `controller.type is ${model.controllerType}` : `it runs in ${model.title}`;
      reportConfig(
        component.source,
        blockHeaderRange(component.block),
        `${componentTitle(component)} ${what}, but ${runs}: only the nodes the replicas land on are covered. Run it on a DaemonSet.`,
        { related: [model.controllerAt] },
      );
    }
  },
};
