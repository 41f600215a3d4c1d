import type { SemanticModel } from "./model.js";

/**
 * A value derived from a semantic model (an index, a cache the rules share), computed at most once per
 * model by {@link derivedValue}. The values are kept on the model object itself, so they become garbage
 * together with it. A module-level `WeakMap` keyed by the model would do the same in principle, but V8's
 * young-generation collector keeps a WeakMap's values alive while their key is young: in the language
 * server every edit's caches then survived into the old generation until the next full collection
 * (several MB every few edits on a large config), which made those collections slow.
 */
export interface Derived<T> {
  readonly compute: (model: SemanticModel) => T;
}

export function derived<T>(compute: (model: SemanticModel) => T): Derived<T> {
  return { compute };
}

const VALUES: unique symbol = Symbol("derived values");
type WithValues = SemanticModel & { [VALUES]?: Map<Derived<unknown>, unknown> };

/** The value of `derivation` for `model`: computed on the first call, the same value afterwards. */
export function derivedValue<T>(model: SemanticModel, derivation: Derived<T>): T {
  const holder = model as WithValues;
  let values = holder[VALUES];
  if (!values) {
    values = new Map();
    holder[VALUES] = values;
  }
  if (values.has(derivation)) return values.get(derivation) as T;
  const value = derivation.compute(model);
  values.set(derivation, value);
  return value;
}
