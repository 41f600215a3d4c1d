import { editDistance } from "@alloy-toolkit/checker";
import { chartValuesSchema } from "../schema/chart-values-schema.generated.js";
import { schemaAt } from "../schema/values-schema.js";
import { pathsNamed, walkValues } from "../schema/walk-values.js";
import { writtenValues } from "../values-document.js";
import type { DeploymentRule } from "./rule.js";

/** The key the user probably meant: a close sibling, or the same name in another section. */
export function suggestKey(path: readonly string[]): string | undefined {
  const parentPath = path.slice(0, -1);
  const name = path[path.length - 1];
  const siblings = Object.keys(schemaAt(chartValuesSchema, parentPath)?.children ?? {});
  const limit = name.length <= 4 ? 1 : 2;
  const folded = name.toLowerCase();
  // Bounded: a long key costs its length per sibling, not its length times the sibling's.
  const close = siblings
    .map((s) => ({ s, d: editDistance(s.toLowerCase(), folded, limit) }))
    .filter(({ d }) => d <= limit)
    .sort((a, b) => a.d - b.d)[0];
  if (close) return [...parentPath, close.s].join(".");
  const elsewhere = pathsNamed(chartValuesSchema, name)[0] ?? pathsNamed(chartValuesSchema, name, true)[0];
  return elsewhere?.join(".");
}

export const rule: DeploymentRule = {
  id: "values/unknown-key",
  severity: "error",
  alloy: false,
  description: "A values key the grafana/alloy chart does not read: Helm ignores it silently (the chart ships no values schema).",
  check({ model, reportValue }) {
    if (!model.values) return;
    // Top-level keys the config reads through tpl (`{{ .Values.remoteWriteUrl }}`) are the user's own.
    const templated = new Set(model.config?.templateActions.flatMap(({ action }) => [...action.text.matchAll(/\.Values\.(\w+)/g)].map((m) => m[1])));
    for (const values of writtenValues(model.values)) {
      walkValues(values, chartValuesSchema, ({ path, pair, schema }) => {
        if (schema || (path.length === 1 && templated.has(path[0]))) return;
        const suggestion = suggestKey(path);
        // A sibling's name renames this key; a key of another section is only named.
        const parent = path.slice(0, -1).join(".");
        const sibling = suggestion && (parent === "" || suggestion.startsWith(`${parent}.`)) ? suggestion.slice(parent === "" ? 0 : parent.length + 1) : undefined;
        reportValue(
          { path, at: "key", values, pair },
          `${path.join(".")} is not a value of the grafana/alloy chart ${chartValuesSchema.chart.version}: Helm ignores it silently.${suggestion ? ` Did you mean ${suggestion}?` : ""}`,
          sibling && !sibling.includes(".") ? { fix: { title: `Rename to ${sibling}`, replace: { path, at: "key", values, pair }, newText: sibling } } : {},
        );
      });
    }
  },
};
