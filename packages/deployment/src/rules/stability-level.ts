import { blockHeaderRange } from "../config-view.js";
import type { DeploymentModel } from "../model.js";
import { componentTitle, type DeploymentRule } from "./rule.js";

const rank: Readonly<Record<string, number>> = { experimental: 0, "public-preview": 1, "generally-available": 2 };

/** How the deployment sets its level, and how to lower it, for messages. */
function wording(model: DeploymentModel): { readonly is: string; readonly fix: (needed: string) => string } {
  if (model.kind === "chart") return { is: `alloy.stabilityLevel is ${model.stabilityLevel}`, fix: (needed) => `set alloy.stabilityLevel: ${needed}` };
  const given = model.args.some((a) => /^--?stability\.level(=|$)/.test(a.text.trim()));
  return {
    is: given ? `${model.title} runs Alloy with --stability.level=${model.stabilityLevel}` : `${model.title} runs Alloy at the default --stability.level=${model.stabilityLevel}`,
    fix: (needed) => `pass --stability.level=${needed} in its args`,
  };
}

export const rule: DeploymentRule = {
  id: "deploy/stability-level",
  severity: "error",
  alloy: false,
  description:
    "The config uses a component, block or function below the stability level Alloy runs with (alloy.stabilityLevel, --stability.level): Alloy refuses to load it.",
  check({ model, config, reportConfig }) {
    if (!config) return;
    const allowed = rank[model.stabilityLevel];
    if (allowed === undefined) return;
    const { is, fix } = wording(model);
    const related = { related: [model.stabilityAt] };
    for (const component of config.components) {
      const needed = component.schema.stability;
      if ((rank[needed] ?? allowed) >= allowed) continue;
      reportConfig(component.source, blockHeaderRange(component.block), `${componentTitle(component)} is ${needed}, but ${is}: Alloy refuses to load the config. ${fix(needed)}.`, related);
    }
    for (const { block, stability, source } of config.configBlocks) {
      if ((rank[stability] ?? allowed) >= allowed) continue;
      reportConfig(source, blockHeaderRange(block), `the ${block.name} block is ${stability}, but ${is}: Alloy refuses to load the config. ${fix(stability)}.`, related);
    }
    for (const { name, node, stability, source } of config.calls) {
      if ((rank[stability] ?? allowed) >= allowed) continue;
      reportConfig(source, node, `${name} is ${stability}, but ${is}: Alloy refuses to load the config. ${fix(stability)}.`, related);
    }
  },
};
