import { typeToString, type AlloyType } from "../types.js";
import type { VersionedRecord } from "../versioned.js";

/**
 * How versioned records are stored in the data module (read back by `src/stored-record.ts`). Components,
 * config blocks and blocks are stored as the objects the runtime hands out, with two fields added: a
 * block's `path` (the same in every release), and `varies: true` on a record whose children differ between
 * its releases. Attributes and exports, most of the data, are stored as arrays
 * `[name, type, flags, description, documentedType, rest?]`: `type` an index into one table of the distinct
 * types, `flags` 1 for required and 2 for deprecated, `documentedType` null when it is the type's canonical
 * spelling, `rest` an object of their other fields (`default`, `enum`, `in`, `was`, …). That is a third fewer
 * bytes to scan and parse than objects, and attributes of one type share its object and spelling.
 */
export function storeRecord(record: VersionedRecord, types: string[], parentPath: readonly string[] = [], isBlock = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const path = isBlock ? [...parentPath, record.name] : parentPath;
  let varies = false;
  for (const [key, value] of Object.entries(record)) {
    if (key === "blocks") {
      const children = (value as VersionedRecord[]).map((child) => storeRecord(child, types, path, true));
      if (children.some((c) => c.in !== undefined || c.was !== undefined || c.varies === true)) varies = true;
      out[key] = children;
    } else if (key === "attributes" || key === "exports") {
      const children = value as VersionedRecord[];
      if (children.some((c) => c.in !== undefined || c.was !== undefined)) varies = true;
      out[key] = children.map((child) => storeField(child, types));
    } else {
      out[key] = value;
    }
    if (key === "name" && isBlock) out.path = path;
  }
  if (varies) out.varies = true;
  return out;
}

/** The index of a type in the table, added when new. */
export function typeIndex(type: AlloyType, types: string[]): number {
  const key = JSON.stringify(type);
  const found = types.indexOf(key);
  return found >= 0 ? found : types.push(key) - 1;
}

const FIELD_KEYS = new Set(["name", "type", "required", "deprecated", "description", "documentedType"]);

function storeField(field: VersionedRecord, types: string[]): unknown[] {
  const type = field.type as AlloyType;
  const flags = (field.required === true ? 1 : 0) | (field.deprecated === true ? 2 : 0);
  const documented = field.documentedType === typeToString(type) ? null : field.documentedType;
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(field)) {
    if (FIELD_KEYS.has(key)) continue;
    rest[key] =
      key === "was"
        ? (value as { set?: Record<string, unknown> }[]).map((change) =>
            change.set?.type ? { ...change, set: { ...change.set, type: typeIndex(change.set.type as AlloyType, types) } } : change,
          )
        : value;
  }
  const stored: unknown[] = [field.name, typeIndex(type, types), flags, field.description ?? "", documented];
  if (Object.keys(rest).length > 0) stored.push(rest);
  return stored;
}
