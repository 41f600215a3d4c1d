/** The type of a values key, as the chart's README table states it (`any` where it cannot tell). */
export type ValuesType = "string" | "int" | "bool" | "list" | "object" | "any";

/** One key of the chart's values. */
export interface ValuesKeySchema {
  readonly type: ValuesType;
  readonly description?: string;
  /** The chart's default, as the README prints it. */
  readonly default?: string;
  /** A free-form object (labels, resources, security contexts…): any keys are accepted below it. */
  readonly open?: boolean;
  readonly children?: Readonly<Record<string, ValuesKeySchema>>;
  /** Values the chart accepts, when its documentation lists them. */
  readonly enum?: readonly string[];
  readonly deprecated?: { readonly replacement?: string; readonly reason: string };
  /** This key takes the same keys as its sibling of that name (the generated data lists them once). */
  readonly aliasOf?: string;
}

/** The values schema of the `grafana/alloy` chart (generated: `chart-values-schema.generated.ts`). */
export interface ValuesSchema {
  readonly $comment: string;
  readonly chart: { readonly name: string; readonly version: string; readonly appVersion: string };
  readonly root: ValuesKeySchema;
}

/** The schema with every `aliasOf` key given the children of the sibling it names. */
export function resolveAliases(schema: ValuesSchema): ValuesSchema {
  const resolve = (key: ValuesKeySchema): ValuesKeySchema => {
    if (!key.children) return key;
    const children: Record<string, ValuesKeySchema> = {};
    for (const [name, child] of Object.entries(key.children)) children[name] = resolve(child);
    for (const [name, child] of Object.entries(children)) {
      if (child.aliasOf) children[name] = { ...child, children: children[child.aliasOf]?.children };
    }
    return { ...key, children };
  };
  return { ...schema, root: resolve(schema.root) };
}

/** The schema of a dotted key path, or `undefined` when the chart has no such key. */
export function schemaAt(schema: ValuesSchema, path: readonly string[]): ValuesKeySchema | undefined {
  let node: ValuesKeySchema | undefined = schema.root;
  for (const part of path) {
    if (node?.open) return { type: "any", open: true };
    node = node?.children?.[part];
  }
  return node;
}
