import {
  catalogHeader,
  componentBodies,
  componentHeads,
  componentIndex,
  configBlockBodies,
  configBlockHeads,
  configBlockIndex,
  descriptionTable,
  sharedAttributeTable,
  sharedBlockTable,
  sharedExportTable,
  stdlibRecord,
  typeTable,
} from "./generated/catalog-data.js";
import { inflateLists, storedTables, type StoredField, type StoredLists, type StoredTables } from "./stored-record.js";
import { typeToString, type AlloyType } from "./types.js";
import type { Catalog, ComponentSchema, ConfigBlockSchema, ConstantSchema, FunctionSchema, Stability } from "./schema.js";
import { CHILD_LISTS, factsAt, inRanges, projectChildren, projectRecord, type ReleaseRanges, type VersionedRecord } from "./versioned.js";

/** The standard library as the data module holds it (the same for every release). */
export interface Stdlib {
  functions: FunctionSchema[];
  deprecatedFunctionNames: Record<string, string>;
  constants: ConstantSchema[];
}

/**
 * How a release is named in messages: `vX.Y.0` for the release line a catalogued release belongs to (the
 * snapshot holds the last patch of each minor, and minors add and remove components), a release
 * candidate by its own tag.
 */
export function releaseLabel(index: number): string {
  return releaseLabels[index];
}

const releaseLabels = catalogHeader.releases.map(({ tag }) => (tag.includes("-") ? tag : tag.replace(/^(v\d+\.\d+)\.\d+$/, "$1.0")));

/**
 * The versioned records, parsed the first time each is asked for and shared by every release's view: a
 * record's head (its own facts) when it is named, listed or versioned, its body (attributes, blocks,
 * exports) when its lists are first read. Nothing here reads a file: heads and bodies are strings of the
 * generated module.
 */
class VersionedRecords {
  private readonly heads = new Map<string, VersionedRecord>();
  private readonly bodies = new Map<string, StoredLists>();
  readonly ranges: ReadonlyMap<string, ReleaseRanges>;

  constructor(
    private readonly kind: string,
    index: readonly (readonly [string, readonly number[]])[],
    private readonly headTexts: Readonly<Record<string, string>>,
    private readonly bodyTexts: Readonly<Record<string, string>>,
  ) {
    this.ranges = new Map(index);
  }

  /** The record's head: its facts, `in`, `was`, without child lists. */
  record(name: string): VersionedRecord | undefined {
    let record = this.heads.get(name);
    if (record === undefined) {
      if (!this.ranges.has(name)) return undefined;
      record = JSON.parse(this.headTexts[name]) as VersionedRecord;
      if (record.name !== name) throw new Error(`catalog data: the ${this.kind} record for ${name} is named ${record.name}`);
      this.heads.set(name, record);
    }
    return record;
  }

  /** The record's child lists, as versioned records. */
  lists(name: string): StoredLists {
    let lists = this.bodies.get(name);
    if (lists === undefined) {
      const text = this.bodyTexts[name];
      if (text === undefined) throw new Error(`catalog data: the ${this.kind} record for ${name} has no body`);
      lists = JSON.parse(text) as StoredLists;
      inflateLists(lists, tables());
      this.bodies.set(name, lists);
    }
    return lists;
  }
}

const components = new VersionedRecords("component", componentIndex, componentHeads, componentBodies);
const configBlocks = new VersionedRecords("config block", configBlockIndex, configBlockHeads, configBlockBodies);
let stdlib: Stdlib | undefined;
let tablesOfData: StoredTables | undefined;

/** The tables stored fields and blocks name by index (types with their spellings, shared descriptions, blocks, attributes and exports), parsed once. */
function tables(): StoredTables {
  if (!tablesOfData) {
    const types = JSON.parse(typeTable) as AlloyType[];
    tablesOfData = storedTables(types, types.map(typeToString), JSON.parse(descriptionTable) as string[], {
      blocks: JSON.parse(sharedBlockTable) as VersionedRecord[],
      attributes: JSON.parse(sharedAttributeTable) as StoredField[],
      exports: JSON.parse(sharedExportTable) as StoredField[],
    });
  }
  return tablesOfData;
}

export function stdlibData(): Stdlib {
  return (stdlib ??= JSON.parse(stdlibRecord) as Stdlib);
}

export function componentRecord(name: string): VersionedRecord | undefined {
  return components.record(name);
}

export function componentRanges(name: string): ReleaseRanges | undefined {
  return components.ranges.get(name);
}

export function configBlockRanges(name: string): ReleaseRanges | undefined {
  return configBlocks.ranges.get(name);
}

/** The last release in `ranges` before `release`, if any. */
export function lastReleaseBefore(ranges: ReleaseRanges, release: number): number | undefined {
  let last: number | undefined;
  for (let i = 0; i < ranges.length; i += 2) {
    if (ranges[i] >= release) break;
    last = Math.min(ranges[i + 1], release - 1);
  }
  return last;
}

/** Stability of a component record in a release. */
export function stabilityAt(record: VersionedRecord, release: number): Stability {
  return (factsAt(record, release)?.stability ?? record.stability) as Stability;
}

/** Adds what a projection derives: `since` where a child came later than its parent. */
function derive(projected: Record<string, unknown>, info: Parameters<Parameters<typeof projectRecord>[2]>[1]): void {
  if (info.list && info.record.in && info.record.in[0] > info.parentRanges[0]) projected.since = releaseLabel(info.record.in[0]);
}

/**
 * Gives the projection of a top-level record in `release` its child lists as own enumerable properties
 * that read the record's body, and project all three, the first time any of them is read or written;
 * they are plain data properties from then on. Naming and listing the components of a release (and
 * `getCatalog`) so parses only their heads; the lists of a component are read when something looks in it.
 */
function readListsOnFirstUse(projected: object, records: VersionedRecords, name: string, release: number, ranges: ReleaseRanges): void {
  const target = projected as Record<string, unknown>;
  const read = (): void => {
    for (const list of CHILD_LISTS) Object.defineProperty(target, list, { value: undefined, writable: true, enumerable: true, configurable: true });
    projectChildren(records.lists(name), release, derive, ranges, target);
  };
  for (const list of CHILD_LISTS) {
    Object.defineProperty(target, list, {
      get() {
        read();
        return target[list];
      },
      set(value: unknown) {
        read();
        target[list] = value;
      },
      enumerable: true,
      configurable: true,
    });
  }
}

/** One release's view of the catalog: projections of the versioned records, made once each. */
export class ReleaseCatalog {
  private readonly componentCache = new Map<string, ComponentSchema | null>();
  private readonly configBlockCache = new Map<string, ConfigBlockSchema | null>();
  private allComponents: ComponentSchema[] | undefined;
  private allConfigBlocks: ConfigBlockSchema[] | undefined;
  private whole: Catalog | undefined;

  constructor(
    readonly release: number,
    readonly tag: string,
  ) {}

  /**
   * A component as this release has it; one this release no longer has, as the last release that had it
   * had it (`status: "removed"`); `undefined` for unknown names and components added after this release.
   */
  component(name: string): ComponentSchema | undefined {
    const cached = this.componentCache.get(name);
    if (cached !== undefined) return cached ?? undefined;
    const made = this.makeComponent(name);
    this.componentCache.set(name, made ?? null);
    return made;
  }

  private makeComponent(name: string): ComponentSchema | undefined {
    const ranges = components.ranges.get(name);
    if (!ranges) return undefined;
    const present = inRanges(ranges, this.release);
    const at = present ? this.release : lastReleaseBefore(ranges, this.release);
    if (at === undefined) return undefined;
    const head = components.record(name)!;
    const projected = projectRecord(head, at, derive) as unknown as ComponentSchema;
    readListsOnFirstUse(projected, components, name, at, ranges);
    projected.alloyVersion = this.tag;
    projected.since = releaseLabel(ranges[0]);
    projected.status = present ? "active" : "removed";
    if (!present) projected.removedIn = releaseLabel(at + 1);
    projected.clustering = head.clusteringIn !== undefined && inRanges(head.clusteringIn, at);
    return projected;
  }

  /** Names of the components this release has (and, with `includeRemoved`, those it no longer has), sorted. */
  componentNames(includeRemoved: boolean): string[] {
    const names: string[] = [];
    for (const [name, ranges] of components.ranges) {
      if (inRanges(ranges, this.release) || (includeRemoved && lastReleaseBefore(ranges, this.release) !== undefined)) names.push(name);
    }
    return names;
  }

  components(): ComponentSchema[] {
    return (this.allComponents ??= this.componentNames(true).map((name) => this.component(name)!));
  }

  configBlock(name: string): ConfigBlockSchema | undefined {
    const cached = this.configBlockCache.get(name);
    if (cached !== undefined) return cached ?? undefined;
    const ranges = configBlocks.ranges.get(name);
    let made: ConfigBlockSchema | undefined;
    if (ranges && inRanges(ranges, this.release)) {
      made = projectRecord(configBlocks.record(name)!, this.release, derive) as unknown as ConfigBlockSchema;
      readListsOnFirstUse(made, configBlocks, name, this.release, ranges);
      made.alloyVersion = this.tag;
      made.since = releaseLabel(ranges[0]);
    }
    this.configBlockCache.set(name, made ?? null);
    return made;
  }

  configBlocks(): ConfigBlockSchema[] {
    return (this.allConfigBlocks ??= [...configBlocks.ranges.keys()].map((name) => this.configBlock(name)).filter((b): b is ConfigBlockSchema => b !== undefined));
  }

  catalog(): Catalog {
    if (!this.whole) {
      const { functions, deprecatedFunctionNames, constants } = stdlibData();
      this.whole = {
        $comment: catalogHeader.$comment,
        formatVersion: catalogHeader.formatVersion,
        alloyVersion: this.tag,
        source: { repository: catalogHeader.repository, tag: this.tag, commit: catalogHeader.releases[this.release].commit },
        docsSource: catalogHeader.docs,
        generator: catalogHeader.generator,
        components: this.components(),
        configBlocks: this.configBlocks(),
        functions,
        deprecatedFunctionNames,
        constants,
      };
    }
    return this.whole;
  }
}
