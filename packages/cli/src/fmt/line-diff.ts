/**
 * Line diffs in about linear time: patience diff (lines that occur once on each side are matched along their
 * longest increasing run, then the gaps between them are diffed the same way). A gap without such lines is
 * anchored on the lines that occur as often on each side (the n-th occurrence with the n-th: a config of many
 * alike blocks keeps its `}` lines), and a gap without those gets Myers' algorithm, bounded: one whose diff would
 * cost more than {@link MYERS_BUDGET} steps is taken as all removed and all added. A formatter changes many lines
 * but keeps their order, so the result is the minimal diff in practice, without Myers' quadratic time on
 * thousands of changed lines.
 */

/** One run of the diff: lines kept (`=`), removed from the old text (`-`) or added from the new one (`+`). */
export interface DiffRun {
  readonly kind: "=" | "-" | "+";
  /** Index of the run's first line in the old text (`=`, `-`) or the new one (`+`). */
  readonly start: number;
  readonly count: number;
}

/** How deep gaps within gaps are diffed; deeper ones (only contrived texts get there) are taken as replaced. */
const MAX_DEPTH = 500;

/** Steps Myers' algorithm may take on one gap: (lines of the gap) × (edits) — about a millisecond's work. */
const MYERS_BUDGET = 2_000_000;

/** The runs turning `before` into `after`, in order; removals come before additions where both replace lines. */
export function diffLines(before: readonly string[], after: readonly string[]): DiffRun[] {
  // Lines as numbers: equal texts get equal ids, so comparisons and hashing are cheap.
  const ids = new Map<string, number>();
  const idOf = (line: string): number => {
    let id = ids.get(line);
    if (id === undefined) ids.set(line, (id = ids.size));
    return id;
  };
  const a = Int32Array.from(before, idOf);
  const b = Int32Array.from(after, idOf);
  const differ = new LineDiffer(a, b);
  differ.diffRange({ aLo: 0, aHi: a.length, bLo: 0, bHi: b.length }, 0);
  return differ.runs.runs;
}

/** A part of each text still to diff: lines `aLo..aHi` of the old one and `bLo..bHi` of the new one. */
interface Gap {
  aLo: number;
  aHi: number;
  bLo: number;
  bHi: number;
}

/** Collects runs, joining a run with the previous one of its kind. */
class RunList {
  readonly runs: DiffRun[] = [];

  push(kind: DiffRun["kind"], start: number, count: number): void {
    if (count === 0) return;
    const last = this.runs[this.runs.length - 1];
    if (last !== undefined && last.kind === kind && last.start + last.count === start) {
      this.runs[this.runs.length - 1] = { kind, start: last.start, count: last.count + count };
    } else {
      this.runs.push({ kind, start, count });
    }
  }
}

/** The diff of two texts (lines as ids), gap by gap. */
class LineDiffer {
  readonly runs = new RunList();

  constructor(
    private readonly a: Int32Array,
    private readonly b: Int32Array,
  ) {}

  diffRange(gap: Gap, depth: number): void {
    const { a, b, runs } = this;
    let { aLo, aHi, bLo, bHi } = gap;
    // Common prefix and suffix.
    let prefix = 0;
    while (aLo + prefix < aHi && bLo + prefix < bHi && a[aLo + prefix] === b[bLo + prefix]) prefix++;
    runs.push("=", aLo, prefix);
    aLo += prefix;
    bLo += prefix;
    let suffix = 0;
    while (aHi - suffix > aLo && bHi - suffix > bLo && a[aHi - suffix - 1] === b[bHi - suffix - 1]) suffix++;
    aHi -= suffix;
    bHi -= suffix;
    const inner = { aLo, aHi, bLo, bHi };

    if (aLo === aHi || bLo === bHi || depth > MAX_DEPTH) {
      this.replaced(inner);
    } else {
      let anchors = this.commonLines(inner, true);
      if (anchors.length === 0) anchors = this.commonLines(inner, false);
      if (anchors.length > 0) {
        let ai = aLo;
        let bi = bLo;
        for (const [aAt, bAt] of anchors) {
          this.diffRange({ aLo: ai, aHi: aAt, bLo: bi, bHi: bAt }, depth + 1);
          runs.push("=", aAt, 1);
          ai = aAt + 1;
          bi = bAt + 1;
        }
        this.diffRange({ aLo: ai, aHi, bLo: bi, bHi }, depth + 1);
      } else if (!this.myers(inner)) {
        this.replaced(inner);
      }
    }
    runs.push("=", aHi, suffix);
  }

  /** The whole gap as removed, then added. */
  private replaced({ aLo, aHi, bLo, bHi }: Gap): void {
    this.runs.push("-", aLo, aHi - aLo);
    this.runs.push("+", bLo, bHi - bLo);
  }

  /**
   * Lines common to both ranges as `[indexInA, indexInB]` pairs, along the longest run whose positions increase on
   * both sides (patience sorting): with `unique`, the lines that occur exactly once in each range; otherwise those
   * that occur as many times in each, the n-th occurrence paired with the n-th.
   */
  private commonLines({ aLo, aHi, bLo, bHi }: Gap, unique: boolean): [number, number][] {
    const { a, b } = this;
    const countInA = new Map<number, number>();
    for (let i = aLo; i < aHi; i++) countInA.set(a[i], (countInA.get(a[i]) ?? 0) + 1);
    const countInB = new Map<number, number>();
    for (let j = bLo; j < bHi; j++) {
      if (countInA.has(b[j])) countInB.set(b[j], (countInB.get(b[j]) ?? 0) + 1);
    }
    const paired = (id: number): boolean => {
      const count = countInB.get(id);
      return count !== undefined && count === countInA.get(id) && (!unique || count === 1);
    };
    // The positions in `b` of each paired line, in order, taken one by one as the same line comes in `a`.
    const positionsInB = new Map<number, number[]>();
    for (let j = bLo; j < bHi; j++) {
      if (!paired(b[j])) continue;
      const positions = positionsInB.get(b[j]);
      if (positions === undefined) positionsInB.set(b[j], [j]);
      else positions.push(j);
    }
    const taken = new Map<number, number>();
    const pairs: [number, number][] = [];
    for (let i = aLo; i < aHi; i++) {
      const positions = positionsInB.get(a[i]);
      if (positions === undefined) continue;
      const n = taken.get(a[i]) ?? 0;
      taken.set(a[i], n + 1);
      pairs.push([i, positions[n]]);
    }
    if (pairs.length === 0) return pairs;
    // Longest increasing subsequence of the `b` positions (pairs are in `a` order), in O(n log n).
    const tails: number[] = [];
    const previous = new Int32Array(pairs.length);
    for (let k = 0; k < pairs.length; k++) {
      const j = pairs[k][1];
      let lo = 0;
      let hi = tails.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (pairs[tails[mid]][1] < j) lo = mid + 1;
        else hi = mid;
      }
      previous[k] = lo > 0 ? tails[lo - 1] : -1;
      tails[lo] = k;
    }
    const result: [number, number][] = new Array(tails.length);
    for (let k = tails[tails.length - 1], n = tails.length - 1; k >= 0; k = previous[k], n--) result[n] = pairs[k];
    return result;
  }

  /**
   * Myers' O((N+M)·D) diff of two ranges that share no first or last line; false (nothing pushed) when it would
   * take more than {@link MYERS_BUDGET} steps.
   */
  private myers({ aLo, aHi, bLo, bHi }: Gap): boolean {
    const { a, b, runs } = this;
    const n = aHi - aLo;
    const m = bHi - bLo;
    const maxD = Math.min(n + m, Math.floor(MYERS_BUDGET / (n + m)));
    const offset = maxD + 1;
    const v = new Int32Array(2 * maxD + 3);
    /** The furthest x on each diagonal after each number of edits, to walk the path back. */
    const trace: Int32Array[] = [];
    for (let d = 0; d <= maxD; d++) {
      trace.push(v.slice(offset - d - 1, offset + d + 2));
      for (let k = -d; k <= d; k += 2) {
        let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
        let y = x - k;
        while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
          x++;
          y++;
        }
        v[offset + k] = x;
        if (x >= n && y >= m) {
          pushPath(trace, d, n, m, aLo, bLo, runs);
          return true;
        }
      }
    }
    return false;
  }
}

/** Walks the path found by {@link LineDiffer.myers} back from its end and pushes its runs in order. */
function pushPath(trace: Int32Array[], dEnd: number, n: number, m: number, aLo: number, bLo: number, runs: RunList): void {
  // Steps from the end back: each is a diagonal stretch then one edit.
  const steps: { kind: "-" | "+"; x: number; y: number; snakeFrom: number; snakeTo: number }[] = [];
  let x = n;
  let y = m;
  for (let d = dEnd; d > 0; d--) {
    const saved = trace[d]; // v before step d: index k + d + 1 holds diagonal k
    const at = (k: number): number => saved[k + d + 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    const startX = down ? previousX : previousX + 1;
    steps.push({ kind: down ? "+" : "-", x: previousX, y: previousY, snakeFrom: startX, snakeTo: x });
    x = previousX;
    y = previousY;
  }
  // Here (x, y) is the end of the first diagonal stretch, from (0, 0).
  runs.push("=", aLo, x);
  for (let s = steps.length - 1; s >= 0; s--) {
    const step = steps[s];
    if (step.kind === "-") runs.push("-", aLo + step.x, 1);
    else runs.push("+", bLo + step.y, 1);
    runs.push("=", aLo + step.snakeFrom, step.snakeTo - step.snakeFrom);
  }
}
