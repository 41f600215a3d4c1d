import type { Node as AlloyNode, Range } from "@alloy-toolkit/parser";
import type { Fix, Rule } from "@alloy-toolkit/checker";
import type { ConfigSource, ConfigView } from "../config-view.js";
import type { DeploymentModel } from "../model.js";
import type { TemplateAction } from "../template.js";

/** A key path in the values file: `["alloy", "clustering", "enabled"]`, list items by index. */
export type ValuesPath = readonly (string | number)[];

/** Where a diagnostic points in the values file: a key, or its value. */
export interface ValuesAnchor {
  readonly path: ValuesPath;
  readonly at?: "key" | "value";
}

export interface DeploymentRuleContext {
  readonly model: DeploymentModel;
  /** The config the deployment runs; `undefined` for an existing ConfigMap or the chart's default config. */
  readonly config: ConfigView | undefined;
  /** The inline `alloy.configMap.content`, when the config comes from there. */
  readonly inline: { readonly source: ConfigSource; readonly templateActions: readonly TemplateAction[] } | undefined;
  /** Reports at a values key; `related` values keys explain it; `fix` replaces the text of a key or value. */
  reportValue(anchor: ValuesAnchor, message: string, related?: readonly ValuesAnchor[], fix?: ValuesFix): void;
  /**
   * Reports at a node (or a range of the checked text) of a config; `related` values keys explain it. A
   * `fix` has its edits in the checked text: they are moved (and re-indented) into the file reported in.
   */
  reportConfig(source: ConfigSource, at: AlloyNode | Range, message: string, related?: readonly ValuesAnchor[], fix?: ConfigFix): void;
}

/** A fix of the values file: the text of a key or a value replaced. */
export interface ValuesFix {
  readonly title: string;
  readonly replace: ValuesAnchor;
  readonly newText: string;
}

/** A fix of a config text: edits of the text the rules read (see {@link DeploymentRuleContext.reportConfig}). */
export type ConfigFix = Omit<Fix, "file">;

/** A deployment rule: one file under `src/rules/`, registered in its `index.ts`, tested by a fixture folder. */
export type DeploymentRule = Rule<DeploymentRuleContext>;

/** How the instances run, for messages: "3 replicas", "one instance per node (DaemonSet)"… */
export function describeInstances(model: DeploymentModel): string {
  if (model.controllerType === "daemonset") return "one instance per node (DaemonSet)";
  if (model.autoscaling.externalHPA) return `an externally autoscaled ${model.controllerType}`;
  if (model.autoscaling.horizontal || model.autoscaling.legacy) {
    return `up to ${model.autoscaling.maxReplicas} autoscaled replicas`;
  }
  return `${model.replicas} replicas`;
}

/** `prometheus.scrape "pods"`. */
export function componentTitle(component: { readonly name: string; readonly label?: string }): string {
  return component.label === undefined ? component.name : `${component.name} "${component.label}"`;
}
