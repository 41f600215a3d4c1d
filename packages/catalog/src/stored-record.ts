import type { AlloyType } from "./types.js";
import type { VersionedRecord } from "./versioned.js";

/** An attribute or export as stored: `[name, type, flags, description, documentedType, rest?]` (see `generator/store-record.ts`). */
export type StoredField = [name: string, type: number, flags: number, description: string | number, documentedType: string | null, rest?: Record<string, unknown>];

/** The tables stored fields and blocks refer to by index. */
export interface StoreTables {
  /** The distinct types, and each type's canonical spelling. */
  types: readonly AlloyType[];
  spellings: readonly string[];
  /** The descriptions that more than one attribute, export or block has. */
  descriptions: readonly string[];
  /** The blocks that are the same in more than one place, as stored; each turned into an object once, when first named. */
  sharedBlocks: readonly VersionedRecord[];
  readonly inflatedBlocks: (VersionedRecord | undefined)[];
  /** The attributes and exports stored the same in more than one list; each turned into an object once, when first named. */
  sharedAttributes: readonly StoredField[];
  sharedExports: readonly StoredField[];
  readonly inflatedAttributes: (VersionedRecord | undefined)[];
  readonly inflatedExports: (VersionedRecord | undefined)[];
}

/** A record's child lists as the data module stores them (a component's or config block's body, or a block). */
export interface StoredLists {
  attributes?: VersionedRecord[];
  blocks?: VersionedRecord[];
  exports?: VersionedRecord[];
}

/**
 * Turns the parsed stored child lists of a record back into objects, in place, down its blocks: every
 * attribute gets the same shape, its type the table's shared object, shared descriptions their text, and
 * a shared block, attribute or export the one object every list that names it holds.
 */
export function inflateLists(lists: StoredLists, tables: StoreTables): void {
  // In place, in the arrays JSON.parse made: no second array per list.
  const attributes = lists.attributes as unknown as (StoredField | number | VersionedRecord)[] | undefined;
  if (attributes) {
    for (let i = 0; i < attributes.length; i++) {
      const field = attributes[i] as StoredField | number;
      attributes[i] = typeof field === "number" ? sharedField(field, tables, true) : inflateField(field, tables, true);
    }
  }
  const exports = lists.exports as unknown as (StoredField | number | VersionedRecord)[] | undefined;
  if (exports) {
    for (let i = 0; i < exports.length; i++) {
      const field = exports[i] as StoredField | number;
      exports[i] = typeof field === "number" ? sharedField(field, tables, false) : inflateField(field, tables, false);
    }
  }
  const blocks = lists.blocks as (VersionedRecord | number)[] | undefined;
  if (blocks) {
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i];
      blocks[i] = typeof block === "number" ? sharedBlock(block, tables) : inflateBlock(block, tables);
    }
  }
}

function inflateBlock(block: VersionedRecord, tables: StoreTables): VersionedRecord {
  if (typeof block.description === "number") block.description = tables.descriptions[block.description];
  inflateLists(block, tables);
  return block;
}

/** A shared block, the same object wherever it is named. */
function sharedBlock(index: number, tables: StoreTables): VersionedRecord {
  let block = tables.inflatedBlocks[index];
  if (block === undefined) {
    const stored = tables.sharedBlocks[index];
    if (stored === undefined) throw new Error(`catalog data: no shared block ${index}`);
    block = tables.inflatedBlocks[index] = inflateBlock(stored, tables);
  }
  return block;
}

/** A shared attribute or export, the same object wherever it is named. */
function sharedField(index: number, tables: StoreTables, isAttribute: boolean): VersionedRecord {
  const inflated = isAttribute ? tables.inflatedAttributes : tables.inflatedExports;
  let field = inflated[index];
  if (field === undefined) {
    const stored = (isAttribute ? tables.sharedAttributes : tables.sharedExports)[index];
    if (stored === undefined) throw new Error(`catalog data: no shared ${isAttribute ? "attribute" : "export"} ${index}`);
    field = inflated[index] = inflateField(stored, tables, isAttribute);
  }
  return field;
}

function inflateField(stored: StoredField, tables: StoreTables, isAttribute: boolean): VersionedRecord {
  // Indexed reads rather than destructuring: this runs for every field of a body, mostly before V8
  // optimizes it, where destructuring an array goes through its iterator.
  const type = stored[1];
  const storedDescription = stored[3];
  const description = typeof storedDescription === "number" ? tables.descriptions[storedDescription] : storedDescription;
  const documentedType = stored[4] ?? tables.spellings[type];
  const field: VersionedRecord = isAttribute
    ? { name: stored[0], type: tables.types[type], documentedType, required: (stored[2] & 1) === 1, description, deprecated: (stored[2] & 2) === 2 }
    : { name: stored[0], type: tables.types[type], documentedType, description };
  const rest = stored[5];
  if (rest !== undefined) {
    Object.assign(field, rest);
    if (field.was !== undefined) for (const change of field.was) if (typeof change.set?.type === "number") change.set.type = tables.types[change.set.type];
  }
  return field;
}
