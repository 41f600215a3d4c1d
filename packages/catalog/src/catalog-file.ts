import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Catalog } from "./schema.js";

/**
 * Where each part of a committed catalog file lies, written by the generator beside the file
 * (`src/generated/alloy-<version>.index.ts`). Offsets are bytes, which are characters too: the file is ASCII.
 */
export interface CatalogDataIndex {
  /** Size of the data file in bytes; any other size means the file was regenerated after this index. */
  readonly dataBytes: number;
  /** The catalog's top-level fields in file order: the byte range of a value, or the records of a list. */
  readonly fields: readonly IndexedField[];
}

export type IndexedField = IndexedValue | IndexedList;

export interface IndexedValue {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

export interface IndexedList {
  readonly name: string;
  readonly records: readonly IndexedRecord[];
}

/** A list entry: its `name`, the byte range of its JSON, and its `status` when it has one (components). */
export type IndexedRecord = readonly [name: string, start: number, end: number, status?: string];

interface RecordList {
  readonly entries: Map<string, IndexedRecord>;
  readonly parsed: Map<string, object>;
  /** Every record in file order, once all have been asked for. */
  all?: object[];
}

/**
 * One release's catalog file, read a record at a time: the first request for a component, config block,
 * function or field reads and parses only its bytes, and later requests return the same object. A fresh
 * process pays for the objects it asks for, not for the 1.6 MB file.
 */
export class CatalogFile {
  private readonly values = new Map<string, unknown>();
  private readonly lists = new Map<string, RecordList>();
  private whole: Catalog | undefined;
  /** Whether the file's size was found to be the index's (once per process, at the first read). */
  private sizeChecked = false;

  constructor(
    private readonly url: URL,
    private readonly index: CatalogDataIndex,
  ) {
    for (const field of index.fields) {
      if ("records" in field) this.lists.set(field.name, { entries: new Map(field.records.map((r) => [r[0], r])), parsed: new Map() });
    }
  }

  /** A top-level field that is not a list (`deprecatedFunctionNames`, `source`, …). */
  value<T>(name: string): T {
    if (!this.values.has(name)) {
      const field = this.field(name);
      if ("records" in field) throw new Error(`catalog field ${name} is a list of records`);
      this.values.set(name, this.parse(this.read(field.start, field.end), name));
    }
    return this.values.get(name) as T;
  }

  /** A record of a list (`components`, `functions`, …) by name; `undefined` if the list has no such name. */
  record<T>(list: string, name: string): T | undefined {
    const records = this.list(list);
    const cached = records.parsed.get(name);
    if (cached) return cached as T;
    const entry = records.entries.get(name);
    if (!entry) return undefined;
    return this.parseRecord(records, entry, this.read(entry[1], entry[2]), entry[1]) as T;
  }

  /** Every record of a list in file order (the same array each time: callers copy before handing it out). */
  records<T>(list: string): readonly T[] {
    const records = this.list(list);
    if (!records.all) {
      const entries = [...records.entries.values()];
      const unread = entries.filter((e) => !records.parsed.has(e[0]));
      if (unread.length > 0) {
        const start = unread[0][1];
        const text = this.read(start, unread[unread.length - 1][2]);
        for (const entry of unread) this.parseRecord(records, entry, text, start);
      }
      records.all = entries.map((e) => records.parsed.get(e[0])!);
    }
    return records.all as T[];
  }

  /** Names of a list's records in file order, without reading them; `status` keeps those with that status. */
  names(list: string, status?: string): string[] {
    const entries = [...this.list(list).entries.values()];
    return (status === undefined ? entries : entries.filter((e) => e[3] === status)).map((e) => e[0]);
  }

  /** The whole catalog, built from the same objects the other methods return. */
  catalog(): Catalog {
    if (!this.whole) {
      const whole: Record<string, unknown> = {};
      for (const field of this.index.fields) whole[field.name] = "records" in field ? this.records(field.name) : this.value(field.name);
      this.whole = whole as unknown as Catalog;
    }
    return this.whole;
  }

  private field(name: string): IndexedField {
    const field = this.index.fields.find((f) => f.name === name);
    if (!field) throw new Error(`catalog ${fileURLToPath(this.url)} has no field ${name}`);
    return field;
  }

  private list(name: string): RecordList {
    const list = this.lists.get(name);
    if (!list) throw new Error(`catalog ${fileURLToPath(this.url)} has no list ${name}`);
    return list;
  }

  /** Parses the record `entry` out of `text`, which holds the file's bytes from `textStart` on. */
  private parseRecord(list: RecordList, entry: IndexedRecord, text: string, textStart: number): object {
    const [name, start, end] = entry;
    const record = this.parse(text.slice(start - textStart, end - textStart), name) as { name?: unknown };
    if (record.name !== name) throw this.staleIndex(`the record indexed as ${name} is named ${String(record.name)}`);
    list.parsed.set(name, record);
    return record;
  }

  private parse(json: string, what: string): unknown {
    try {
      return JSON.parse(json);
    } catch (error) {
      throw this.staleIndex(`the bytes indexed for ${what} are not JSON`, error);
    }
  }

  /** The file's bytes `[start, end)` as text (ASCII, so one byte is one character). */
  private read(start: number, end: number): string {
    const fd = openSync(this.url, "r");
    try {
      if (!this.sizeChecked) {
        const size = fstatSync(fd).size;
        if (size !== this.index.dataBytes) throw this.staleIndex(`the file has ${size} bytes, the index expects ${this.index.dataBytes}`);
        this.sizeChecked = true;
      }
      const buffer = Buffer.allocUnsafe(end - start);
      let filled = 0;
      while (filled < buffer.length) {
        const count = readSync(fd, buffer, filled, buffer.length - filled, start + filled);
        if (count === 0) throw this.staleIndex(`the file ends before byte ${start + filled}`);
        filled += count;
      }
      return buffer.toString("latin1");
    } finally {
      closeSync(fd);
    }
  }

  private staleIndex(reason: string, cause?: unknown): Error {
    return new Error(`catalog index does not match ${fileURLToPath(this.url)} (${reason}): run pnpm catalog:generate, then pnpm build`, { cause });
  }
}
