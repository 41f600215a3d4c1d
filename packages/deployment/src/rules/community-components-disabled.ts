import { blockHeaderRange } from "../config-view.js";
import { componentTitle, type DeploymentRule } from "./rule.js";

export const rule: DeploymentRule = {
  id: "deploy/community-components-disabled",
  severity: "error",
  alloy: false,
  description:
    "The config uses a community component but Alloy runs without --feature.community-components.enabled (alloy.extraArgs, the container's args): Alloy refuses to load it.",
  check({ model, config, reportConfig }) {
    if (!config || model.args.some((a) => /^--?feature\.community-components\.enabled(=(1|t|T|TRUE|true|True))?$/.test(a.text.trim()))) return;
    for (const component of config.components) {
      if (component.schema.stability !== "community") continue;
      reportConfig(
        component.source,
        blockHeaderRange(component.block),
        `${componentTitle(component)} is a community component: add --feature.community-components.enabled to ${model.kind === "chart" ? "alloy.extraArgs" : `the args of the Alloy container of ${model.title}`}, or Alloy refuses to load the config.`,
        { related: [model.argsAt] },
      );
    }
  },
};
