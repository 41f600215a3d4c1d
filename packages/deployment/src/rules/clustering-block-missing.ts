import { insertionAtBlockEnd } from "@alloy-toolkit/checker";
import { blockHeaderRange, clusteringEnabled, textRange } from "../config-view.js";
import { describeInstances, runsSeveralInstances } from "../model.js";
import { componentTitle, type DeploymentRule } from "./rule.js";

export const rule: DeploymentRule = {
  id: "deploy/clustering-block-missing",
  severity: "error",
  alloy: false,
  description:
    "Clustering is enabled on a Deployment or StatefulSet with several replicas, but a component that supports clustering has no `clustering { enabled = true }` block: every replica collects everything.",
  check({ model, config, reportConfig }) {
    if (!config || !model.clustering.enabled) return;
    if (model.controllerType !== "deployment" && model.controllerType !== "statefulset") return;
    if (!runsSeveralInstances(model)) return;
    for (const component of config.components) {
      if (!component.schema.clustering || clusteringEnabled(component)) continue;
      const { source } = component;
      const insertion = insertionAtBlockEnd(source.text, component.block, ["clustering {", "\tenabled = true", "}"], "\t");
      reportConfig(
        source,
        blockHeaderRange(component.block),
        `${componentTitle(component)} supports clustering but has no \`clustering { enabled = true }\` block: each of the ${describeInstances(model)} collects all of its targets (data duplicated). Add the block to share the work out.`,
        {
          related: [model.clustering.at],
          fix: {
            title: "Add clustering { enabled = true }",
            edits: [{ range: textRange(source, insertion.offset, insertion.offset), newText: insertion.newText }],
          },
        },
      );
    }
  },
};
