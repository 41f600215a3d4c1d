import { parse as parseYaml } from "yaml";
import type { ValuesKeySchema, ValuesSchema, ValuesType } from "./values-schema.js";

/** The chart files the schema is derived from (`helm-chart/` in Alloy's docs). */
export interface ChartSources {
  readonly valuesYaml: string;
  readonly readme: string;
  readonly chartYaml: string;
}

interface MutableKey {
  type: ValuesType;
  description?: string;
  default?: string;
  open?: boolean;
  children?: Record<string, MutableKey>;
  enum?: string[];
  deprecated?: { replacement?: string; reason: string };
  aliasOf?: string;
}

interface ReadmeRow {
  readonly key: string;
  readonly type: string;
  readonly default: string;
  readonly description: string;
}

/**
 * Hand-kept facts the chart's files do not state in a readable form, each with its reason.
 * A fact that no longer applies makes the generator throw, so it cannot go stale silently.
 */
const overrides: readonly { readonly path: string; readonly reason: string; apply(key: MutableKey): void }[] = [
  {
    path: "ingress.ingressClassName",
    reason: "commented out in values.yaml but read by the ingress template",
    apply: (k) => Object.assign(k, { type: "string", description: "IngressClass of the ingress (Kubernetes >= 1.18)." }),
  },
  {
    path: "controller.autoscaling.vertical.updatePolicy",
    reason: "the README calls it a string (its default is null) but it is an object (minReplicas, updateMode)",
    apply: (k) => Object.assign(k, { type: "object", open: true }),
  },
  ...["minReplicas", "maxReplicas", "targetCPUUtilizationPercentage", "targetMemoryUtilizationPercentage", "scaleDown", "scaleUp"].map(
    (leaf) => ({
      path: `controller.autoscaling.${leaf}`,
      reason: "belongs to the deprecated controller.autoscaling.enabled HPA; controller.autoscaling.horizontal replaces it",
      apply: (k: MutableKey) => {
        k.deprecated = {
          replacement: `controller.autoscaling.horizontal.${leaf}`,
          reason: "the legacy autoscaling settings are deprecated",
        };
      },
    }),
  ),
];

/** Derives the values schema from the chart's values.yaml (keys, comments) and README table (types). */
export function generateValuesSchema(sources: ChartSources): ValuesSchema {
  const chart = parseYaml(sources.chartYaml) as { name: string; version: string; appVersion: string };
  const values = parseYaml(sources.valuesYaml) as Record<string, unknown>;
  const rows = readReadmeTable(sources.readme);
  const root: MutableKey = { type: "object", children: {} };

  const documentedParents = new Set<string>();
  for (const row of rows) {
    const parts = row.key.replace(/\[\d+\].*$/, "").split(".");
    for (let i = 1; i < parts.length; i++) documentedParents.add(parts.slice(0, i).join("."));
  }
  for (const row of rows) {
    const itemRow = /\[\d+\]/.test(row.key);
    const path = row.key.replace(/\[\d+\].*$/, "");
    const key = ensurePath(root, path.split("."));
    if (itemRow) {
      key.type = "list";
      continue;
    }
    key.type = readmeType(row);
    if (row.description) key.description = row.description;
    key.default = row.default.replace(/^`|`$/g, "");
    if (key.type === "object" && !documentedParents.has(path)) key.open = true;
    const choices = /Must be (?:one of|either) ([^.]+)\./.exec(row.description);
    if (choices) key.enum = [...choices[1].matchAll(/['"]([\w-]+)['"]/g)].map((m) => m[1]);
    const deprecated = /Deprecated: Please use ([\w.]+) instead/.exec(row.description);
    if (deprecated) {
      const leaf = path.split(".").at(-1)!;
      key.deprecated = { replacement: `${deprecated[1]}.${leaf}`, reason: "deprecated by the chart" };
    }
  }
  addUndocumentedKeys(root, values, []);

  for (const override of overrides) {
    const parts = override.path.split(".");
    const parent = parts.length > 1 ? lookup(root, parts.slice(0, -1)) : root;
    if (!parent) throw new Error(`values schema override ${override.path}: parent key not found (${override.reason})`);
    override.apply(ensurePath(root, parts));
  }
  // The chart still reads the grafana-agent chart's `agent` key in place of `alloy`.
  const alloy = root.children!.alloy;
  if (!alloy || !/may also be called "agent"/.test(sources.valuesYaml)) {
    throw new Error('values schema: the "agent" alias of "alloy" is no longer documented in values.yaml');
  }
  // Its keys are those of `alloy`: the data names the sibling instead of repeating them (`resolveAliases`).
  root.children!.agent = {
    type: alloy.type,
    description: 'Deprecated alias of "alloy" kept from the grafana-agent chart.',
    deprecated: { replacement: "alloy", reason: 'naming this field "agent" is deprecated' },
    aliasOf: "alloy",
  };

  return {
    $comment: `Generated from the grafana/alloy Helm chart ${chart.version} (values.yaml, README.md) by packages/deployment/src/schema/generate-values-schema.ts — do not edit.`,
    chart: { name: chart.name, version: chart.version, appVersion: chart.appVersion },
    root: sortKeys(root),
  };
}

/** The generated TypeScript module holding the schema. */
export function renderValuesSchemaModule(schema: ValuesSchema): string {
  return [
    `// ${schema.$comment}`,
    "// Regenerate: npx tsc -b packages/deployment && node packages/deployment/dist/schema/generate-cli.js",
    'import { resolveAliases, type ValuesSchema } from "./values-schema.js";',
    "",
    `export const chartValuesSchema: ValuesSchema = resolveAliases(${JSON.stringify(schema, null, 2)});`,
    "",
  ].join("\n");
}

function readReadmeTable(readme: string): ReadmeRow[] {
  const start = readme.indexOf("| Key | Type | Default | Description |");
  if (start < 0) throw new Error("values schema: the README has no values table");
  const rows: ReadmeRow[] = [];
  for (const line of readme.slice(start).split("\n").slice(2)) {
    if (!line.startsWith("|")) break;
    const cells = line.slice(1, line.endsWith("|") ? -1 : undefined).split(" | ").map((c) => c.trim());
    if (cells.length < 4) throw new Error(`values schema: unreadable README row: ${line}`);
    const [key, type, def, ...description] = cells;
    rows.push({ key, type, default: def, description: description.join(" | ") });
  }
  return rows;
}

function readmeType(row: ReadmeRow): ValuesType {
  // helm-docs calls every null default a string; such keys take numbers too (terminationGracePeriodSeconds).
  if (row.default === "`nil`") return "any";
  switch (row.type) {
    case "bool":
    case "string":
    case "int":
    case "list":
    case "object":
      return row.type;
    default:
      throw new Error(`values schema: unknown README type ${row.type} for ${row.key}`);
  }
}

function valueType(value: unknown): ValuesType {
  if (value === null || value === undefined) return "any";
  if (Array.isArray(value)) return "list";
  switch (typeof value) {
    case "boolean":
      return "bool";
    case "number":
      return "int";
    case "string":
      return "string";
    default:
      return "object";
  }
}

function addUndocumentedKeys(key: MutableKey, value: unknown, path: string[]): void {
  if (key.open || key.type === "list" || value === null || typeof value !== "object" || Array.isArray(value)) return;
  for (const [name, child] of Object.entries(value as Record<string, unknown>)) {
    const existing = key.children?.[name];
    if (existing) {
      addUndocumentedKeys(existing, child, [...path, name]);
      continue;
    }
    const added = ensurePath(key, [name]);
    added.type = valueType(child);
    if (added.type === "object" && Object.keys(child as object).length === 0) added.open = true;
    addUndocumentedKeys(added, child, [...path, name]);
  }
}

function ensurePath(root: MutableKey, parts: readonly string[]): MutableKey {
  let node = root;
  for (const part of parts) {
    node.children ??= {};
    node = node.children[part] ??= { type: "object" };
  }
  return node;
}

function lookup(root: MutableKey, parts: readonly string[]): MutableKey | undefined {
  let node: MutableKey | undefined = root;
  for (const part of parts) node = node?.children?.[part];
  return node;
}

function sortKeys(key: MutableKey): ValuesKeySchema {
  const { children, ...rest } = key;
  if (!children) return rest;
  const sorted: Record<string, ValuesKeySchema> = {};
  for (const name of Object.keys(children).sort()) sorted[name] = sortKeys(children[name]);
  return { ...rest, children: sorted };
}
