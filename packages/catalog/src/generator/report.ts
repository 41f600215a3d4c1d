import type { DocsReading } from "./docs-catalog.js";
import type { AttributeSchema, BlockSchema } from "../schema.js";
import type { ReleaseSchemas } from "./generate.js";
import type { CodeBody } from "./go/decoder-schema.js";
import type { ReleaseStructure } from "./go/read-release.js";
import type { Disagreement } from "./merge-prose.js";

/** A documentation table row or construct the generator could not turn into catalog data. */
export interface UnreadRow {
  /** File relative to `docs/sources` (a shared snippet when the row came through an include). */
  file: string;
  line: number;
  /** The page being read when the row was met (differs from `file` for includes). */
  page: string;
  text: string;
  reason: string;
}

/** Something worth knowing that is not an error (a heuristic applied, an override used). */
export interface GeneratorNote {
  page: string;
  message: string;
}

/** Collects problems while pages are read; one per generator run. */
export class ReportCollector {
  readonly unreadRows: UnreadRow[] = [];
  readonly notes: GeneratorNote[] = [];
  tableRowsRead = 0;

  unread(page: string, source: { file: string; line: number; text: string }, reason: string): void {
    this.unreadRows.push({ file: source.file, line: source.line, page, text: source.text.trim(), reason });
  }

  note(page: string, message: string): void {
    this.notes.push({ page, message });
  }
}

/** What the generator found, as `REPORT.md` shows it. */
export interface GeneratorReport {
  defaultRelease: string;
  releases: {
    tag: string;
    commit: string;
    components: number;
    configBlocks: number;
    attributes: number;
    blocks: number;
    enums: number;
  }[];
  /** Problems reading the Go source, each with the releases it occurs in. */
  goProblems: { message: string; where: string; releases: string[] }[];
  docs: {
    tag: string;
    components: number;
    configBlocks: number;
    functions: number;
    tableRowsRead: number;
    unreadRows: UnreadRow[];
    notes: GeneratorNote[];
    docFixesApplied: string[];
    docFixesUnused: string[];
  };
  /** Attributes of the default release with allowed values, by where the values come from. */
  enumSources: { code: number; docs: number };
  disagreements: Disagreement[];
}

export function buildReport(input: {
  docs: DocsReading;
  structures: ReleaseStructure[];
  releases: ReleaseSchemas[];
  disagreements: Disagreement[];
  defaultRelease: string;
}): GeneratorReport {
  const problems = new Map<string, { message: string; where: string; releases: string[] }>();
  for (const structure of input.structures) {
    for (const problem of structure.problems) {
      const key = `${problem.message}\n${problem.where}`;
      const entry = problems.get(key) ?? { message: problem.message, where: problem.where, releases: [] };
      entry.releases.push(structure.tag);
      problems.set(key, entry);
    }
  }
  const enumSources = { code: 0, docs: 0 };
  const defaultStructure = input.structures.find((s) => s.tag === input.defaultRelease);
  const countSources = (body: CodeBody) => {
    for (const attribute of body.attributes) if (attribute.enum) enumSources.code++;
    for (const block of body.blocks) countSources(block);
  };
  for (const component of defaultStructure?.components.values() ?? []) countSources(component.arguments);
  for (const block of defaultStructure?.configBlocks.values() ?? []) countSources(block.body);
  const releases = input.releases.map((release, index) => {
    const counts = { attributes: 0, blocks: 0, enums: 0 };
    for (const body of [...release.components, ...release.configBlocks]) countBody(body, counts);
    return {
      tag: release.tag,
      commit: input.structures[index].commit,
      components: release.components.length,
      configBlocks: release.configBlocks.length,
      ...counts,
    };
  });
  const defaultCounts = releases.find((r) => r.tag === input.defaultRelease);
  enumSources.docs = (defaultCounts?.enums ?? 0) - enumSources.code;
  const { catalog, collector, docFixes } = input.docs;
  return {
    defaultRelease: input.defaultRelease,
    releases,
    goProblems: [...problems.values()],
    docs: {
      tag: catalog.alloyVersion,
      components: catalog.components.length,
      configBlocks: catalog.configBlocks.length,
      functions: catalog.functions.length,
      tableRowsRead: collector.tableRowsRead,
      unreadRows: collector.unreadRows,
      notes: collector.notes,
      docFixesApplied: docFixes.applied,
      docFixesUnused: docFixes.unused,
    },
    enumSources,
    disagreements: input.disagreements,
  };
}

const DISAGREEMENT_TITLES: Record<Disagreement["kind"], string> = {
  "undocumented-component": "Registered in the code, no reference page",
  "component-not-in-code": "Documented, not in the code of this release",
  stability: "Stability differs",
  labelled: "Label differs",
  "undocumented-attribute": "Attributes the decoder accepts that the docs do not list",
  "attribute-not-in-code": "Attributes the docs list that the decoder rejects",
  "undocumented-block": "Blocks the decoder accepts that the docs do not list",
  "block-not-in-code": "Blocks the docs list that the decoder rejects",
  "attribute-or-block": "Attribute in one, block in the other",
  required: "Required-ness differs",
  repeatable: "Repetition differs (the decoder repeats slices)",
  type: "Types that differ beyond spelling",
  enum: "Allowed values differ (docs against the code's checks)",
};

/** `REPORT.md`: the generator's report as committed. */
export function formatReport(report: GeneratorReport): string {
  const lines = [
    "<!-- generated by @alloy-toolkit/catalog's generator (`pnpm catalog:generate`) — do not edit -->",
    "",
    "# Alloy catalog report",
    "",
    `The catalog's structure comes from Alloy's Go source at each release below, its prose from the docs at ${report.docs.tag}.`,
    `The default release is ${report.defaultRelease}.`,
    "",
    "## Releases",
    "",
    "| release | commit | components | config blocks | attributes | blocks | attributes with allowed values |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ...report.releases.map((r) => `| ${r.tag} | ${r.commit.slice(0, 12)} | ${r.components} | ${r.configBlocks} | ${r.attributes} | ${r.blocks} | ${r.enums} |`),
    "",
    `Allowed values at ${report.defaultRelease}: ${report.enumSources.code} attributes from the code's checks (\`switch\`, comparisons, sets in \`Validate\`/\`UnmarshalText\`), ${report.enumSources.docs} from the docs ("one of …").`,
    "",
    "## Reading the Go source",
    "",
  ];
  if (report.goProblems.length === 0) lines.push("No problems.");
  for (const problem of report.goProblems) lines.push(`- ${problem.where}: ${problem.message} (${releaseList(problem.releases, report.releases.map((r) => r.tag))})`);
  lines.push(
    "",
    `## Docs against code (${report.docs.tag})`,
    "",
    `${report.disagreements.length} disagreements between the reference pages and what Alloy's decoder accepts at ${report.docs.tag}. Paths are block paths inside the component; \`docs\` is what the page says, \`code\` what the decoder does.`,
  );
  for (const kind of Object.keys(DISAGREEMENT_TITLES) as Disagreement["kind"][]) {
    const items = report.disagreements.filter((d) => d.kind === kind);
    if (items.length === 0) continue;
    lines.push("", `### ${DISAGREEMENT_TITLES[kind]} (${items.length})`, "", "| component | path | docs | code | source |", "| --- | --- | --- | --- | --- |");
    for (const item of items) {
      lines.push(`| ${item.owner} | ${cell(item.path)} | ${cell(item.docs)} | ${cell(item.code)} | ${cell(item.source ?? "")} |`);
    }
  }
  const docs = report.docs;
  lines.push(
    "",
    "## Reading the docs",
    "",
    `${docs.components} component pages, ${docs.configBlocks} config-block pages, ${docs.functions} functions, ${docs.tableRowsRead} table rows read; ${docs.unreadRows.length} rows unread.`,
  );
  if (docs.unreadRows.length) {
    lines.push("", "Unread rows:", "");
    for (const row of docs.unreadRows) lines.push(`- ${row.file}:${row.line}${row.page === row.file ? "" : ` (via ${row.page})`}: ${row.reason} — \`${row.text.slice(0, 120).replace(/`/g, "'")}\``);
  }
  if (docs.docFixesApplied.length || docs.docFixesUnused.length) {
    lines.push("", "Doc fixes applied before reading:", "", ...docs.docFixesApplied.map((f) => `- ${f}`), ...docs.docFixesUnused.map((f) => `- unused (stale?): ${f}`));
  }
  if (docs.notes.length) lines.push("", "Notes:", "", ...docs.notes.map((n) => `- ${n.page}: ${n.message}`));
  return lines.join("\n") + "\n";
}

/** `v1.0.0 – v1.4.3` style spans of the releases in `all` that `some` holds. */
function releaseList(some: string[], all: string[]): string {
  if (some.length === all.length) return "every release";
  const spans: string[] = [];
  let start: number | undefined;
  all.forEach((tag, i) => {
    const inside = some.includes(tag);
    if (inside && start === undefined) start = i;
    if ((!inside || i === all.length - 1) && start !== undefined) {
      const end = inside ? i : i - 1;
      spans.push(start === end ? all[start] : `${all[start]} – ${all[end]}`);
      start = undefined;
    }
  });
  return spans.join(", ");
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** Counts of a body's attributes and blocks at every depth, and of attributes with allowed values. */
export function countBody(body: { attributes: AttributeSchema[]; blocks: BlockSchema[] }, counts = { attributes: 0, blocks: 0, enums: 0 }) {
  for (const attribute of body.attributes) {
    counts.attributes++;
    if (attribute.enum) counts.enums++;
  }
  for (const block of body.blocks) {
    counts.blocks++;
    countBody(block, counts);
  }
  return counts;
}
