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

/**
 * The cycles among `nodes` and the blocks they reach: the strongly connected components of two or more
 * blocks (Tarjan's algorithm, iterative), in the order of their first member. Blocks get integer numbers
 * as they are reached, so the walk keeps its state in typed arrays: most configs have no cycle, and this
 * runs on every check of every config.
 */
function stronglyConnected(nodes: readonly BlockSymbol[], edges: Map<BlockSymbol, Set<BlockSymbol>>): BlockSymbol[][] {
  const numbers = new Map<BlockSymbol, number>();
  const reached: BlockSymbol[] = [];
  const numberOf = (node: BlockSymbol): number => {
    let n = numbers.get(node);
    if (n === undefined) {
      n = reached.length;
      numbers.set(node, n);
      reached.push(node);
    }
    return n;
  };
  let capacity = Math.max(16, nodes.length * 2);
  let index = new Int32Array(capacity).fill(-1);
  let low = new Int32Array(capacity);
  let onStack = new Uint8Array(capacity);
  const grow = (): void => {
    capacity *= 2;
    const nextIndex = new Int32Array(capacity).fill(-1);
    nextIndex.set(index);
    const nextLow = new Int32Array(capacity);
    nextLow.set(low);
    const nextOnStack = new Uint8Array(capacity);
    nextOnStack.set(onStack);
    [index, low, onStack] = [nextIndex, nextLow, nextOnStack];
  };
  const stack: number[] = [];
  // The walk's frames: a block and the iterator over the blocks it references.
  const frameNodes: number[] = [];
  const frameTargets: (Iterator<BlockSymbol> | undefined)[] = [];
  const cycles: BlockSymbol[][] = [];
  let counter = 0;
  const enter = (n: number): void => {
    if (n >= capacity) grow();
    index[n] = low[n] = counter++;
    stack.push(n);
    onStack[n] = 1;
    frameNodes.push(n);
    frameTargets.push(edges.get(reached[n])?.values());
  };
  for (const start of nodes) {
    // A block that references nothing is in no cycle: most blocks of most configs.
    if (!edges.has(start)) continue;
    const s = numberOf(start);
    if (s < capacity && index[s] !== -1) continue;
    enter(s);
    while (frameNodes.length > 0) {
      const top = frameNodes.length - 1;
      const n = frameNodes[top];
      const next = frameTargets[top]?.next();
      if (next !== undefined && !next.done) {
        const t = numberOf(next.value);
        if (t >= capacity || index[t] === -1) enter(t);
        else if (onStack[t] === 1) low[n] = Math.min(low[n], index[t]);
        continue;
      }
      frameNodes.pop();
      frameTargets.pop();
      if (frameNodes.length > 0) {
        const parent = frameNodes[frameNodes.length - 1];
        low[parent] = Math.min(low[parent], low[n]);
      }
      if (low[n] === index[n]) {
        const component: BlockSymbol[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          component.push(reached[member]);
        } while (member !== n);
        if (component.length > 1) cycles.push(component);
      }
    }
  }
  const firsts = new Map(cycles.map((c) => [c, Math.min(...c.map((s) => s.order))]));
  return cycles.sort((a, b) => firsts.get(a)! - firsts.get(b)!);
}
