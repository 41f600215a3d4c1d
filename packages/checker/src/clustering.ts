import { listComponents, type ComponentSchema } from "@alloy-toolkit/catalog";
import type { Block, Expression } from "@alloy-toolkit/parser";
import { derived, derivedValue } from "./derived.js";
import { addToGroup } from "./group.js";
import type { BlockSymbol, Reference, SemanticModel } from "./model.js";

/** Names of the components that accept a `clustering` block. */
export function clusteringComponents(model: SemanticModel): string[] {
  return listComponents({ version: model.options.alloyVersion })
    .filter((c) => c.clustering)
    .map((c) => c.name);
}

/** The `clustering` block of a component that supports clustering, when it is enabled (or may be). */
export function enabledClusteringBlock(symbol: BlockSymbol): Block | undefined {
  if (symbol.kind !== "component" || !(symbol.schema as ComponentSchema | undefined)?.clustering) return undefined;
  const block = symbol.block.body.find((s): s is Block => s.kind === "Block" && s.name === "clustering");
  if (!block) return undefined;
  const enabled = block.body.find((s) => s.kind === "Attribute" && s.name.name === "enabled");
  if (enabled?.kind === "Attribute" && enabled.value.kind === "BoolLiteral" && !enabled.value.value) return undefined;
  return block;
}

/** An upstream component reached from a clustered component's `targets`, with the reference that leads to it. */
export interface Upstream {
  readonly symbol: BlockSymbol;
  /** The reference in the clustered component's `targets` this component was reached through. */
  readonly via: Reference;
}

/**
 * Every component feeding the `targets` of a component, transitively through any of their arguments
 * (`discovery.relabel` → `discovery.kubernetes` …).
 */
export function upstreamOfTargets(model: SemanticModel, symbol: BlockSymbol): readonly Upstream[] {
  const cache = derivedValue(model, upstreamCache);
  let result = cache.get(symbol);
  if (!result) cache.set(symbol, (result = findUpstream(model, symbol)));
  return result;
}

/** Both clustering rules walk the same components' upstream: once per model and component. */
const upstreamCache = derived(() => new Map<BlockSymbol, readonly Upstream[]>());

function findUpstream(model: SemanticModel, symbol: BlockSymbol): Upstream[] {
  const referencesFrom = referencesBySource(model);
  const result: Upstream[] = [];
  const seen = new Set<BlockSymbol>([symbol]);
  const queue: Upstream[] = [];
  for (const reference of referencesFrom.get(symbol) ?? []) {
    if (reference.attributePath[0] !== "targets" || !reference.target || seen.has(reference.target)) continue;
    seen.add(reference.target);
    queue.push({ symbol: reference.target, via: reference });
  }
  for (let next = 0; next < queue.length; next++) {
    const item = queue[next];
    result.push(item);
    for (const reference of referencesFrom.get(item.symbol) ?? []) {
      if (!reference.target || seen.has(reference.target)) continue;
      seen.add(reference.target);
      queue.push({ symbol: reference.target, via: item.via });
    }
  }
  return result;
}

/** The references each symbol makes (once per model). */
export function referencesBySource(model: SemanticModel): ReadonlyMap<BlockSymbol, readonly Reference[]> {
  return derivedValue(model, bySource);
}

const bySource = derived((model) => {
  const map = new Map<BlockSymbol, Reference[]>();
  for (const reference of model.references) addToGroup(map, reference.from, reference);
  return map;
});

/** Whether an expression mentions a node-name field selector (`spec.nodeName=`). */
export function mentionsNodeNameSelector(text: string, expression: Expression): boolean {
  return /spec\.nodeName\s*=/.test(text.slice(expression.range.start.offset, expression.range.end.offset));
}
