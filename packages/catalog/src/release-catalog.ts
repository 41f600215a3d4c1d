import {
  catalogHeader,
  componentIndex,
  componentRecords,
  configBlockIndex,
  configBlockRecords,
  stdlibRecord,
  typeTable,
} from "./generated/catalog-data.js";
import { inflateRecord, type TypeTable } from "./stored-record.js";
import { typeToString, type AlloyType } from "./types.js";
import type { Catalog, ComponentSchema, ConfigBlockSchema, ConstantSchema, FunctionSchema, Stability } from "./schema.js";
import { factsAt, inRanges, projectRecord, type ReleaseRanges, type VersionedRecord } from "./versioned.js";

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
 * The versioned records, parsed the first time each is asked for and shared by every release's view.
 * Nothing here reads a file: the records are strings of the generated module.
 */
class VersionedRecords {
  private readonly parsed = new Map<string, VersionedRecord>();
  readonly ranges: ReadonlyMap<string, ReleaseRanges>;

  constructor(
    private readonly kind: string,
    index: readonly (readonly [string, readonly number[]])[],
    private readonly texts: Readonly<Record<string, string>>,
  ) {
    this.ranges = new Map(index);
  }

  record(name: string): VersionedRecord | undefined {
    let record = this.parsed.get(name);
    if (record === undefined) {
      if (!this.ranges.has(name)) return undefined;
      record = JSON.parse(this.texts[name]) as VersionedRecord;
      if (record.name !== name) throw new Error(`catalog data: the ${this.kind} record for ${name} is named ${record.name}`);
      inflateRecord(record, types());
      this.parsed.set(name, record);
    }
    return record;
  }
}

const components = new VersionedRecords("component", componentIndex, componentRecords);
const configBlocks = new VersionedRecords("config block", configBlockIndex, configBlockRecords);
let stdlib: Stdlib | undefined;
let typeList: TypeTable | undefined;

/** The distinct types the stored fields name by index, parsed once with their spellings. */
function types(): TypeTable {
  if (!typeList) {
    const parsed = JSON.parse(typeTable) as AlloyType[];
    typeList = { types: parsed, spellings: parsed.map(typeToString) };
  }
  return typeList;
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
    const projected = projectRecord(components.record(name)!, at, derive) as unknown as ComponentSchema;
    projected.alloyVersion = this.tag;
    projected.since = releaseLabel(ranges[0]);
    projected.status = present ? "active" : "removed";
    if (!present) projected.removedIn = releaseLabel(at + 1);
    projected.clustering = projected.blocks.some((b) => b.name === "clustering");
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
