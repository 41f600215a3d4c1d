import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { AttributeSchema, BlockSchema, Catalog, ComponentSchema, ConfigBlockSchema, ExportSchema } from "../schema.js";
import { parseTypeExpression, type AlloyType, type Signal } from "../types.js";
import { loadPage, type DocsReader, type IncludeProblem, type Page } from "./markdown.js";
import { docFixes as defaultDocFixes, type DocFix } from "./doc-fixes.js";
import { applyProseEnums } from "./docs-enums.js";
import { readReferencePage, rebase, signalsIn, type ReferencePage } from "./reference-page.js";
import { ReportCollector, type GeneratorReport } from "./report.js";
import { compare, readStdlib } from "./stdlib.js";

export interface DocsOptions {
  /** The docs snapshot: a folder holding `SOURCE.txt` and `sources/`. */
  docsRoot: string;
  docFixes?: DocFix[];
}

/** What the docs snapshot says, as a catalog of its release, before the code is consulted. */
export interface DocsReading {
  catalog: DocsCatalog;
  collector: ReportCollector;
  /** Doc fixes applied (`applied`) and those whose text was not found (`unused`: the page changed). */
  docFixes: { applied: string[]; unused: string[] };
}

/** A component as its page documents it (no release facts). */
export type DocsComponent = Omit<ComponentSchema, "alloyVersion" | "since" | "removedIn">;
export type DocsConfigBlock = Omit<ConfigBlockSchema, "alloyVersion" | "since">;

export interface DocsCatalog extends Pick<Catalog, "alloyVersion" | "source" | "functions" | "deprecatedFunctionNames" | "constants"> {
  components: DocsComponent[];
  configBlocks: DocsConfigBlock[];
}

/**
 * Reads the docs snapshot: component and config-block reference pages (tables, prose, stability
 * banners) and the stdlib pages. Deterministic: same docs, same output.
 */
export function readDocsCatalog(options: DocsOptions): DocsReading {
  const sourcesRoot = join(options.docsRoot, "sources");
  const source = readSource(join(options.docsRoot, "SOURCE.txt"));
  const fixes = options.docFixes ?? defaultDocFixes;
  const usedFixes = new Set<DocFix>();
  const reader: DocsReader = {
    read: (relativePath) => {
      const path = join(sourcesRoot, relativePath);
      if (!existsSync(path)) return undefined;
      let text = readFileSync(path, "utf8");
      for (const fix of fixes) {
        if (fix.file !== relativePath || !text.includes(fix.find)) continue;
        text = text.split(fix.find).join(fix.replace);
        usedFixes.add(fix);
      }
      return text;
    },
  };
  const report = new ReportCollector();
  const includeProblems: IncludeProblem[] = [];
  const docsMinor = source.tag.replace(/^(v\d+\.\d+).*$/, "$1");
  const docUrl = (docPath: string, anchor?: string) =>
    `https://grafana.com/docs/alloy/${docsMinor}/${docPath.replace(/(\/_index)?\.md$/, "")}/${anchor ? `#${anchor}` : ""}`;

  const load = (path: string): Page => {
    const page = loadPage(reader, path, includeProblems);
    if (!page) throw new Error(`cannot read ${path}`);
    return page;
  };

  const components: DocsComponent[] = [];
  for (const path of componentPagePaths(sourcesRoot)) {
    const page = load(path);
    const name = path.replace(/^.*\//, "").replace(/\.md$/, "");
    const read = readReferencePage(page, name, report);
    markRepeatableFromProse(page, read.blocks);
    applyProseEnums(page, read);
    components.push(toComponent(read, path, docUrl(path)));
  }
  components.sort((a, b) => compare(a.name, b.name));

  const configBlocks: DocsConfigBlock[] = [];
  for (const file of markdownFiles(join(sourcesRoot, "reference/config-blocks"))) {
    const path = `reference/config-blocks/${file}`;
    const page = load(path);
    const name = file.replace(/\.md$/, "");
    const read = readReferencePage(page, name, report);
    markRepeatableFromProse(page, read.blocks);
    applyProseEnums(page, read);
    configBlocks.push({
      name,
      stability: read.stability,
      description: read.description,
      docPath: path,
      docUrl: docUrl(path),
      labelled: read.labelled,
      attributes: read.attributes,
      blocks: read.blocks,
      exports: read.exports,
    });
  }
  configBlocks.sort((a, b) => compare(a.name, b.name));

  const stdlibPages = markdownFiles(join(sourcesRoot, "reference/stdlib")).map((file) => load(`reference/stdlib/${file}`));
  const stdlib = readStdlib(stdlibPages, docUrl, report);

  for (const problem of includeProblems) {
    report.unread(problem.file, { file: problem.file, line: problem.line, text: "" }, problem.message);
  }

  const catalog: DocsCatalog = {
    alloyVersion: source.tag,
    source: { repository: source.repository, tag: source.tag, commit: source.commit },
    components,
    configBlocks,
    functions: stdlib.functions,
    deprecatedFunctionNames: stdlib.deprecatedFunctionNames,
    constants: stdlib.constants,
  };
  const docFixes = { applied: [] as string[], unused: [] as string[] };
  for (const fix of fixes) {
    (usedFixes.has(fix) ? docFixes.applied : docFixes.unused).push(`${fix.file} ${fix.find} — ${fix.reason}`);
  }
  for (const component of catalog.components) {
    component.clustering = component.blocks.some((b) => b.name === "clustering");
  }
  return { catalog, collector: report, docFixes };
}

function readSource(path: string): { repository: string; tag: string; commit: string } {
  const text = existsSync(path) ? readFileSync(path, "utf8") : "";
  const field = (name: string) => new RegExp(`^${name}:\\s*(\\S+)`, "m").exec(text)?.[1] ?? "unknown";
  return { repository: field("Repository"), tag: field("Tag"), commit: field("Commit") };
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md") && f !== "_index.md")
    .sort(compare);
}

function componentPagePaths(sourcesRoot: string): string[] {
  const base = join(sourcesRoot, "reference/components");
  const paths: string[] = [];
  for (const namespace of readdirSync(base, { withFileTypes: true })) {
    if (!namespace.isDirectory()) continue;
    for (const file of markdownFiles(join(base, namespace.name))) paths.push(`reference/components/${namespace.name}/${file}`);
  }
  return paths.sort(compare);
}

function toComponent(read: ReferencePage, docPath: string, docUrl: string): DocsComponent {
  const component: DocsComponent = {
    name: read.name,
    namespace: read.name.split(".")[0],
    stability: read.stability,
    status: read.removed ? "removed" : "active",
    description: read.description,
    docPath,
    docUrl,
    attributes: read.attributes,
    blocks: read.blocks,
    exports: read.exports,
    exportsDocumented: read.exportsDocumented,
    clustering: false,
  };
  assignConsumerSignals(component);
  return component;
}

/**
 * `otelcol.Consumer` values carry the signals the docs name: an `output` block's `metrics`/`logs`/
 * `traces` arguments carry that signal; an exported `input` carries what the component accepts
 * (read from its first paragraph, "accepts metrics and traces").
 */
export function assignConsumerSignals(component: Pick<ComponentSchema, "blocks" | "exports" | "description">): void {
  const visit = (blocks: BlockSchema[]) => {
    for (const block of blocks) {
      for (const attribute of block.attributes) {
        const signal = signalsIn(attribute.name);
        if (signal.length === 1 && attribute.name === signal[0]) withConsumerSignals(attribute.type, signal);
      }
      visit(block.blocks);
    }
  };
  visit(component.blocks);
  const output = component.blocks.find((b) => b.name === "output");
  const fromOutput = (output?.attributes ?? []).map((a) => a.name).filter((n): n is Signal => n === "metrics" || n === "logs" || n === "traces");
  const described = signalsIn(component.description).filter((s) => s !== "profiles");
  const accepted = described.length > 0 ? described : fromOutput;
  for (const exported of component.exports) {
    const documented = exported.type.kind === "capsule" && exported.type.signals !== undefined;
    if (exported.name === "input" && accepted.length > 0 && !documented) withConsumerSignals(exported.type, accepted);
  }
}

function withConsumerSignals(type: AlloyType, signals: Signal[]): void {
  if (type.kind === "list") return withConsumerSignals(type.element, signals);
  if (type.kind === "capsule" && type.name === "otelcol.Consumer") type.signals = [...signals];
}

/** Sentences such as "You can specify multiple `endpoint` blocks" mark every block of that name repeatable. */
function markRepeatableFromProse(page: Page, blocks: BlockSchema[]): void {
  const text = page.lines.map((l) => l.text).join(" ");
  const names = new Set<string>();
  const patterns = [
    /multiple `([\w.]+)` blocks/gi,
    /`([\w.]+)` blocks? (?:may|can|must) be (?:specified|provided|defined|repeated|configured|set|given)[^.]*?(?:multiple|more than once|many)/g,
    /(?:specify|define|configure|provide|add|use) (?:the )?`([\w.]+)` blocks? (?:one or )?(?:multiple|several|many) times/g,
    /(?:any number of|one or more|zero or more) `([\w.]+)` blocks/g,
    /`([\w.]+)` block can be repeated/g,
  ];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) names.add(match[1]);
  const visit = (list: BlockSchema[]) => {
    for (const block of list) {
      if (names.has(block.name)) block.repeatable = true;
      visit(block.blocks);
    }
  };
  visit(blocks);
}

