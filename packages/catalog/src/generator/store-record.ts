import type { VersionedRecord } from "../versioned.js";

/**
 * How versioned records are stored in the data module: as the objects the runtime hands out, so that
 * `JSON.parse` builds them whole and nothing walks them afterwards. Two fields are added for the runtime:
 * a block's `path` (the same in every release), and `varies: true` on a record whose children differ
 * between the releases of the record; a child without `in`, `was` or `varies` is the same in every release
 * of its parent, and is its own projection (see `projectRecord`).
 */
export function storeRecord(record: VersionedRecord, parentPath: readonly string[] = [], isBlock = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const path = isBlock ? [...parentPath, record.name] : parentPath;
  let varies = false;
  for (const [key, value] of Object.entries(record)) {
    if (key === "attributes" || key === "blocks" || key === "exports") {
      const children = (value as VersionedRecord[]).map((child) => storeRecord(child, path, key === "blocks"));
      if (children.some((c) => c.in !== undefined || c.was !== undefined || c.varies === true)) varies = true;
      out[key] = children;
    } else {
      out[key] = value;
    }
    if (key === "name" && isBlock) out.path = path;
  }
  if (varies) out.varies = true;
  return out;
}
