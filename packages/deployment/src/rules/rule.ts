import type { Node as AlloyNode, Range, Severity } from "@alloy-toolkit/parser";
import type { Fix, Rule } from "@alloy-toolkit/checker";
import type { Pair } from "yaml";
import type { ConfigSource, ConfigView } from "../config-view.js";
import type { Anchor, DeploymentModel } from "../model.js";
import type { ValuesDocument, ValuesPath } from "../values-document.js";

export type { ValuesPath };

/** Where a values rule points: a key of the chart values (or of one of their written layers), or its value. */
export interface ValuesAnchor {
  readonly path: ValuesPath;
  readonly at?: "key" | "value";
  /** The values the path is in: the deployment's by default, or a written layer of them (a `valuesFrom` ConfigMap). */
  readonly values?: ValuesDocument;
  /** The pair met walking the values: its place is read from it, not looked up again. */
  readonly pair?: Pair<unknown, unknown>;
}

/** What a diagnostic may carry beside its message. */
export interface ReportOptions {
  /** Settings that explain it; those the input does not write are left out. */
  readonly related?: readonly Anchor[];
  /** A lesser severity than the rule's, for a finding that is likely but not certain. */
  readonly severity?: Severity;
}

export interface DeploymentRuleContext {
  readonly model: DeploymentModel;
  /** The config the deployment runs; `undefined` when the input does not hold it (an existing ConfigMap, the chart's default config). */
  readonly config: ConfigView | undefined;
  /** Reports at a setting of the deployment: its key, or its value. */
  report(at: Anchor, part: "key" | "value", message: string, options?: ReportOptions): void;
  /** Reports at a key of the chart values (kind `chart`); `fix` replaces the text of a key or value. */
  reportValue(anchor: ValuesAnchor, message: string, options?: ReportOptions & { readonly fix?: ValuesFix }): void;
  /**
   * Reports at a node (or a range of the checked text) of a config. A `fix` has its edits in the checked
   * text: they are moved (and re-indented) into the file reported in.
   */
  reportConfig(source: ConfigSource, at: AlloyNode | Range, message: string, options?: ReportOptions & { readonly fix?: ConfigFix }): void;
}

/** A fix of the values: the text of a key or a value replaced. */
export interface ValuesFix {
  readonly title: string;
  readonly replace: ValuesAnchor;
  readonly newText: string;
}

/** A fix of a config text: edits of the text the rules read (see {@link DeploymentRuleContext.reportConfig}). */
export type ConfigFix = Omit<Fix, "file">;

/** A deployment rule: one file under `src/rules/`, registered in its `index.ts`, tested by a fixture folder. */
export type DeploymentRule = Rule<DeploymentRuleContext>;

/** `prometheus.scrape "pods"`. */
export function componentTitle(component: { readonly name: string; readonly label?: string }): string {
  return component.label === undefined ? component.name : `${component.name} "${component.label}"`;
}
