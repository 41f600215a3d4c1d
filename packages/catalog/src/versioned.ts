/**
 * The versioned catalog's records: one record per component, config block or function for every release,
 * with facts that hold for a range of releases (not twenty copies), and their projection onto one release.
 *
 * A record is the schema of the newest release that has it, plus:
 * - `in`: the releases that have it, as inclusive ranges of indexes into the release list, flattened
 *   (`[0, 4, 7, 19]` = releases 0–4 and 7–19); left out on a child that is in every release of its parent;
 * - `was`: the facts that differed in older releases, `{ in, set, unset }` (values to set, keys to delete);
 * - `varies`: set when some child differs between the record's releases (see `generator/store-record.ts`);
 * - `clusteringIn` (components): the releases in which it takes a `clustering` block.
 * Child lists (`attributes`, `blocks`, `exports`) hold versioned records of their own.
 */
export type ReleaseRanges = readonly number[];

export interface VersionedChange {
  in: ReleaseRanges;
  set?: Record<string, unknown>;
  unset?: string[];
}

export interface VersionedRecord {
  name: string;
  in?: ReleaseRanges;
  was?: VersionedChange[];
  varies?: true;
  clusteringIn?: ReleaseRanges;
  attributes?: VersionedRecord[];
  blocks?: VersionedRecord[];
  exports?: VersionedRecord[];
  [fact: string]: unknown;
}

/** The child lists of a record, in the order a schema has them. */
export const CHILD_LISTS = ["attributes", "blocks", "exports"] as const;

/**
 * Keys of a record that are not facts of the schema it stands for (`clusteringIn`: the releases in which a
 * component's head says it takes a `clustering` block, see `generator/store-record.ts`).
 */
const NOT_FACTS = new Set<string>(["in", "was", "varies", "clusteringIn", ...CHILD_LISTS]);

export function inRanges(ranges: ReleaseRanges, release: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) if (release >= ranges[i] && release <= ranges[i + 1]) return true;
  return false;
}

/** The first release of ranges (they are sorted). */
export function firstRelease(ranges: ReleaseRanges): number {
  return ranges[0];
}

/** What {@link projectRecord} tells its visitor about each record it projects. */
export interface ProjectedRecordInfo {
  record: VersionedRecord;
  /** The releases of the record (its own `in`, else its parent's). */
  ranges: ReleaseRanges;
  /** The releases of its parent (the record's own for the root). */
  parentRanges: ReleaseRanges;
  /** The child list it is in (`attributes`, `blocks`, `exports`); undefined for the root. */
  list?: (typeof CHILD_LISTS)[number];
  /** Its parent as projected so far (facts, not yet children); undefined for the root. */
  parent?: Record<string, unknown>;
}

/**
 * The record as it is in `release`: its facts for that release, and the children that release has.
 * `visit` lets the caller add derived fields (paths, `since`) while the tree is built, before the
 * record's children are. Returns `undefined` when the record is not in that release.
 */
export function projectRecord(
  record: VersionedRecord,
  release: number,
  visit: (projected: Record<string, unknown>, info: ProjectedRecordInfo) => void,
  context: Omit<ProjectedRecordInfo, "record" | "ranges"> | undefined = undefined,
): Record<string, unknown> | undefined {
  if (record.in !== undefined && !inRanges(record.in, release)) return undefined;
  // A child that is the same in every release of its parent, and so are its children, is its own projection.
  if (context !== undefined && record.in === undefined && record.was === undefined && record.varies === undefined) return record;
  const ranges = record.in ?? context?.parentRanges ?? [];
  const { was, attributes, blocks, exports } = record;
  const projected: Record<string, unknown> = {};
  for (const key in record) if (!NOT_FACTS.has(key)) projected[key] = record[key];
  const change = was === undefined ? undefined : was.find((c) => inRanges(c.in, release));
  if (change) {
    if (change.set) Object.assign(projected, change.set);
    if (change.unset) for (const key of change.unset) delete projected[key];
  }
  visit(projected, { record, ranges, parentRanges: context?.parentRanges ?? ranges, list: context?.list, parent: context?.parent });
  projectChildren({ attributes, blocks, exports }, release, visit, ranges, projected);
  return projected;
}

/**
 * Sets on `projected` (the projection of a record in `release`, whose releases are `ranges`) the
 * projections of the record's child lists: for a record whose lists are read apart from its facts.
 */
export function projectChildren(
  lists: Pick<VersionedRecord, (typeof CHILD_LISTS)[number]>,
  release: number,
  visit: (projected: Record<string, unknown>, info: ProjectedRecordInfo) => void,
  ranges: ReleaseRanges,
  projected: Record<string, unknown>,
): void {
  const { attributes, blocks, exports } = lists;
  if (attributes) projected.attributes = projectList(attributes, release, visit, ranges, "attributes", projected);
  if (blocks) projected.blocks = projectList(blocks, release, visit, ranges, "blocks", projected);
  if (exports) projected.exports = projectList(exports, release, visit, ranges, "exports", projected);
}

/** The projections of a child list; the list itself when every child is its own projection. */
function projectList(
  records: VersionedRecord[],
  release: number,
  visit: (projected: Record<string, unknown>, info: ProjectedRecordInfo) => void,
  parentRanges: ReleaseRanges,
  list: (typeof CHILD_LISTS)[number],
  parent: Record<string, unknown>,
): Record<string, unknown>[] {
  let out: Record<string, unknown>[] | undefined;
  for (let i = 0; i < records.length; i++) {
    const item = projectRecord(records[i], release, visit, { parentRanges, list, parent });
    if (item !== records[i] && out === undefined) out = records.slice(0, i);
    if (out !== undefined && item) out.push(item);
  }
  return out ?? records;
}

/** The facts a record has in `release` (no children), or `undefined` when it is not in that release. */
export function factsAt(record: VersionedRecord, release: number): Record<string, unknown> | undefined {
  if (record.in && !inRanges(record.in, release)) return undefined;
  const change = record.was?.find((c) => inRanges(c.in, release));
  const facts: Record<string, unknown> = { ...record, ...change?.set };
  for (const key of change?.unset ?? []) delete facts[key];
  return facts;
}

/** What the generated data module says about itself and the releases it covers. */
export interface CatalogHeader {
  $comment: string;
  formatVersion: number;
  generator: { name: string; version: string };
  /** The catalogued releases, oldest first: their tag and the commit their Go source was read at. */
  releases: readonly { tag: string; commit: string }[];
  /** The release the API answers for when none is named: the newest that is not a release candidate. */
  defaultRelease: string;
  repository: string;
  docs: { repository: string; tag: string; commit: string };
}
