import { shareBlocks, shareFields, storeTables, storeTopLevel } from "./store-record.js";
import type { CatalogData } from "./generate.js";

/** Where the data module lives, relative to this module (works from `src/` and `dist/`). */
export function dataModuleUrl(): URL {
  return new URL("../../src/generated/catalog-data.ts", import.meta.url);
}

/** Where the report lives. */
export function reportUrl(): URL {
  return new URL("../../REPORT.md", import.meta.url);
}

/**
 * The data module's text. Each component's and config block's head and body, and the stdlib, is a JSON
 * text inside a string literal, one per line: loading the module only scans strings, and a text is parsed
 * the first time it is asked for (`JSON.parse` of a string is also faster than evaluating the same object
 * literal); see `store-record.ts` for what heads and bodies hold. The
 * JSON is ASCII (other characters as `\uXXXX`), so the file is too. Plain ES module data, no Node
 * built-ins: TypeScript and bundlers (esbuild, for a browser too) take it as it is.
 */
export function serializeDataModule(data: CatalogData): string {
  const tables = storeTables([...data.components, ...data.configBlocks]);
  const components = data.components.map((c) => storeTopLevel(c, tables, true));
  const configBlocks = data.configBlocks.map((c) => storeTopLevel(c, tables, false));
  const bodies = [...components, ...configBlocks].map(({ body }) => body);
  shareBlocks(bodies, tables);
  shareFields(bodies, tables);
  const lines = [
    `// ${data.header.$comment}`,
    'import type { CatalogHeader } from "../versioned.js";',
    "",
    "/** The catalogued Alloy releases, oldest first. */",
    `export const releaseTags = ${JSON.stringify(data.header.releases.map((r) => r.tag))} as const;`,
    "",
    "/** The release the API answers for when none is named. */",
    `export const defaultReleaseTag = ${JSON.stringify(data.header.defaultRelease)} as const;`,
    "",
    "/** The releases covered, the default release, where the data comes from. */",
    `export const catalogHeader: CatalogHeader = ${json(data.header)};`,
    "",
    ...recordSection("component", "Every component ever registered", data.components, components),
    ...recordSection("configBlock", "Every config block of the runtime and the services", data.configBlocks, configBlocks),
    "/** The distinct types of the stored attributes and exports (`AlloyType` JSON), which name them by index. */",
    `export const typeTable: string = ${quote(json(tables.types.map((t) => JSON.parse(t))))};`,
    "",
    "/** The descriptions more than one attribute, export or block has, which name them by index. */",
    `export const descriptionTable: string = ${quote(json(tables.descriptions))};`,
    "",
    "/** The blocks that are the same in more than one place (stored blocks), which block lists name by index. */",
    `export const sharedBlockTable: string = ${quote(json(tables.blocks))};`,
    "",
    "/** The attributes and the exports stored the same in more than one list (stored fields), which lists name by index. */",
    `export const sharedAttributeTable: string = ${quote(json(tables.attributes))};`,
    `export const sharedExportTable: string = ${quote(json(tables.exports))};`,
    "",
    "/** The standard library (`functions`, `deprecatedFunctionNames`, `constants`) as the docs describe it, parsed on first use. */",
    `export const stdlibRecord: string = ${quote(json(data.stdlib))};`,
    "",
  ];
  return lines.join("\n");
}

/**
 * `<kind>Index` (each name with the releases that have it, flattened inclusive index ranges),
 * `<kind>Heads` and `<kind>Bodies` (one stored head and body per name, JSON in a string, parsed on first use).
 */
function recordSection(kind: string, what: string, versioned: CatalogData["components"], stored: ReturnType<typeof storeTopLevel>[]): string[] {
  return [
    `/** ${what}: its name and the releases that have it (flattened inclusive index ranges). */`,
    `export const ${kind}Index: readonly (readonly [name: string, releases: readonly number[]])[] = [`,
    ...versioned.map((c) => `  [${JSON.stringify(c.name)}, ${JSON.stringify(c.in)}],`),
    "];",
    "",
    "/** Heads of the versioned records (`VersionedRecord` JSON without child lists, as `generator/store-record.ts` says), parsed on first use. */",
    `export const ${kind}Heads: Readonly<Record<string, string>> = {`,
    ...stored.map(({ head }) => `  ${JSON.stringify(head.name)}: ${quote(json(head))},`),
    "};",
    "",
    "/** Bodies of the versioned records (`{ attributes, blocks, exports }` JSON), parsed when a record's lists are first read. */",
    `export const ${kind}Bodies: Readonly<Record<string, string>> = {`,
    ...stored.map(({ head, body }) => `  ${JSON.stringify(head.name)}: ${quote(json(body))},`),
    "};",
    "",
  ];
}

/** JSON with every non-ASCII character escaped. */
function json(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A single-quoted JavaScript string literal holding `text` (ASCII without line breaks, as `json` writes). */
function quote(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}
