import { typeToString, type AlloyType } from "../types.js";
import { CHILD_LISTS, type VersionedRecord } from "../versioned.js";

/**
 * How versioned records are stored in the data module (read back by `src/stored-record.ts`).
 *
 * A component or config block is stored in two JSON texts: its **head**, the facts of the record itself
 * (name, `in`, `was`, stability, description, …, and `clusteringIn`, the releases in which a component takes
 * a `clustering` block), and its **body**, `{ attributes, blocks, exports }`. Naming, listing and
 * versioning components reads heads only; a body is parsed when its lists are first read.
 *
 * Blocks are stored as the objects the runtime hands out, with two fields added: a block's `path` (the
 * same in every release), and `varies: true` on a record whose children differ between its releases.
 * Attributes and exports, most of the data, are stored as arrays
 * `[name, type, flags, description, documentedType, rest?]`: `type` an index into one table of the distinct
 * types, `flags` 1 for required and 2 for deprecated, `documentedType` null when it is the type's canonical
 * spelling, `rest` an object of their other fields (`default`, `enum`, `in`, `was`, …). That is a third fewer
 * bytes to scan and parse than objects, and attributes of one type share its object and spelling.
 *
 * A description that more than one attribute, export or block has (the docs describe `tls_config` and
 * its kin once and Alloy reuses them across components) is stored once, in a table of shared
 * descriptions, and named by its index there. So is a block that is the same, path and all, in more than
 * one place (`tls_config`, `oauth2`, `basic_auth`, `debug_metrics` of many components): a body's block
 * list names it by its index in a table of shared blocks, which is read, and turned into one object that
 * every component shares, the first time a body names it. Likewise an attribute or export stored the same
 * in more than one list (`bearer_token`, `proxy_url`, … of every HTTP client) is stored once, in a table
 * of shared attributes or of shared exports.
 */
export interface StoreTables {
  /** The distinct types, as JSON texts; a stored field names its type by index. */
  readonly types: string[];
  /** The shared descriptions; a stored field or block names its description by index when it is here. */
  readonly descriptions: string[];
  readonly descriptionIndex: Map<string, number>;
  /** The shared blocks (stored blocks; their own block lists may name shared blocks too), filled by {@link shareBlocks}. */
  readonly blocks: Record<string, unknown>[];
  /** The shared attributes and exports (stored fields), filled by {@link shareFields}. */
  readonly attributes: unknown[][];
  readonly exports: unknown[][];
}

/**
 * Tables for storing `records`: the descriptions of attributes, exports and blocks (not of the records
 * themselves) that occur more than once, in the order first met.
 */
export function storeTables(records: readonly VersionedRecord[]): StoreTables {
  const counts = new Map<string, number>();
  const count = (record: VersionedRecord): void => {
    for (const list of CHILD_LISTS) {
      for (const child of (record[list] as VersionedRecord[] | undefined) ?? []) {
        if (typeof child.description === "string" && child.description !== "") counts.set(child.description, (counts.get(child.description) ?? 0) + 1);
        if (list === "blocks") count(child);
      }
    }
  };
  records.forEach(count);
  const descriptions = [...counts].filter(([, n]) => n > 1).map(([text]) => text);
  return { types: [], descriptions, descriptionIndex: new Map(descriptions.map((text, i) => [text, i])), blocks: [], attributes: [], exports: [] };
}

/**
 * Puts every block that occurs more than once in `bodies` (the same stored block, path and all) into the
 * table of shared blocks, and names it there by index, in place: in the bodies and in other shared blocks.
 */
export function shareBlocks(bodies: readonly Record<string, unknown>[], tables: StoreTables): void {
  const counts = new Map<string, number>();
  const count = (lists: Record<string, unknown>): void => {
    for (const block of (lists.blocks as Record<string, unknown>[] | undefined) ?? []) {
      const key = JSON.stringify(block);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      count(block);
    }
  };
  bodies.forEach(count);
  const shared = new Map<string, number>();
  const share = (lists: Record<string, unknown>): void => {
    const blocks = lists.blocks as (Record<string, unknown> | number)[] | undefined;
    if (!blocks) return;
    lists.blocks = blocks.map((block) => {
      if (typeof block === "number") throw new Error("catalog data: a block list was shared twice");
      const key = JSON.stringify(block);
      let index = shared.get(key);
      if (index !== undefined) return index;
      share(block);
      if ((counts.get(key) ?? 0) < 2) return block;
      index = tables.blocks.push(block) - 1;
      shared.set(key, index);
      return index;
    });
  };
  bodies.forEach(share);
}

/**
 * Puts every attribute and export stored the same in more than one list of `bodies` and of the shared
 * blocks into the table of shared attributes or exports, and names it there by index, in place.
 * Run after {@link shareBlocks}.
 */
export function shareFields(bodies: readonly Record<string, unknown>[], tables: StoreTables): void {
  const lists = ["attributes", "exports"] as const;
  const each = (visit: (holder: Record<string, unknown>) => void): void => {
    const walk = (holder: Record<string, unknown>): void => {
      visit(holder);
      for (const block of (holder.blocks as (Record<string, unknown> | number)[] | undefined) ?? []) if (typeof block !== "number") walk(block);
    };
    bodies.forEach(walk);
    tables.blocks.forEach(walk);
  };
  const counts = new Map<string, number>();
  each((holder) => {
    for (const list of lists) {
      for (const field of (holder[list] as unknown[][] | undefined) ?? []) {
        const key = `${list}:${JSON.stringify(field)}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  });
  const shared = new Map<string, number>();
  each((holder) => {
    for (const list of lists) {
      const fields = holder[list] as unknown[][] | undefined;
      if (!fields) continue;
      holder[list] = fields.map((field) => {
        const key = `${list}:${JSON.stringify(field)}`;
        if ((counts.get(key) ?? 0) < 2) return field;
        let index = shared.get(key);
        if (index === undefined) shared.set(key, (index = tables[list].push(field) - 1));
        return index;
      });
    }
  });
}

/** A top-level record (component or config block) as its head and body; see the module's comment. */
export function storeTopLevel(record: VersionedRecord, tables: StoreTables, isComponent: boolean): { head: Record<string, unknown>; body: Record<string, unknown> } {
  const stored = storeRecord(record, tables);
  const head: Record<string, unknown> = {};
  const body: Record<string, unknown> = {};
  for (const list of CHILD_LISTS) {
    if (!Array.isArray(stored[list])) throw new Error(`catalog data: ${record.name} has no ${list} list (every component and config block has all three)`);
  }
  for (const [key, value] of Object.entries(stored)) ((CHILD_LISTS as readonly string[]).includes(key) ? body : head)[key] = value;
  if (isComponent) {
    const clustering = (record.blocks ?? []).find((block) => block.name === "clustering");
    if (clustering) head.clusteringIn = clustering.in ?? record.in;
  }
  return { head, body };
}

function storeRecord(record: VersionedRecord, tables: StoreTables, parentPath: readonly string[] = [], isBlock = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const path = isBlock ? [...parentPath, record.name] : parentPath;
  let varies = false;
  for (const [key, value] of Object.entries(record)) {
    if (key === "blocks") {
      const children = (value as VersionedRecord[]).map((child) => storeRecord(child, tables, path, true));
      if (children.some((c) => c.in !== undefined || c.was !== undefined || c.varies === true)) varies = true;
      out[key] = children;
    } else if (key === "attributes" || key === "exports") {
      const children = value as VersionedRecord[];
      if (children.some((c) => c.in !== undefined || c.was !== undefined)) varies = true;
      out[key] = children.map((child) => storeField(child, tables));
    } else if (key === "description" && isBlock && typeof value === "string") {
      out[key] = tables.descriptionIndex.get(value) ?? value;
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

function storeField(field: VersionedRecord, tables: StoreTables): unknown[] {
  const type = field.type as AlloyType;
  const flags = (field.required === true ? 1 : 0) | (field.deprecated === true ? 2 : 0);
  const documented = field.documentedType === typeToString(type) ? null : field.documentedType;
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(field)) {
    if (FIELD_KEYS.has(key)) continue;
    rest[key] =
      key === "was"
        ? (value as { set?: Record<string, unknown> }[]).map((change) =>
            change.set?.type ? { ...change, set: { ...change.set, type: typeIndex(change.set.type as AlloyType, tables.types) } } : change,
          )
        : value;
  }
  const description = (field.description as string | undefined) ?? "";
  const stored: unknown[] = [field.name, typeIndex(type, tables.types), flags, tables.descriptionIndex.get(description) ?? description, documented];
  if (Object.keys(rest).length > 0) stored.push(rest);
  return stored;
}
