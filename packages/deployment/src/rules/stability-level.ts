import { blockHeaderRange } from "../config-view.js";
import type { DeploymentModel } from "../model.js";
import { componentTitle, type DeploymentRule } from "./rule.js";

const rank: Readonly<Record<string, number>> = { experimental: 0, "public-preview": 1, "generally-available": 2 };

/** The stability level Alloy runs with: alloy.stabilityLevel, or a later `--stability.level` extra arg. */
export function effectiveStabilityLevel(model: DeploymentModel): string {
  let level = model.stabilityLevel;
  for (const arg of model.extraArgs) {
    const m = /^--?stability\.level=(.+)$/.exec(arg.trim());
    if (m) level = m[1];
  }
  return level;
}

export const rule: DeploymentRule = {
  id: "deploy/stability-level",
  severity: "error",
  alloy: false,
  description:
    "The config uses a component, block or function below alloy.stabilityLevel: Alloy refuses to load it.",
  check({ model, config, reportConfig }) {
    if (!config) return;
    const level = effectiveStabilityLevel(model);
    const allowed = rank[level];
    if (allowed === undefined) return;
    const fix = (needed: string) => `set alloy.stabilityLevel: ${needed}`;
    const related = [{ path: ["alloy", "stabilityLevel"] }];
    for (const component of config.components) {
      const needed = component.schema.stability;
      if ((rank[needed] ?? allowed) >= allowed) continue;
      reportConfig(
        component.source,
        blockHeaderRange(component.block),
        `${componentTitle(component)} is ${needed}, but alloy.stabilityLevel is ${level}: Alloy refuses to load the config. ${fix(needed)}.`,
        related,
      );
    }
    for (const { block, stability, source } of config.configBlocks) {
      if ((rank[stability] ?? allowed) >= allowed) continue;
      reportConfig(source, blockHeaderRange(block), `the ${block.name} block is ${stability}, but alloy.stabilityLevel is ${level}: Alloy refuses to load the config. ${fix(stability)}.`, related);
    }
    for (const { name, node, stability, source } of config.calls) {
      if ((rank[stability] ?? allowed) >= allowed) continue;
      reportConfig(source, node, `${name} is ${stability}, but alloy.stabilityLevel is ${level}: Alloy refuses to load the config. ${fix(stability)}.`, related);
    }
  },
};
