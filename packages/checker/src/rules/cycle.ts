import type { BlockSymbol, ModuleScope } from "../model.js";
import { headerRange } from "../ranges.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  id: "check/cycle",
  severity: "error",
  alloy: true,
  description: "Blocks of a module that reference each other in a cycle, or a block that references itself.",
  check({ model, report }) {
    const edges = new Map<BlockSymbol, Set<BlockSymbol>>();
    const selfReferences = new Set<BlockSymbol>();
    for (const reference of model.references) {
      if (reference.kind !== "node" || !reference.target || reference.inForeach) continue;
      if (reference.target === reference.from) {
        selfReferences.add(reference.from);
        continue;
      }
      let set = edges.get(reference.from);
      if (!set) edges.set(reference.from, (set = new Set()));
      set.add(reference.target);
    }
    const scopes = new Map<ModuleScope, BlockSymbol[]>();
    for (const symbol of model.symbols) {
      const list = scopes.get(symbol.scope);
      if (list) list.push(symbol);
      else scopes.set(symbol.scope, [symbol]);
    }
    for (const [scope, symbols] of scopes) {
      let rank = 0;
      for (const component of stronglyConnected(symbols, edges)) {
        if (component.length < 2) continue;
        const sorted = [...component].sort((a, b) => (a.id > b.id ? 1 : -1));
        const names = sorted.map((s) => s.id).join(", ");
        for (const symbol of sorted) {
          report({
            message: `cycle detected: ${names}`,
            document: symbol.document,
            range: headerRange(symbol),
            order: scope.endOrder,
            phase: "node",
            rank: rank++,
            related: sorted
              .filter((s) => s !== symbol)
              .map((s) => ({ file: s.document.filename, range: headerRange(s), message: `${s.id} is part of the cycle` })),
          });
        }
      }
      for (const symbol of symbols) {
        if (!selfReferences.has(symbol)) continue;
        report({
          message: "cannot reference self",
          document: symbol.document,
          range: headerRange(symbol),
          order: scope.endOrder,
          phase: "node",
          rank: rank++,
        });
      }
    }
  },
};

/** Tarjan's algorithm, iterative; components in the order of their first member. */
function stronglyConnected(nodes: readonly BlockSymbol[], edges: Map<BlockSymbol, Set<BlockSymbol>>): BlockSymbol[][] {
  const index = new Map<BlockSymbol, number>();
  const low = new Map<BlockSymbol, number>();
  const onStack = new Set<BlockSymbol>();
  const stack: BlockSymbol[] = [];
  const result: BlockSymbol[][] = [];
  let counter = 0;
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: { node: BlockSymbol; targets: BlockSymbol[]; i: number }[] = [];
    const push = (node: BlockSymbol) => {
      index.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
      work.push({ node, targets: [...(edges.get(node) ?? [])], i: 0 });
    };
    push(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame.i < frame.targets.length) {
        const target = frame.targets[frame.i++];
        if (!index.has(target)) push(target);
        else if (onStack.has(target)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: BlockSymbol[] = [];
        let member: BlockSymbol;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        result.push(component);
      }
    }
  }
  const first = (c: BlockSymbol[]) => Math.min(...c.map((s) => s.order));
  return result.sort((a, b) => first(a) - first(b));
}
