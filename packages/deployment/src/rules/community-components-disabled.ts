import { blockHeaderRange } from "../config-view.js";
import { hasFlag } from "../model.js";
import { componentTitle, type DeploymentRule } from "./rule.js";

export const rule: DeploymentRule = {
  id: "deploy/community-components-disabled",
  severity: "error",
  alloy: false,
  description:
    "The config uses a community component but alloy.extraArgs does not pass --feature.community-components.enabled: Alloy refuses to load it.",
  check({ model, config, reportConfig }) {
    if (!config || hasFlag(model, "feature.community-components.enabled")) return;
    for (const component of config.components) {
      if (component.schema.stability !== "community") continue;
      reportConfig(
        component.source,
        blockHeaderRange(component.block),
        `${componentTitle(component)} is a community component: add --feature.community-components.enabled to alloy.extraArgs, or Alloy refuses to load the config.`,
        [{ path: ["alloy", "extraArgs"] }],
      );
    }
  },
};
