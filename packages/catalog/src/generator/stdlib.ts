import type { ConstantSchema, FunctionParameter, FunctionSchema } from "../schema.js";
import { parseTypeExpression, type AlloyType } from "../types.js";
import { proseIn, sectionsOf, stripInline, type Page } from "./markdown.js";
import type { ReportCollector } from "./report.js";
import { stdlibSignatures } from "./stdlib-signatures.js";

export interface StdlibReading {
  functions: FunctionSchema[];
  deprecatedFunctionNames: Record<string, string>;
  constants: ConstantSchema[];
}

const FUNCTION_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;
const NOT_FUNCTIONS = /^(examples?|example .*|specification syntax|verbs|supported functions)$/i;

/**
 * Reads the stdlib pages: a namespace page (`array.md`) documents one function per `##` heading;
 * a single-function page (`coalesce.md`) is the function itself. Deprecated pre-namespace names
 * come from the page aliases (`./json_decode/`), which keep the old URLs working.
 */
export function readStdlib(
  pages: Page[],
  docUrl: (docPath: string, anchor?: string) => string,
  report: ReportCollector,
): StdlibReading {
  const functions: FunctionSchema[] = [];
  const deprecatedFunctionNames: Record<string, string> = {};
  let constants: ConstantSchema[] = [];
  for (const page of pages) {
    const sections = sectionsOf(page.lines);
    const h1 = sections.find((s) => s.level === 1);
    if (!h1) continue;
    const pageName = h1.title;
    if (pageName === "constants") {
      constants = readConstants(page);
      continue;
    }
    const functionSections = sections.filter((s) => s.level === 2 && FUNCTION_NAME.test(s.title) && !NOT_FUNCTIONS.test(s.title));
    const entries =
      functionSections.length > 0
        ? functionSections.map((s) => ({ section: s, name: s.title.includes(".") ? s.title : `${pageName}.${s.title}` }))
        : [{ section: h1, name: pageName }];
    const pageFunctions: FunctionSchema[] = [];
    for (const { section, name } of entries) {
      const own = page.lines.slice(section.start, section.ownEnd).map((l) => l.text).join("\n");
      const signature = stdlibSignatures[name];
      if (!signature) {
        report.unread(page.path, page.lines[section.start], `function "${name}" has no signature in stdlib-signatures.ts`);
        continue;
      }
      const params = signature.params.map(parseParameter);
      const fn: FunctionSchema = {
        name,
        params: params.map((p) => p.parameter),
        variadic: params.some((p) => p.variadic),
        returns: mustParse(signature.returns),
        stability: /include stability\/experimental/.test(own) ? "experimental" : /include stability\/public_preview/.test(own) ? "public-preview" : "generally-available",
        description: proseIn(page.lines, section.start + 1, section.ownEnd)[0] ?? "",
        docPath: page.path,
        docUrl: docUrl(page.path, section === h1 ? undefined : section.anchor),
        deprecatedAliases: [],
      };
      pageFunctions.push(fn);
      functions.push(fn);
    }
    for (const alias of aliasesOf(page)) {
      const target =
        pageFunctions.find((f) => f.name.endsWith(`.${alias}`)) ??
        pageFunctions.find((f) => /^(\w+)_decode$/.test(alias) && f.name.endsWith(`.from_${alias.replace(/_decode$/, "")}`));
      if (!target) {
        report.note(page.path, `alias ${alias} does not name a function on the page`);
        continue;
      }
      deprecatedFunctionNames[alias] = target.name;
      target.deprecatedAliases.push(alias);
    }
  }
  for (const name of Object.keys(stdlibSignatures)) {
    if (!functions.some((f) => f.name === name)) report.note("reference/stdlib", `signature for ${name} matches no documented function`);
  }
  functions.sort((a, b) => compare(a.name, b.name));
  for (const fn of functions) fn.deprecatedAliases.sort(compare);
  return { functions, deprecatedFunctionNames: sortRecord(deprecatedFunctionNames), constants };
}

function aliasesOf(page: Page): string[] {
  const aliases = page.frontMatter.aliases;
  if (!Array.isArray(aliases)) return [];
  return aliases
    .map((a) => /^\.\/([A-Za-z_][A-Za-z0-9_]*)\/?$/.exec(String(a))?.[1])
    .filter((a): a is string => a !== undefined);
}

function readConstants(page: Page): ConstantSchema[] {
  const constants: ConstantSchema[] = [];
  for (const { text } of page.lines) {
    const match = /^\s*[*-]\s+`constants\.([A-Za-z_][A-Za-z0-9_]*)`\s*:\s*(.*)$/.exec(text);
    if (match) constants.push({ name: `constants.${match[1]}`, type: { kind: "string" }, description: stripInline(match[2]) });
  }
  return constants.sort((a, b) => compare(a.name, b.name));
}

function parseParameter(text: string): { parameter: FunctionParameter; variadic: boolean } {
  const match = /^(\.\.\.)?([A-Za-z_][A-Za-z0-9_]*)(\?)?:\s*(.+)$/.exec(text);
  if (!match) throw new Error(`bad parameter spec "${text}" in stdlib-signatures.ts`);
  return { parameter: { name: match[2], type: mustParse(match[4]), optional: match[3] === "?" }, variadic: match[1] === "..." };
}

function mustParse(text: string): AlloyType {
  const parsed = parseTypeExpression(text);
  if (!parsed.ok) throw new Error(`bad type "${text}" in stdlib-signatures.ts: ${parsed.message}`);
  return parsed.type;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compare(a, b)));
}
