import type { AttributeSchema, BlockSchema, ExportSchema, Stability } from "../schema.js";
import { parseTypeExpression, type AlloyType, type ParseTypeOptions, type Signal } from "../types.js";
import {
  linkReferences,
  proseIn,
  sectionsOf,
  stripInline,
  tablesIn,
  type Page,
  type Section,
  type SourceLine,
  type Table,
  type TableRow,
} from "./markdown.js";
import type { ReportCollector } from "./report.js";

/** What a component or config-block page documents, before overrides. */
export interface ReferencePage {
  name: string;
  stability: Stability;
  removed: boolean;
  description: string;
  labelled: boolean;
  attributes: AttributeSchema[];
  blocks: BlockSchema[];
  exports: ExportSchema[];
  exportsDocumented: boolean;
}

type TableKind = "attributes" | "blocks" | "exports" | "other";

interface Columns {
  name: number;
  type: number;
  description: number;
  default: number;
  required: number;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Reads the arguments, blocks and exports of a component or config-block page. */
export function readReferencePage(page: Page, name: string, report: ReportCollector): ReferencePage {
  const reader = new PageReader(page, name, report);
  return reader.read();
}

class PageReader {
  private readonly sections: Section[];
  private readonly refs: Map<string, string>;
  private readonly typeOptions: ParseTypeOptions;
  private readonly claimedSections = new Set<Section>();
  /** Blocks created from nested tables or implied by deeper rows: a later main-table row for them is no duplicate. */
  private readonly secondaryBlocks = new Set<BlockSchema>();
  /** Blocks documented as "the same configuration structure as `spans`": filled from that sibling. */
  private readonly sameAs = new Map<BlockSchema, string>();

  constructor(
    private readonly page: Page,
    private readonly name: string,
    private readonly report: ReportCollector,
  ) {
    this.sections = sectionsOf(page.lines);
    this.refs = linkReferences(page.lines);
    this.typeOptions = { receiverSignal: receiverSignalFor(name) };
  }

  read(): ReferencePage {
    const top = this.sections.filter((s) => s.level === 2);
    const argumentsSection = top.find((s) => /^arguments?$/i.test(s.title));
    const blocksSection = top.find((s) => /^blocks?$/i.test(s.title));
    const exportsSection = top.find((s) => /^export(ed)? fields$|^exports$/i.test(s.title));

    const blocks = blocksSection ? this.readBlocks(blocksSection) : [];
    const body = argumentsSection ? this.readAttributesIn(argumentsSection.start, argumentsSection.end, []) : { attributes: [], blocks: [] };
    const attributes = body.attributes;
    for (const block of body.blocks) if (!blocks.some((b) => b.name === block.name)) blocks.push(block);
    const exports = exportsSection ? this.readExports(exportsSection) : [];
    return {
      name: this.name,
      stability: this.stability(),
      removed: this.isRemoved(),
      description: this.description(),
      labelled: this.usageTakesLabel(),
      attributes,
      blocks,
      exports,
      exportsDocumented: exportsSection !== undefined,
    };
  }

  private stability(): Stability {
    const text = this.page.lines.map((l) => l.text).join("\n");
    if (/include stability\/community\.md/.test(text)) return "community";
    const labels = this.page.frontMatter.labels as { stage?: string } | undefined;
    const stage = labels?.stage ?? "";
    if (/experimental/i.test(stage)) return "experimental";
    if (/preview/i.test(stage)) return "public-preview";
    const h1 = this.sections.find((s) => s.level === 1);
    const intro = h1 ? this.page.lines.slice(h1.start, h1.ownEnd).map((l) => l.text).join("\n") : "";
    if (/include stability\/experimental(_otel)?\.md/.test(intro)) return "experimental";
    if (/include stability\/public_preview\.md/.test(intro)) return "public-preview";
    return "generally-available";
  }

  private isRemoved(): boolean {
    const h1 = this.sections.find((s) => s.level === 1);
    if (!h1) return false;
    const intro = this.page.lines.slice(h1.start, h1.ownEnd).map((l) => l.text).join("\n");
    return new RegExp("`" + escapeRegExp(this.name) + "` (is|has been) removed").test(intro);
  }

  private description(): string {
    const h1 = this.sections.find((s) => s.level === 1);
    const fromBody = h1 ? proseIn(this.page.lines, h1.start + 1, h1.ownEnd)[0] : undefined;
    return fromBody ?? String(this.page.frontMatter.description ?? "");
  }

  /** Config blocks such as `argument "name" { … }` show a label in their usage example. */
  private usageTakesLabel(): boolean {
    const usage = this.sections.find((s) => s.level === 2 && /^usage$/i.test(s.title));
    if (!usage) return false;
    const lines = this.page.lines.slice(usage.start, usage.end).map((l) => l.text);
    const fence = lines.findIndex((l) => /^\s*```/.test(l));
    const first = lines.slice(fence + 1).find((l) => l.trim() !== "");
    return first !== undefined && new RegExp("^\\s*" + escapeRegExp(this.name) + "\\s+\"").test(first);
  }

  /**
   * Attribute tables in `lines[from, to)`. Rows whose Type cell links to a heading of the page
   * (`[`metric`][]` in `otelcol.receiver.vcenter`) are blocks of that shape; rows named
   * `attr > field` describe the fields of an object attribute.
   */
  private readAttributesIn(from: number, to: number, parentPath: string[]): { attributes: AttributeSchema[]; blocks: BlockSchema[] } {
    const attributes: AttributeSchema[] = [];
    const blocks: BlockSchema[] = [];
    for (const table of tablesIn(this.page.lines, from, to)) {
      if (classifyTable(table) !== "attributes") continue;
      const columns = columnsOf(table.header);
      for (const row of table.rows) {
        if (row.cells.length !== table.header.length) {
          this.report.unread(this.page.path, row.source, `row has ${row.cells.length} cells, header has ${table.header.length}`);
          continue;
        }
        const nameParts = row.cells[columns.name].split(/\s*>\s*/).map(stripInline);
        const typeSection = this.linkedSection(row.cells[columns.type]);
        if (nameParts.length === 1 && typeSection && !parseTypeExpression(row.cells[columns.type], this.typeOptions).ok) {
          if (!IDENTIFIER.test(nameParts[0])) {
            this.report.unread(this.page.path, row.source, `block name "${nameParts[0]}" is not an identifier`);
            continue;
          }
          this.report.tableRowsRead++;
          const required = columns.required >= 0 ? readRequired(row.cells[columns.required]) : { required: false };
          const description = stripInline(row.cells[columns.description] ?? "");
          blocks.push(this.makeBlock([...parentPath, nameParts[0]], description, required, typeSection, []));
          continue;
        }
        const attribute = this.readAttributeRow(columns, row, nameParts[nameParts.length - 1]);
        if (!attribute) continue;
        if (nameParts.length === 2) {
          const owner = attributes.find((a) => a.name === nameParts[0]);
          if (!owner) {
            this.report.unread(this.page.path, row.source, `field row "${nameParts.join(" > ")}" has no attribute "${nameParts[0]}" above it`);
            continue;
          }
          (owner.fields ??= []).push(attribute);
          continue;
        }
        if (nameParts.length > 2) {
          this.report.unread(this.page.path, row.source, `attribute name "${nameParts.join(" > ")}" is nested too deep`);
          continue;
        }
        if (attributes.some((a) => a.name === attribute.name)) {
          this.report.unread(this.page.path, row.source, `duplicate attribute "${attribute.name}"`);
          continue;
        }
        attributes.push(attribute);
      }
    }
    return { attributes, blocks };
  }

  private readAttributeRow(columns: Columns, row: TableRow, name: string): AttributeSchema | undefined {
    if (!IDENTIFIER.test(name)) {
      this.report.unread(this.page.path, row.source, `attribute name "${name}" is not an identifier`);
      return undefined;
    }
    const type = this.readType(row, row.cells[columns.type]);
    if (!type) return undefined;
    this.report.tableRowsRead++;
    const description = stripInline(row.cells[columns.description] ?? "");
    const attribute: AttributeSchema = {
      name,
      type,
      documentedType: stripInline(row.cells[columns.type]),
      required: false,
      description,
      deprecated: isDeprecated(description),
    };
    if (columns.required >= 0) {
      const required = readRequired(row.cells[columns.required]);
      attribute.required = required.required;
      if (required.condition) attribute.requiredCondition = required.condition;
    }
    if (columns.default >= 0) {
      const value = defaultValue(row.cells[columns.default]);
      if (value !== undefined) attribute.default = value;
    }
    const values = enumValues(row.cells[columns.description] ?? "", type);
    if (values) attribute.enum = values;
    return attribute;
  }

  private readType(row: TableRow, cell: string): AlloyType | undefined {
    const parsed = parseTypeExpression(cell, this.typeOptions);
    if (!parsed.ok) {
      this.report.unread(this.page.path, row.source, `type: ${parsed.message}`);
      return undefined;
    }
    return parsed.type;
  }

  private readExports(section: Section): ExportSchema[] {
    const exports: ExportSchema[] = [];
    for (const table of tablesIn(this.page.lines, section.start, section.end)) {
      const kind = classifyTable(table);
      if (kind !== "exports" && kind !== "attributes") continue;
      const columns = columnsOf(table.header);
      for (const row of table.rows) {
        if (row.cells.length !== table.header.length) {
          this.report.unread(this.page.path, row.source, `row has ${row.cells.length} cells, header has ${table.header.length}`);
          continue;
        }
        const name = stripInline(row.cells[columns.name]);
        if (!IDENTIFIER.test(name)) {
          this.report.unread(this.page.path, row.source, `export name "${name}" is not an identifier`);
          continue;
        }
        const type = this.readType(row, row.cells[columns.type]);
        if (!type) continue;
        this.report.tableRowsRead++;
        exports.push({
          name,
          type,
          documentedType: stripInline(row.cells[columns.type]),
          description: stripInline(row.cells[columns.description] ?? ""),
        });
      }
    }
    // "`input` accepts `otelcol.Consumer` data for any telemetry signal (metrics, logs, or traces)."
    const prose = this.page.lines.slice(section.start, section.end).map((l) => l.text);
    for (const exported of exports) {
      const consumer = exported.type.kind === "list" ? exported.type.element : exported.type;
      if (consumer.kind !== "capsule" || consumer.name !== "otelcol.Consumer") continue;
      const sentence = prose.find((line) => line.startsWith(`\`${exported.name}\` accepts`));
      const signals = sentence ? signalsIn(sentence.replace(/`[^`]*`/g, "")).filter((s) => s !== "profiles") : [];
      if (signals.length > 0) consumer.signals = signals;
    }
    return exports;
  }

  private readBlocks(section: Section): BlockSchema[] {
    const root: BlockSchema[] = [];
    const hierarchy = tablesIn(this.page.lines, section.start, section.ownEnd).filter((t) => classifyTable(t) === "blocks");
    if (hierarchy.length === 0) {
      const headingBlocks = this.sections.filter(
        (s) => s.level === section.level + 1 && s.start > section.start && s.start < section.end && IDENTIFIER.test(s.title),
      );
      if (headingBlocks.length) {
        this.report.note(this.page.path, `blocks declared by headings only: ${headingBlocks.map((s) => s.title).join(", ")}`);
      }
      for (const heading of headingBlocks) {
        root.push(this.makeBlock([heading.title], "", { required: false }, heading, []));
      }
      return root;
    }
    for (const table of hierarchy) this.readBlockTable(table, [], root, []);
    this.resolveSameAs(root);
    return root;
  }

  /** Reads a block table whose rows are relative to `basePath`; `siblings` is the list the top rows go to. */
  private readBlockTable(table: Table, basePath: string[], siblings: BlockSchema[], visiting: Section[]): void {
    const columns = columnsOf(table.header);
    for (const row of table.rows) {
      if (row.cells.length !== table.header.length) {
        this.report.unread(this.page.path, row.source, `row has ${row.cells.length} cells, header has ${table.header.length}`);
        continue;
      }
      const { names, link } = this.parseBlockCell(row.cells[columns.name]);
      if (names.length === 0 || !names.every((n) => IDENTIFIER.test(n))) {
        this.report.unread(this.page.path, row.source, `block path "${names.join(" > ")}" is not made of identifiers`);
        continue;
      }
      let parentList = siblings;
      let parentPath = basePath;
      for (const ancestor of names.slice(0, -1)) {
        let parent = parentList.find((b) => b.name === ancestor);
        if (!parent) {
          // The row names its ancestors, so they exist even when the table skips their own rows.
          this.report.note(this.page.path, `block ${[...parentPath, ancestor].join(" > ")} implied by row "${names.join(" > ")}"`);
          parent = this.makeBlock([...parentPath, ancestor], "", { required: false }, this.sectionForBlock(undefined, ancestor), visiting);
          this.secondaryBlocks.add(parent);
          parentList.push(parent);
        }
        parentList = parent.blocks;
        parentPath = parent.path;
      }
      const name = names[names.length - 1];
      const existing = parentList.find((b) => b.name === name);
      if (existing) {
        // Nested tables often repeat rows of the main hierarchy table; they agree, so skip them.
        if (visiting.length === 0 && !this.secondaryBlocks.has(existing)) {
          this.report.unread(this.page.path, row.source, `duplicate block "${names.join(" > ")}"`);
        }
        continue;
      }
      this.report.tableRowsRead++;
      const section = this.sectionForBlock(link, name);
      const required = columns.required >= 0 ? readRequired(row.cells[columns.required]) : { required: false };
      const description = stripInline(row.cells[columns.description] ?? "");
      if (!section) this.report.note(this.page.path, `block ${[...parentPath, name].join(" > ")} has no section of its own`);
      const block = this.makeBlock([...parentPath, name], description, required, section, visiting);
      if (visiting.length > 0) this.secondaryBlocks.add(block);
      parentList.push(block);
    }
  }

  private makeBlock(
    path: string[],
    description: string,
    required: { required: boolean; condition?: string },
    section: Section | undefined,
    visiting: Section[],
  ): BlockSchema {
    const name = path[path.length - 1];
    const block: BlockSchema = {
      name,
      path,
      description,
      required: required.required,
      repeatable: false,
      labelled: false,
      attributes: [],
      blocks: [],
    };
    if (required.condition) block.requiredCondition = required.condition;
    if (!section) return block;
    this.claimedSections.add(section);
    if (!description) block.description = proseIn(this.page.lines, section.start + 1, section.ownEnd)[0] ?? "";
    const body = this.readAttributesIn(section.start, this.contentEnd(section), path);
    block.attributes = body.attributes;
    block.blocks.push(...body.blocks);
    if (block.attributes.length === 0) {
      const own = this.page.lines.slice(section.start, section.ownEnd).map((l) => l.text).join(" ");
      const sameAs = /same (?:configuration structure|arguments(?: and blocks)?|structure) as (?:the )?\[?`([A-Za-z_][\w.]*)`/.exec(own);
      if (sameAs) this.sameAs.set(block, sameAs[1]);
    }
    if (visiting.includes(section)) return block;
    for (const nested of tablesIn(this.page.lines, section.start, this.contentEnd(section))) {
      if (classifyTable(nested) === "blocks") this.readBlockTable(nested, path, block.blocks, [...visiting, section]);
    }
    return block;
  }

  /**
   * Where a block's own documentation ends: its own lines, plus sub-headings that are not blocks
   * themselves (for pages that put the argument table under "#### Arguments").
   */
  private contentEnd(section: Section): number {
    if (tablesIn(this.page.lines, section.start, section.ownEnd).some((t) => classifyTable(t) !== "other")) return section.ownEnd;
    const children = this.sections.filter((s) => s.start >= section.ownEnd && s.start < section.end);
    const firstBlockChild = children.find((s) => IDENTIFIER.test(s.title) && s.level === section.level + 1);
    return firstBlockChild ? firstBlockChild.start : section.end;
  }

  private resolveSameAs(siblings: BlockSchema[]): void {
    for (const block of siblings) {
      const model = this.sameAs.get(block);
      const source = model ? siblings.find((b) => b.name === model && !this.sameAs.has(b)) : undefined;
      if (source) {
        block.attributes = structuredClone(source.attributes);
        const own = new Set(block.blocks.map((b) => b.name));
        for (const child of source.blocks) if (!own.has(child.name)) block.blocks.push(rebase(child, block.path));
        this.report.note(this.page.path, `block ${block.path.join(" > ")} copies ${model}, as its section says`);
      } else if (model) {
        this.report.note(this.page.path, `block ${block.path.join(" > ")} refers to ${model}, which is not a sibling block`);
      }
      this.resolveSameAs(block.blocks);
    }
  }

  /**
   * A block-table cell: `` `a` > `b` > [`c`][ref] ``, also `` [`a` > `b`][ref] `` (the whole path
   * linked), `` [`keepalive` client][ref] `` (extra words), `` [``](#ecs--resource_attributes) ``
   * (empty text: the name comes from the linked heading) and a stray trailing `[]`.
   */
  private parseBlockCell(cell: string): { names: string[]; link?: string } {
    const text = cell.trim().replace(/(\]\[[^\]]+\])\[\]$/, "$1");
    const wrapped = /^\[(.*>.*)\](\[[^\]]*\]|\(#[^)]*\))$/.exec(text);
    const segments = wrapped ? wrapped[1].split(/\s*>\s*/) : text.split(/\s*>\s*|\s*&gt;\s*/);
    const link = wrapped ? `[${wrapped[1]}]${wrapped[2]}` : segments[segments.length - 1];
    const names = segments.filter((s) => s.trim() !== "").map((segment) => {
      const code = /`([A-Za-z_][A-Za-z0-9_.]*)`/.exec(segment);
      return code ? code[1] : stripInline(segment);
    });
    if (names.length > 0 && names[names.length - 1] === "") {
      const title = this.linkedSection(link)?.title;
      if (title) names[names.length - 1] = title.split(/\s*>\s*/).pop()!;
    }
    return { names, link };
  }

  /** The section a cell links to with `[text][ref]`, `[text][]` or `[text](#anchor)`. */
  private linkedSection(cell: string): Section | undefined {
    let anchor: string | undefined;
    const reference = /\[([^\]]*)\]\[([^\]]*)\]/.exec(cell);
    const inline = /\[[^\]]*\]\(#([^)]+)\)/.exec(cell);
    if (reference) {
      const key = (reference[2] || reference[1]).toLowerCase();
      const target = this.refs.get(key) ?? this.refs.get(key.replace(/`/g, ""));
      if (target?.startsWith("#")) anchor = target.slice(1);
    } else if (inline) {
      anchor = inline[1];
    }
    return anchor ? this.sections.find((s) => s.anchor === anchor) : undefined;
  }

  /** The heading a block-table cell links to, else the first deeper heading named like the block. */
  private sectionForBlock(cell: string | undefined, name: string): Section | undefined {
    const linked = cell ? this.linkedSection(cell) : undefined;
    if (linked) return linked;
    return this.sections.find((s) => s.level >= 3 && s.title === name);
  }

  /** The page's plain text, for prose heuristics (repeatable blocks). */
  text(): string {
    return this.page.lines.map((l: SourceLine) => l.text).join("\n");
  }
}

/** A deep copy of `block` moved under `parentPath`. */
export function rebase(block: BlockSchema, parentPath: string[]): BlockSchema {
  const copy = structuredClone(block);
  const fix = (b: BlockSchema, parent: string[]) => {
    b.path = [...parent, b.name];
    for (const child of b.blocks) fix(child, b.path);
  };
  fix(copy, parentPath);
  return copy;
}

export function classifyTable(table: Table): TableKind {
  const header = table.header.map((h) => h.toLowerCase());
  const has = (name: string) => header.includes(name);
  if ((has("block") || has("name")) && has("description") && has("required") && !has("type")) return "blocks";
  if ((has("name") || has("attribute")) && has("type") && (has("required") || has("default"))) return "attributes";
  if ((has("name") || has("field")) && has("type") && has("description")) return "exports";
  return "other";
}

function columnsOf(header: string[]): Columns {
  const lower = header.map((h) => h.toLowerCase());
  const nameIndex = lower.findIndex((h) => h === "name" || h === "block" || h === "field" || h === "attribute");
  return {
    name: nameIndex < 0 ? 0 : nameIndex,
    type: lower.indexOf("type"),
    description: lower.indexOf("description"),
    default: lower.indexOf("default"),
    required: lower.indexOf("required"),
  };
}

/** A Required cell: `yes`/`no`, or a footnoted/conditional value kept as `condition`. */
export function readRequired(cell: string): { required: boolean; condition?: string } {
  const text = stripInline(cell).trim();
  const lower = text.toLowerCase();
  if (lower === "yes" || lower === "true") return { required: true };
  if (lower === "no" || lower === "false" || lower === "") return { required: false };
  return { required: false, condition: text };
}

function defaultValue(cell: string): string | undefined {
  const trimmed = cell.trim();
  if (trimmed === "" || trimmed === "-" || trimmed === "`-`") return undefined;
  const code = /^`([^`]*)`$/.exec(trimmed);
  return code ? code[1] : stripInline(trimmed);
}

function isDeprecated(description: string): boolean {
  return /^\(?deprecated\b|\bis deprecated\b|\bhas been deprecated\b|\bdeprecated:|\(deprecated\)/i.test(description);
}

/** String values listed in a description ("Must be one of `"a"`, `"b"`"), or `undefined`. */
export function enumValues(description: string, type: AlloyType): string[] | undefined {
  if (type.kind !== "string" && !(type.kind === "list" && type.element.kind === "string")) return undefined;
  const match =
    /(?:must be(?: one of| either)?|one of|supported values(?: are)?|valid values(?: are)?|possible values(?: are)?|allowed values(?: are)?|valid actions are|can be(?: set to)?(?: either)?|either)[:\s]+((?:`[^`]+`(?:\s*,\s*|\s+or\s+|\s+and\s+|,\s*or\s+|,\s*and\s+)?)+)/i.exec(
      description,
    );
  if (!match) return undefined;
  const values = [...match[1].matchAll(/`([^`]+)`/g)].map((m) => m[1].replace(/^"(.*)"$/, "$1"));
  return values.length >= 2 ? [...new Set(values)] : undefined;
}

/** What a bare `receiver` means for a component, judged by the signal in its name. */
function receiverSignalFor(name: string): ParseTypeOptions["receiverSignal"] {
  if (/(^|\.)loki(\.|$)/.test(name)) return "logs";
  if (/^pyroscope\./.test(name)) return "profiles";
  if (/^prometheus\./.test(name)) return "metrics";
  return undefined;
}

/** Signals named in a sentence ("accepts metrics and traces"), in a stable order. */
export function signalsIn(text: string): Signal[] {
  const found: Signal[] = [];
  if (/\bmetrics?\b/i.test(text)) found.push("metrics");
  if (/\blogs?\b/i.test(text)) found.push("logs");
  if (/\btraces?\b|\bspans?\b/i.test(text)) found.push("traces");
  if (/\bprofiles?\b/i.test(text)) found.push("profiles");
  return found;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
