import { defaultReleaseTag, releaseTags } from "./generated/catalog-data.js";
import {
  componentRanges,
  componentRecord,
  configBlockRanges,
  lastReleaseBefore,
  ReleaseCatalog,
  releaseLabel,
  stabilityAt,
  stdlibData,
} from "./release-catalog.js";
import type {
  AttributeSchema,
  BlockSchema,
  Catalog,
  ComponentSchema,
  ConfigBlockSchema,
  ConstantSchema,
  FunctionSchema,
  Stability,
} from "./schema.js";
import { inRanges } from "./versioned.js";

export type {
  AttributeSchema,
  BlockSchema,
  Catalog,
  ComponentSchema,
  ConfigBlockSchema,
  ConstantSchema,
  ExportSchema,
  FunctionParameter,
  FunctionSchema,
  Stability,
} from "./schema.js";
export type { AlloyType, CapsuleType, ParseTypeOptions, Signal, TypeParseResult } from "./types.js";
export { knownCapsuleNames, parseTypeExpression, typeToString, typesEqual } from "./types.js";

/** Alloy releases the catalog describes, oldest first: the last patch of every minor, and the newest release candidate. */
export const availableAlloyVersions = releaseTags;
export type AlloyVersion = (typeof releaseTags)[number];

/** The release every function answers for when none is named: the newest stable release. */
export const catalogVersion: AlloyVersion = defaultReleaseTag;

/** A body that holds attributes and blocks: a component, a config block, or a block. */
export type BlockContainer = Pick<BlockSchema, "attributes" | "blocks">;

const views = new Map<AlloyVersion, ReleaseCatalog>();

function view(version: AlloyVersion): ReleaseCatalog {
  let found = views.get(version);
  if (!found) {
    const index = (availableAlloyVersions as readonly string[]).indexOf(version);
    if (index < 0) throw new Error(`unknown Alloy version ${String(version)}; the catalog has ${availableAlloyVersions.join(", ")}`);
    views.set(version, (found = new ReleaseCatalog(index, version)));
  }
  return found;
}

/** Whether a string names a catalogued release exactly (`v1.15.1`). */
export function isAlloyVersion(value: unknown): value is AlloyVersion {
  return (availableAlloyVersions as readonly unknown[]).includes(value);
}

/**
 * The catalogued release that describes an Alloy version as users write it (`v1.15.0`, `1.15.1`, `v1.15`,
 * an image tag such as `v1.15.0-amd64`… is not a version): the catalogued release of the same minor, since
 * patches do not change what a config may hold. `exact` tells whether it is that very release. `undefined`
 * for text that is no version, or a minor the catalog does not cover.
 */
export function resolveAlloyVersion(text: string): { version: AlloyVersion; exact: boolean } | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?(-[0-9A-Za-z.-]+)?$/.exec(text.trim());
  if (!match) return undefined;
  const [, major, minor, patch, pre] = match;
  const normalized = `v${major}.${minor}.${patch ?? "0"}${pre ?? ""}`;
  if (isAlloyVersion(normalized)) return { version: normalized, exact: true };
  const line = availableAlloyVersions.filter((v) => v.startsWith(`v${major}.${minor}.`));
  if (line.length === 0) return undefined;
  // A stable version of a minor the catalog only has a release candidate of is not that candidate.
  const stable = line.filter((v) => !v.includes("-"));
  if (!pre && stable.length === 0) return undefined;
  return { version: (pre ? line : stable)[(pre ? line : stable).length - 1], exact: false };
}

/**
 * The whole catalog of a release, the same object each time. Its components and config blocks are whole
 * schemas, but each reads its `attributes`, `blocks` and `exports` the first time one of them is used.
 */
export function getCatalog(version: AlloyVersion = catalogVersion): Catalog {
  return view(version).catalog();
}

/**
 * A component by fully qualified name (`prometheus.scrape`) as the release has it. A component the release
 * no longer has comes back as the last release that had it had it, with `status: "removed"` and
 * `removedIn`; `undefined` for unknown names and for components added after the release (see
 * {@link componentAvailability}).
 */
export function getComponent(name: string, version: AlloyVersion = catalogVersion): ComponentSchema | undefined {
  return view(version).component(name);
}

/** The release's components sorted by name; pass `{ includeRemoved: true }` to get removed ones too (each reads its lists on first use). */
export function listComponents(options: { includeRemoved?: boolean; version?: AlloyVersion } = {}): ComponentSchema[] {
  const all = view(options.version ?? catalogVersion).components();
  return options.includeRemoved ? [...all] : all.filter((c) => c.status === "active");
}

/**
 * The names of `listComponents(options)`, in the same order, without reading any component: for
 * did-you-mean candidates and the like.
 */
export function componentNames(options: { includeRemoved?: boolean; version?: AlloyVersion } = {}): string[] {
  return view(options.version ?? catalogVersion).componentNames(options.includeRemoved ?? false);
}

/** A top-level config block (`logging`, `import.git`, …) of the release; `undefined` if it has none of that name. */
export function getConfigBlock(name: string, version: AlloyVersion = catalogVersion): ConfigBlockSchema | undefined {
  return view(version).configBlock(name);
}

/** The release's top-level config blocks sorted by name. */
export function listConfigBlocks(version: AlloyVersion = catalogVersion): ConfigBlockSchema[] {
  return [...view(version).configBlocks()];
}

/**
 * A standard-library function by name. Deprecated pre-namespace names (`env`, `json_decode`)
 * resolve to the current function; compare `result.name` with the name asked to detect them.
 * The standard library is the docs' (one for every release).
 */
export function getFunction(name: string, _version: AlloyVersion = catalogVersion): FunctionSchema | undefined {
  const { functions, deprecatedFunctionNames } = stdlibData();
  const current = Object.hasOwn(deprecatedFunctionNames, name) ? deprecatedFunctionNames[name] : name;
  return functions.find((f) => f.name === current);
}

/** All standard-library functions sorted by name. */
export function listFunctions(_version: AlloyVersion = catalogVersion): FunctionSchema[] {
  return [...stdlibData().functions];
}

/** Deprecated pre-namespace function names → their replacement (`concat` → `array.concat`). */
export function deprecatedFunctionNames(_version: AlloyVersion = catalogVersion): Readonly<Record<string, string>> {
  return stdlibData().deprecatedFunctionNames;
}

/** The members of the `constants` object (`constants.hostname`, …), the same objects as `getCatalog().constants`. */
export function listConstants(_version: AlloyVersion = catalogVersion): ConstantSchema[] {
  return [...stdlibData().constants];
}

/** A component's life across the catalogued releases. */
export interface ComponentHistory {
  name: string;
  /** The catalogued releases that have it, oldest first. */
  releases: AlloyVersion[];
  /** The release that added it (`v1.18.0`); `v1.0.0` when every catalogued release since the first has it. */
  addedIn: string;
  /** The first release without it, when the newest catalogued release does not have it (`v1.14.0`). */
  removedIn?: string;
  /** Its stability over time, oldest first: each level with the release it holds from and the releases it holds in. */
  stability: { stability: Stability; since: string; releases: AlloyVersion[] }[];
}

/** A component's history; `undefined` for a name no catalogued release has. */
export function componentHistory(name: string): ComponentHistory | undefined {
  const ranges = componentRanges(name);
  const record = componentRecord(name);
  if (!ranges || !record) return undefined;
  const releases = availableAlloyVersions.filter((_, i) => inRanges(ranges, i));
  const stability: ComponentHistory["stability"] = [];
  availableAlloyVersions.forEach((version, i) => {
    if (!inRanges(ranges, i)) return;
    const level = stabilityAt(record, i);
    const last = stability[stability.length - 1];
    if (last?.stability === level) last.releases.push(version);
    else stability.push({ stability: level, since: releaseLabel(i), releases: [version] });
  });
  const history: ComponentHistory = { name, releases, addedIn: releaseLabel(ranges[0]), stability };
  const lastIndex = ranges[ranges.length - 1];
  if (lastIndex < availableAlloyVersions.length - 1) history.removedIn = releaseLabel(lastIndex + 1);
  return history;
}

/** Whether a component is in a release, and the words a check needs when it is not (or not yet stable). */
export type ComponentAvailability =
  | { status: "available"; stability: Stability; /** Set when a later release changes its stability. */ message?: string }
  | { status: "not-yet-added"; addedIn: string; message: string }
  | { status: "removed"; removedIn: string; message: string }
  | { status: "unknown" };

/**
 * `discovery.aws` at v1.17.1 → not yet added: "discovery.aws is not in Alloy v1.17.1 (added in v1.18.0)";
 * `otelcol.receiver.opencensus` at v1.18.1 → removed: "otelcol.receiver.opencensus was removed in v1.14.0";
 * `database_observability.mysql` at v1.14.2 → available, with "database_observability.mysql is
 * public-preview in v1.14.2 (generally-available from v1.15.0)".
 */
export function componentAvailability(name: string, version: AlloyVersion = catalogVersion): ComponentAvailability {
  const ranges = componentRanges(name);
  const record = componentRecord(name);
  if (!ranges || !record) return { status: "unknown" };
  const release = availableAlloyVersions.indexOf(version);
  if (inRanges(ranges, release)) {
    const stability = stabilityAt(record, release);
    for (let later = release + 1; later < availableAlloyVersions.length && inRanges(ranges, later); later++) {
      const next = stabilityAt(record, later);
      if (next !== stability) {
        return { status: "available", stability, message: `${name} is ${stability} in ${version} (${next} from ${releaseLabel(later)})` };
      }
    }
    return { status: "available", stability };
  }
  const before = lastReleaseBefore(ranges, release);
  if (before !== undefined) {
    const removedIn = releaseLabel(before + 1);
    return { status: "removed", removedIn, message: `${name} was removed in ${removedIn}` };
  }
  const addedIn = releaseLabel(ranges[0]);
  return { status: "not-yet-added", addedIn, message: `${name} is not in Alloy ${version} (added in ${addedIn})` };
}

/**
 * The name messages give a catalogued release: the first release of its line (`v1.18.1` → `v1.18.0`), since
 * the catalog holds the last patch of each minor and minors are where things come and go; a release candidate
 * by its tag. The same names as `addedIn`, `removedIn` and `since`.
 */
export function releaseLineName(version: AlloyVersion): string {
  const index = availableAlloyVersions.indexOf(version);
  if (index < 0) throw new Error(`unknown Alloy version ${String(version)}; the catalog has ${availableAlloyVersions.join(", ")}`);
  return releaseLabel(index);
}

/** Whether an attribute or block of a component or config block is in a release, and the words a check needs when it is not. */
export type MemberAvailability =
  | { status: "available" }
  | { status: "not-yet-added"; addedIn: string; message: string }
  | { status: "removed"; removedIn: string; message: string }
  | { status: "unknown" };

/** Where an attribute or block sits: its owner (a component or a top-level config block), the block path inside it, and its kind. */
export interface MemberLocation {
  readonly owner: "component" | "config";
  /** The component's (`prometheus.scrape`) or config block's (`logging`) name. */
  readonly ownerName: string;
  /** The blocks from the owner down to the member's container (`["endpoint", "basic_auth"]`); empty at the top. */
  readonly path: readonly string[];
  readonly kind: "attribute" | "block";
  readonly name: string;
}

/**
 * An attribute or block across releases: `scrape_protocols` of prometheus.scrape at v1.1.1 → "`scrape_protocols` of
 * prometheus.scrape is not in Alloy v1.1.1 (added in v1.2.0)"; a member an earlier release had → "… was removed in
 * v1.X.0". Reads the owner's record at the releases it asks about (for messages, not for every statement).
 */
export function memberAvailability(member: MemberLocation, version: AlloyVersion = catalogVersion): MemberAvailability {
  const release = availableAlloyVersions.indexOf(version);
  if (release < 0) return { status: "unknown" };
  const has = (index: number): boolean => {
    const tag = availableAlloyVersions[index];
    const owner = member.owner === "component" ? view(tag).component(member.ownerName) : view(tag).configBlock(member.ownerName);
    if (!owner || ("status" in owner && owner.status !== "active")) return false;
    const container = member.path.length === 0 ? owner : findBlock(owner, member.path);
    if (!container) return false;
    return member.kind === "attribute"
      ? findAttribute(container, member.name) !== undefined
      : childBlocks(owner, container).some((b) => b.name === member.name);
  };
  if (has(release)) return { status: "available" };
  const what = `\`${[...member.path, member.name].join(" > ")}\` of ${member.ownerName}`;
  for (let later = release + 1; later < availableAlloyVersions.length; later++) {
    if (has(later)) {
      const addedIn = releaseLabel(later);
      return { status: "not-yet-added", addedIn, message: `${what} is not in Alloy ${version} (added in ${addedIn})` };
    }
  }
  for (let earlier = release - 1; earlier >= 0; earlier--) {
    if (has(earlier)) {
      const removedIn = releaseLabel(earlier + 1);
      return { status: "removed", removedIn, message: `${what} was removed in ${removedIn}` };
    }
  }
  return { status: "unknown" };
}

/** The releases that have a config block (`foreach` came later than `logging`), oldest first. */
export function configBlockReleases(name: string): AlloyVersion[] {
  const ranges = configBlockRanges(name);
  return ranges ? availableAlloyVersions.filter((_, i) => inRanges(ranges, i)) : [];
}

/**
 * The block at `path` inside a component, config block or block (`["endpoint", "basic_auth"]`),
 * following recursive blocks such as `stage.match > stage.json` in `loki.process`.
 */
export function findBlock(container: BlockContainer, path: readonly string[]): BlockSchema | undefined {
  let current: BlockContainer = container;
  let found: BlockSchema | undefined;
  for (const name of path) {
    found = childBlocks(container, current).find((b) => b.name === name);
    if (!found) return undefined;
    current = found;
  }
  return found;
}

/**
 * The blocks allowed directly inside `block`, including those inherited by recursive blocks.
 * `root` is the component or config block that `block` belongs to.
 */
export function childBlocks(root: BlockContainer, block: BlockContainer): BlockSchema[] {
  const inherited = "inheritsBlocksFrom" in block ? (block as BlockSchema).inheritsBlocksFrom : undefined;
  if (!inherited) return block.blocks;
  const source = inherited.length === 0 ? root : findBlock(root, inherited);
  if (!source) return block.blocks;
  const own = new Set(block.blocks.map((b) => b.name));
  return [...block.blocks, ...source.blocks.filter((b) => !own.has(b.name))];
}

/** An attribute of a component, config block or block by name. */
export function findAttribute(container: BlockContainer, name: string): AttributeSchema | undefined {
  return container.attributes.find((a) => a.name === name);
}
