import { CatalogFile, type CatalogDataIndex } from "./catalog-file.js";
import { dataIndex as dataIndexV1_18_1 } from "./generated/alloy-v1.18.1.index.js";
import type {
  AttributeSchema,
  BlockSchema,
  Catalog,
  ComponentSchema,
  ConfigBlockSchema,
  ConstantSchema,
  FunctionSchema,
} from "./schema.js";

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

/** Alloy releases with a committed catalog, newest last. */
export const availableAlloyVersions = ["v1.18.1"] as const;
export type AlloyVersion = (typeof availableAlloyVersions)[number];

/** The Alloy release the default catalog describes. */
export const catalogVersion: AlloyVersion = "v1.18.1";

/** A body that holds attributes and blocks: a component, a config block, or a block. */
export type BlockContainer = Pick<BlockSchema, "attributes" | "blocks">;

const dataIndexes: Record<AlloyVersion, CatalogDataIndex> = { "v1.18.1": dataIndexV1_18_1 };
const opened = new Map<AlloyVersion, CatalogFile>();

/** Path of the committed JSON for a release, relative to this module (works from `src/` and `dist/`). */
export function catalogFileUrl(version: AlloyVersion = catalogVersion): URL {
  return new URL(`../data/alloy-${version}.json`, import.meta.url);
}

function catalogFile(version: AlloyVersion): CatalogFile {
  let file = opened.get(version);
  if (!file) opened.set(version, (file = new CatalogFile(catalogFileUrl(version), dataIndexes[version])));
  return file;
}

/** The whole catalog of a release: reads every record not read yet, then returns the same object each time. */
export function getCatalog(version: AlloyVersion = catalogVersion): Catalog {
  return catalogFile(version).catalog();
}

/** A component by fully qualified name (`prometheus.scrape`), removed ones included; `undefined` if unknown. */
export function getComponent(name: string, version: AlloyVersion = catalogVersion): ComponentSchema | undefined {
  return catalogFile(version).record<ComponentSchema>("components", name);
}

/** All components sorted by name; pass `{ includeRemoved: true }` to get removed ones too. Reads every component. */
export function listComponents(
  options: { includeRemoved?: boolean; version?: AlloyVersion } = {},
): ComponentSchema[] {
  const components = catalogFile(options.version ?? catalogVersion).records<ComponentSchema>("components");
  return options.includeRemoved ? [...components] : components.filter((c) => c.status === "active");
}

/**
 * The names of `listComponents(options)`, in the same order, without reading any component: for
 * did-you-mean candidates and the like.
 */
export function componentNames(options: { includeRemoved?: boolean; version?: AlloyVersion } = {}): string[] {
  return catalogFile(options.version ?? catalogVersion).names("components", options.includeRemoved ? undefined : "active");
}

/** A top-level config block (`logging`, `import.git`, …); `undefined` if unknown. */
export function getConfigBlock(name: string, version: AlloyVersion = catalogVersion): ConfigBlockSchema | undefined {
  return catalogFile(version).record<ConfigBlockSchema>("configBlocks", name);
}

/** All top-level config blocks sorted by name. */
export function listConfigBlocks(version: AlloyVersion = catalogVersion): ConfigBlockSchema[] {
  return [...catalogFile(version).records<ConfigBlockSchema>("configBlocks")];
}

/**
 * A standard-library function by name. Deprecated pre-namespace names (`env`, `json_decode`)
 * resolve to the current function; compare `result.name` with the name asked to detect them.
 */
export function getFunction(name: string, version: AlloyVersion = catalogVersion): FunctionSchema | undefined {
  const deprecated = deprecatedFunctionNames(version);
  const current = Object.hasOwn(deprecated, name) ? deprecated[name] : name;
  return catalogFile(version).record<FunctionSchema>("functions", current);
}

/** All standard-library functions sorted by name. */
export function listFunctions(version: AlloyVersion = catalogVersion): FunctionSchema[] {
  return [...catalogFile(version).records<FunctionSchema>("functions")];
}

/** Deprecated pre-namespace function names → their replacement (`concat` → `array.concat`). */
export function deprecatedFunctionNames(version: AlloyVersion = catalogVersion): Readonly<Record<string, string>> {
  return catalogFile(version).value<Record<string, string>>("deprecatedFunctionNames");
}

/** The members of the `constants` object (`constants.hostname`, …), the same objects as `getCatalog().constants`. */
export function listConstants(version: AlloyVersion = catalogVersion): ConstantSchema[] {
  return [...catalogFile(version).records<ConstantSchema>("constants")];
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
