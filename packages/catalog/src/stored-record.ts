import type { AlloyType } from "./types.js";
import type { VersionedRecord } from "./versioned.js";

/** An attribute or export as stored: `[name, type, flags, description, documentedType, rest?]` (see `generator/store-record.ts`). */
type StoredField = [name: string, type: number, flags: number, description: string, documentedType: string | null, rest?: Record<string, unknown>];

/** The table of distinct types a data module's fields refer to, with each type's canonical spelling. */
export interface TypeTable {
  types: readonly AlloyType[];
  spellings: readonly string[];
}

/**
 * Turns a parsed stored record's attributes and exports back into objects, in place, down its blocks:
 * every attribute gets the same shape, its type the table's shared object.
 */
export function inflateRecord(record: VersionedRecord, table: TypeTable): void {
  const attributes = record.attributes as unknown as StoredField[] | undefined;
  if (attributes) record.attributes = attributes.map((field) => inflateField(field, table, true));
  const exports = record.exports as unknown as StoredField[] | undefined;
  if (exports) record.exports = exports.map((field) => inflateField(field, table, false));
  if (record.blocks) for (const block of record.blocks) inflateRecord(block, table);
}

function inflateField(stored: StoredField, table: TypeTable, isAttribute: boolean): VersionedRecord {
  const [name, type, flags, description, documentedType, rest] = stored;
  const field: VersionedRecord = isAttribute
    ? { name, type: table.types[type], documentedType: documentedType ?? table.spellings[type], required: (flags & 1) === 1, description, deprecated: (flags & 2) === 2 }
    : { name, type: table.types[type], documentedType: documentedType ?? table.spellings[type], description };
  if (rest) {
    for (const key in rest) field[key] = rest[key];
    for (const change of field.was ?? []) if (typeof change.set?.type === "number") change.set.type = table.types[change.set.type];
  }
  return field;
}
