import type { AlloyType } from "./types.js";
import type { VersionedRecord } from "./versioned.js";

/** An attribute or export as stored: `[name, type, flags, description, documentedType, rest?]` (see `generator/store-record.ts`). */
export type StoredField = [name: string, type: number, flags: number, description: string | number, documentedType: string | null, rest?: Record<string, unknown>];

/**
 * Stored items that lists name by index, because they are the same in more than one place: each is turned
 * into its object the first time a list names it, and every list that names it holds that one object.
 */
export class SharedTable<Stored> {
  private readonly made: (VersionedRecord | undefined)[] = [];

  constructor(
    private readonly what: string,
    private readonly stored: readonly Stored[],
    /** Turns a stored item, shared or not, into its object. */
    readonly make: (stored: Stored) => VersionedRecord,
  ) {}

  get(index: number): VersionedRecord {
    let made = this.made[index];
    if (made === undefined) {
      const stored = this.stored[index];
      if (stored === undefined) throw new Error(`catalog data: no shared ${this.what} ${index}`);
      made = this.made[index] = this.make(stored);
    }
    return made;
  }
}

/** The tables stored fields and blocks refer to by index. */
export interface StoredTables {
  /** The distinct types, and each type's canonical spelling. */
  types: readonly AlloyType[];
  spellings: readonly string[];
  /** The descriptions that more than one attribute, export or block has. */
  descriptions: readonly string[];
  blocks: SharedTable<VersionedRecord>;
  attributes: SharedTable<StoredField>;
  exports: SharedTable<StoredField>;
}

/** The tables of a data module, from their parsed JSON. */
export function storedTables(types: readonly AlloyType[], spellings: readonly string[], descriptions: readonly string[], shared: { blocks: VersionedRecord[]; attributes: StoredField[]; exports: StoredField[] }): StoredTables {
  const tables: StoredTables = {
    types,
    spellings,
    descriptions,
    blocks: new SharedTable("block", shared.blocks, (block) => inflateBlock(block, tables)),
    attributes: new SharedTable("attribute", shared.attributes, (field) => inflateField(field, tables, true)),
    exports: new SharedTable("export", shared.exports, (field) => inflateField(field, tables, false)),
  };
  return tables;
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
export function inflateLists(lists: StoredLists, tables: StoredTables): void {
  inflateList(lists.attributes, tables.attributes);
  inflateList(lists.exports, tables.exports);
  inflateList(lists.blocks, tables.blocks);
}

/** In place, in the array JSON.parse made (no second array): each item, or the shared one its index names. */
function inflateList<Stored>(list: unknown[] | undefined, table: SharedTable<Stored>): void {
  if (list === undefined) return;
  for (let i = 0; i < list.length; i++) {
    const item = list[i] as Stored | number;
    list[i] = typeof item === "number" ? table.get(item) : table.make(item);
  }
}

function inflateBlock(block: VersionedRecord, tables: StoredTables): VersionedRecord {
  if (typeof block.description === "number") block.description = tables.descriptions[block.description];
  inflateLists(block, tables);
  return block;
}

function inflateField(stored: StoredField, tables: StoredTables, isAttribute: boolean): VersionedRecord {
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
