import type { BlockSymbol, ModuleScope, SemanticModel } from "../model.js";
import { addToGroup } from "../group.js";
import { headerRange } from "../ranges.js";
import type { Rule } from "../rule.js";

/** How many members of a cycle each of its diagnostics names at most. */
const CYCLE_MEMBERS_NAMED = 50;
/**
 * How many other members each of its diagnostics points to as related information at most: every diagnostic
 * of a cycle of thousands relating 50 others made the language server publish hundreds of MB.
 */
const CYCLE_MEMBERS_RELATED = 10;

export const rule: Rule = {
  id: "check/cycle",
  severity: "error",
  alloy: true,
  description: "Blocks of a module that reference each other in a cycle, or a block that references itself.",
  check({ model, report }) {
    const graph = referenceGraph(model);
    for (const [scope, symbols] of symbolsByScope(model)) {
      let rank = 0;
      for (const cycle of cycles(graph, symbols)) {
        const sorted = [...cycle].sort((a, b) => (a.id > b.id ? 1 : -1));
        // Like Alloy, one diagnostic per member, each naming the members: all of them up to CYCLE_MEMBERS_NAMED,
        // so that a cycle of thousands of components gives output that grows with it, not with its square
        // (a cycle of 30,000 made alloylint run out of memory), and relating up to CYCLE_MEMBERS_RELATED.
        const shown = sorted.slice(0, CYCLE_MEMBERS_NAMED).map((s) => s.id).join(", ");
        const names = sorted.length > CYCLE_MEMBERS_NAMED ? `${shown} and ${sorted.length - CYCLE_MEMBERS_NAMED} more` : shown;
        const relatable = sorted.slice(0, CYCLE_MEMBERS_RELATED + 1);
        const relatedOf = relatable.map((s) => ({ file: s.document.filename, range: headerRange(s), message: `${s.id} is part of the cycle` }));
        for (const symbol of sorted) {
          report({
            message: `cycle detected: ${names}`,
            document: symbol.document,
            range: headerRange(symbol),
            order: scope.endOrder,
            phase: "node",
            rank: rank++,
            related: relatedOf.filter((_, k) => relatable[k] !== symbol).slice(0, CYCLE_MEMBERS_RELATED),
          });
        }
      }
      for (const symbol of symbols) {
        if (graph.selfReference[symbol.order] !== 1) continue;
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

/** The model's blocks by scope, the scopes in the order of their first block (one pass: a config may have thousands of scopes). */
function symbolsByScope(model: SemanticModel): Map<ModuleScope, BlockSymbol[]> {
  const byScope = new Map<ModuleScope, BlockSymbol[]>();
  for (const symbol of model.symbols) addToGroup(byScope, symbol.scope, symbol);
  return byScope;
}

/**
 * Which block references which, by the blocks' `order` (unique per block): the targets of block `n` are
 * `targets[start[n]]` up to `targets[start[n + 1]]`. References inside a foreach template, and those of a
 * block to itself (`selfReference`), are no edges. This runs on every check of every config, and most
 * configs have no cycle: the graph and the walk below live in typed arrays, not in maps and sets.
 */
interface ReferenceGraph {
  readonly symbolAt: (BlockSymbol | undefined)[];
  readonly start: Int32Array;
  readonly targets: Int32Array;
  readonly selfReference: Uint8Array;
}

function referenceGraph(model: SemanticModel): ReferenceGraph {
  let size = 0;
  for (const symbol of model.symbols) size = Math.max(size, symbol.order + 1);
  const symbolAt: (BlockSymbol | undefined)[] = new Array(size).fill(undefined);
  for (const symbol of model.symbols) symbolAt[symbol.order] = symbol;
  const start = new Int32Array(size + 1);
  const selfReference = new Uint8Array(size);
  /** The block a reference counts as leading to, if it does (a reference to itself is no edge). */
  const targetOf = (reference: SemanticModel["references"][number]): BlockSymbol | undefined =>
    reference.kind === "node" && !reference.inForeach ? reference.target : undefined;
  // Every target is a block of the model; the check keeps a target the graph has no number for out of it.
  const isEdge = (reference: SemanticModel["references"][number]): boolean => {
    const target = targetOf(reference);
    return target !== undefined && target !== reference.from && symbolAt[target.order] === target;
  };
  for (const reference of model.references) {
    if (targetOf(reference) === reference.from) selfReference[reference.from.order] = 1;
    else if (isEdge(reference)) start[reference.from.order + 1]++;
  }
  for (let n = 0; n < size; n++) start[n + 1] += start[n];
  const targets = new Int32Array(start[size]);
  const fill = start.slice(0, size);
  for (const reference of model.references) {
    if (isEdge(reference)) targets[fill[reference.from.order]++] = reference.target!.order;
  }
  return { symbolAt, start, targets, selfReference };
}

/**
 * The cycles among `symbols` and the blocks they reach: the strongly connected components of two or more
 * blocks (Tarjan's algorithm, iterative), in the order of their first block.
 */
function cycles(graph: ReferenceGraph, symbols: readonly BlockSymbol[]): BlockSymbol[][] {
  const { symbolAt, start, targets } = graph;
  // Each block enters the walk at most once, so every stack below fits in `size` entries.
  const { index, low, onStack, visited, stack, frameNode, frameNext } = walkState(symbolAt.length);
  let visitedCount = 0;
  let stackTop = 0;
  let depth = 0;
  const found: BlockSymbol[][] = [];
  let counter = 0;
  const enter = (n: number): void => {
    index[n] = low[n] = counter++;
    visited[visitedCount++] = n;
    stack[stackTop++] = n;
    onStack[n] = 1;
    frameNode[depth] = n;
    frameNext[depth++] = start[n];
  };
  for (const symbol of symbols) {
    const first = symbol.order;
    // A block that references nothing is in no cycle: most blocks of most configs.
    if (index[first] !== -1 || start[first] === start[first + 1]) continue;
    enter(first);
    while (depth > 0) {
      const n = frameNode[depth - 1];
      if (frameNext[depth - 1] < start[n + 1]) {
        const t = targets[frameNext[depth - 1]++];
        if (index[t] === -1) enter(t);
        else if (onStack[t] === 1) low[n] = Math.min(low[n], index[t]);
        continue;
      }
      depth--;
      if (depth > 0) {
        const parent = frameNode[depth - 1];
        low[parent] = Math.min(low[parent], low[n]);
      }
      if (low[n] === index[n] && stack[stackTop - 1] === n) {
        // A component of one block: no cycle.
        onStack[n] = 0;
        stackTop--;
      } else if (low[n] === index[n]) {
        const component: BlockSymbol[] = [];
        let member: number;
        do {
          member = stack[--stackTop];
          onStack[member] = 0;
          component.push(symbolAt[member]!);
        } while (member !== n);
        found.push(component);
      }
    }
  }
  for (let k = 0; k < visitedCount; k++) index[visited[k]] = -1;
  const firstOrder = (cycle: BlockSymbol[]): number => Math.min(...cycle.map((s) => s.order));
  return found.map((cycle) => ({ cycle, first: firstOrder(cycle) })).sort((a, b) => a.first - b.first).map((c) => c.cycle);
}

/**
 * The arrays of Tarjan's walk, for blocks numbered below `size`: kept from one check to the next (grown when
 * a config has more blocks), with `index` all -1 (unvisited) between walks; the others are written before
 * they are read.
 */
let state = walkArrays(0);

function walkArrays(capacity: number) {
  return {
    index: new Int32Array(capacity).fill(-1),
    low: new Int32Array(capacity),
    onStack: new Uint8Array(capacity),
    visited: new Int32Array(capacity),
    stack: new Int32Array(capacity),
    frameNode: new Int32Array(capacity),
    frameNext: new Int32Array(capacity),
  };
}

function walkState(size: number): typeof state {
  if (state.index.length < size) state = walkArrays(Math.max(size, state.index.length * 2));
  return state;
}
