import type { DeploymentRule } from "./rule.js";

/** A key of the ConfigMap close to the missing one: the same name with the other extension (`config.river` ↔ `config.alloy`), else any `.alloy` key. */
function likelyKey(missing: string, keys: readonly string[]): string | undefined {
  const stem = missing.replace(/\.(alloy|river)$/, "");
  return keys.find((k) => k.replace(/\.(alloy|river)$/, "") === stem) ?? keys.find((k) => /\.(alloy|river)$/.test(k));
}

export const rule: DeploymentRule = {
  id: "deploy/run-file-missing",
  severity: "error",
  alloy: false,
  description:
    "The file Alloy is told to run (`run /etc/alloy/<file>`, the chart's alloy.configMap.key) is not a key of the ConfigMap mounted there: Alloy cannot read its config and the pod crash-loops.",
  check({ model, report }) {
    const use = model.configMap;
    if (!use || use.key === undefined || !use.keys || use.keys.includes(use.key)) return;
    const other = likelyKey(use.key, use.keys);
    const files = use.keys.length === 0 ? "no key" : use.keys.map((k) => `"${k}"`).join(", ");
    const holds = use.projected ? `is mounted with items projecting only ${files}` : `holds ${files}`;
    const remedy =
      model.kind === "chart"
        ? other
          ? `Set alloy.configMap.key: ${other}, or rename the key.`
          : `Add the key "${use.key}" to ConfigMap "${use.name}".`
        : use.projected
          ? `List the key in the volume's items with path: ${use.key}.`
          : other
            ? `Run ${model.runPath!.path.replace(/[^/]*$/, other)} (the key "${other}"), or rename the key.`
            : `Add the key "${use.key}" to ConfigMap "${use.name}".`;
    report(
      use.keyAt,
      "value",
      `Alloy runs ${model.runPath?.path ?? use.key}, but ConfigMap "${use.name}" ${holds}: there is no such file in the container, so Alloy exits at start and the pod crash-loops. ${remedy}`,
      { related: use.at ? [use.at] : [] },
    );
  },
};
