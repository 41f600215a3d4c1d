import type { AlloyType } from "./types.js";
import type { VersionedRecord } from "./versioned.js";

/** An attribute or export as stored: `[name, type, flags, description, documentedType, rest?]` (see `generator/store-record.ts`). */
type StoredField = [name: string, type: number, flags: number, description: string | number, documentedType: string | null, rest?: Record<string, unknown>];

/** The tables stored fields and blocks refer to by index. */
export interface StoreTables {
  /** The distinct types, and each type's canonical spelling. */
  types: readonly AlloyType[];
  spellings: readonly string[];
  /** The descriptions that more than one attribute, export or block has. */
  descriptions: readonly string[];
}

/** A record's child lists as the data module stores them (a component's or config block's body, or a block). */
export interface StoredLists {
  attributes?: VersionedRecord[];
  blocks?: VersionedRecord[];
  exports?: VersionedRecord[];
}

/**
 * Turns the parsed stored child lists of a record back into objects, in place, down its blocks: every
 * attribute gets the same shape, its type the table's shared object, and shared descriptions their text.
 */
export function inflateLists(lists: StoredLists, tables: StoreTables): void {
  const attributes = lists.attributes as unknown as StoredField[] | undefined;
  if (attributes) lists.attributes = attributes.map((field) => inflateField(field, tables, true));
  const exports = lists.exports as unknown as StoredField[] | undefined;
  if (exports) lists.exports = exports.map((field) => inflateField(field, tables, false));
  if (lists.blocks) {
    for (const block of lists.blocks) {
      if (typeof block.description === "number") block.description = tables.descriptions[block.description];
      inflateLists(block, tables);
    }
  }
}

function inflateField(stored: StoredField, tables: StoreTables, isAttribute: boolean): VersionedRecord {
  const [name, type, flags, storedDescription, documentedType, rest] = stored;
  const description = typeof storedDescription === "number" ? tables.descriptions[storedDescription] : storedDescription;
  const field: VersionedRecord = isAttribute
    ? { name, type: tables.types[type], documentedType: documentedType ?? tables.spellings[type], required: (flags & 1) === 1, description, deprecated: (flags & 2) === 2 }
    : { name, type: tables.types[type], documentedType: documentedType ?? tables.spellings[type], description };
  if (rest) {
    for (const key in rest) field[key] = rest[key];
    for (const change of field.was ?? []) if (typeof change.set?.type === "number") change.set.type = tables.types[change.set.type];
  }
  return field;
}
