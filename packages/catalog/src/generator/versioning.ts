import type { ReleaseRanges, VersionedChange, VersionedRecord } from "../versioned.js";

const CHILD_LISTS = ["attributes", "blocks", "exports"] as const;

/**
 * Fields of the release schemas that the versioned records do not store, because the runtime derives them
 * when it projects a record onto a release: a block's `path`, a component's `status` and `clustering`.
 */
const DERIVED = new Set(["path", "status", "clustering"]);

type Item = Record<string, unknown> & { name: string };

/** Inclusive ranges of the sorted release indexes, flattened. */
export function toRanges(releases: readonly number[]): number[] {
  const ranges: number[] = [];
  for (const release of releases) {
    if (ranges.length > 0 && ranges[ranges.length - 1] === release - 1) ranges[ranges.length - 1] = release;
    else ranges.push(release, release);
  }
  return ranges;
}

function sameRanges(a: ReleaseRanges, b: ReleaseRanges): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * One versioned record from the same entity in several releases (`versions`, oldest first, each with its
 * release index): the newest release's facts, the older facts that differ as `was` entries, children
 * merged by name recursively. `parentReleases` are the releases of the parent: a child in all of them
 * gets no `in`.
 */
export function versionRecord(versions: { release: number; item: Item }[], parentReleases?: readonly number[]): VersionedRecord {
  const releases = versions.map((v) => v.release);
  const newest = versions[versions.length - 1].item;
  const record: VersionedRecord = { name: newest.name };
  const ranges = toRanges(releases);
  if (!parentReleases || !sameRanges(ranges, toRanges(parentReleases))) record.in = ranges;
  const factKeys = (item: Item) => Object.keys(item).filter((k) => !DERIVED.has(k) && !(CHILD_LISTS as readonly string[]).includes(k));
  for (const key of factKeys(newest)) record[key] = newest[key];
  const changes = new Map<string, { releases: number[]; set: Record<string, unknown>; unset: string[] }>();
  for (const { release, item } of versions.slice(0, -1)) {
    const set: Record<string, unknown> = {};
    const unset: string[] = [];
    for (const key of factKeys(item)) if (JSON.stringify(item[key]) !== JSON.stringify(newest[key])) set[key] = item[key];
    for (const key of factKeys(newest)) if (!(key in item)) unset.push(key);
    if (Object.keys(set).length === 0 && unset.length === 0) continue;
    const signature = JSON.stringify([set, unset]);
    const group = changes.get(signature) ?? { releases: [], set, unset };
    group.releases.push(release);
    changes.set(signature, group);
  }
  if (changes.size > 0) {
    record.was = [...changes.values()].map((group) => {
      const change: VersionedChange = { in: toRanges(group.releases) };
      if (Object.keys(group.set).length > 0) change.set = group.set;
      if (group.unset.length > 0) change.unset = group.unset;
      return change;
    });
  }
  for (const list of CHILD_LISTS) {
    if (!versions.some((v) => Array.isArray(v.item[list]))) continue;
    const names = mergedOrder(versions.map((v) => ((v.item[list] as Item[] | undefined) ?? []).map((c) => c.name)));
    record[list] = names.map((name) => {
      const childVersions = versions.flatMap(({ release, item }) => {
        const child = ((item[list] as Item[] | undefined) ?? []).find((c) => c.name === name);
        return child ? [{ release, item: child }] : [];
      });
      return versionRecord(childVersions, releases);
    });
  }
  return record;
}

/**
 * Names in the newest list's order, with names that only older lists have placed after the name they
 * followed there, so an older release's projection keeps its own order where it can.
 */
export function mergedOrder(lists: string[][]): string[] {
  const order = [...lists[lists.length - 1]];
  for (let i = lists.length - 2; i >= 0; i--) {
    const list = lists[i];
    list.forEach((name, index) => {
      if (order.includes(name)) return;
      const before = index > 0 ? order.indexOf(list[index - 1]) : -1;
      order.splice(before + 1, 0, name);
    });
  }
  return order;
}
