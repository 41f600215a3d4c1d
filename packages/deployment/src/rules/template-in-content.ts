import { textRange } from "../config-view.js";
import type { DeploymentRule } from "./rule.js";

export const rule: DeploymentRule = {
  id: "values/template-in-content",
  severity: "warning",
  alloy: false,
  description:
    "alloy.configMap.content (and a k8s-monitoring collector's extraConfig) goes through Helm's tpl: `{{ … }}` is rendered before Alloy sees the config, so it is checked with the action blanked out.",
  check({ config, model, reportConfig }) {
    if (!config) return;
    for (const { source, action } of model.config?.templateActions ?? []) {
      reportConfig(
        source,
        textRange(source, action.start, action.end),
        `Helm renders ${action.text.length > 40 ? action.text.slice(0, 37) + "…" : action.text} with tpl before Alloy reads the config: it was checked as blank, so the rendered config may differ.`,
      );
    }
  },
};
