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
}

/** The values schema of the `grafana/alloy` chart (generated: `chart-values-schema.generated.ts`). */
export interface ValuesSchema {
  readonly $comment: string;
  readonly chart: { readonly name: string; readonly version: string; readonly appVersion: string };
  readonly root: ValuesKeySchema;
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
