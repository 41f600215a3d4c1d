/** Two rows of the distance matrix, reused across calls (suggestions run thousands of times on big files). */
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/** Levenshtein distance, bounded: returns `max + 1` as soon as the distance exceeds `max`. */
export function editDistance(a: string, b: string, max = Number.MAX_SAFE_INTEGER): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (previousRow.length <= b.length) {
    previousRow = new Int32Array(b.length + 1);
    currentRow = new Int32Array(b.length + 1);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = code === b.charCodeAt(j - 1) ? 0 : 1;
      let value = previous[j] + 1;
      if (current[j - 1] + 1 < value) value = current[j - 1] + 1;
      if (previous[j - 1] + cost < value) value = previous[j - 1] + cost;
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous[b.length];
}

/**
 * Suggestions already found, per list of candidates (the catalog's names, a schema's attribute names: lists
 * made once and passed again and again), so that checking a config again after an edit does not measure the
 * same unknown names against the same candidates again. Dropped with their list; at most
 * {@link MAX_REMEMBERED} names per list.
 */
const remembered = new WeakMap<readonly string[], Map<string, string | undefined>>();
const MAX_REMEMBERED = 10_000;

/**
 * The candidate closest to `name` for a "did you mean" suggestion, or `undefined` when none is close:
 * at most a third of the name's length in edits (at least 1, at most 3), or a case-only difference.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  if (!Array.isArray(candidates)) return closestOf(name, candidates);
  const list = candidates as readonly string[];
  let known = remembered.get(list);
  if (known === undefined) remembered.set(list, (known = new Map()));
  if (known.has(name)) return known.get(name);
  const found = closestOf(name, list);
  if (known.size >= MAX_REMEMBERED) known.clear();
  known.set(name, found);
  return found;
}

function closestOf(name: string, candidates: Iterable<string>): string | undefined {
  const max = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = max + 1;
  const lower = name.toLowerCase();
  for (const candidate of candidates) {
    if (candidate === name) continue;
    if (candidate.toLowerCase() === lower) return candidate;
    const distance = editDistance(name, candidate, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

export function didYouMean(suggestion: string | undefined): string | undefined {
  return suggestion === undefined ? undefined : `did you mean "${suggestion}"?`;
}

const namesOfLists = new WeakMap<readonly { readonly name: string }[], readonly string[]>();

/**
 * The names of a list of named things (a schema's attributes or blocks), one array per list: passed to
 * {@link closestName}, its suggestions are remembered from one check to the next.
 */
export function namesOf(items: readonly { readonly name: string }[]): readonly string[] {
  let names = namesOfLists.get(items);
  if (names === undefined) namesOfLists.set(items, (names = items.map((item) => item.name)));
  return names;
}
