import type { AttributeSchema, BlockSchema } from "../schema.js";
import type { Page } from "./markdown.js";

/**
 * Allowed values the docs give in prose rather than in a table's description cell:
 * "`role` must be one of `node`, `pod`, or `service`", "Valid values for `metric_aggregations` are …",
 * and a bullet list of values after a paragraph that names the attribute ("The `operator` argument must
 * be one of the following strings:", "It must be set to one of the following:").
 */
const PHRASE =
  /\b(?:must be (?:one of|either|set to one of)|can be (?:one of|either|set to(?: either)?)|one of|valid values(?: for `[\w.]+`)?(?: are)?|supported values(?: for `[\w.]+`)?(?: are)?|allowed values(?: for `[\w.]+`)?(?: are)?|possible values(?: for `[\w.]+`)?(?: are)?|accepted values(?: are)?)\b[:\s]*/i;

/** Backticked values after the phrase, in one sentence: `` `a`, `b`, or `c` ``. */
const VALUE_LIST = /^((?:`[^`\s]+`(?:\s*,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+)?)+)/;

function unquote(value: string): string {
  return value.replace(/^"(.*)"$/, "$1");
}

/** Attribute name → allowed values read from a page's prose (paragraphs and bullet lists, not tables). */
export function proseEnums(page: Page, attributeNames: ReadonlySet<string>): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const lines = page.lines.map((l) => l.text);
  const add = (name: string, values: string[]) => {
    const unique = [...new Set(values.map(unquote))].filter((v) => v !== "");
    if (unique.length >= 2 && !found.has(name)) found.set(name, unique);
  };
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*```/.test(line)) inFence = !inFence;
    if (inFence || line.trimStart().startsWith("|")) continue;
    // Sentences: an attribute in backticks, a phrase, then backticked values.
    for (const sentence of line.split(/(?<=\.)\s+(?=[A-Z`])/)) {
      const phrase = PHRASE.exec(sentence);
      // "For example, the `format` value must be `06` or `2006`" illustrates, it does not enumerate.
      if (!phrase || /for example|e\.g\./i.test(sentence)) continue;
      const named = [...sentence.slice(0, phrase.index + phrase[0].length).matchAll(/`([\w.]+)`/g)].map((m) => m[1]).filter((n) => attributeNames.has(n));
      const values = VALUE_LIST.exec(sentence.slice(phrase.index + phrase[0].length));
      if (named.length >= 1 && values) add(named[0], [...values[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]));
    }
    // A bullet list of backticked values after a paragraph that names one attribute and ends with ":".
    if (/:\s*$/.test(line) && /one of the following|following values|values are|supported values|valid values|allowed values/i.test(line)) {
      let start = i;
      while (start > 0 && lines[start - 1].trim() !== "") start--;
      const lead = lines.slice(start, i + 1).join(" ");
      const named = [...new Set([...lead.matchAll(/`([\w.]+)`/g)].map((m) => m[1]).filter((n) => attributeNames.has(n)))];
      let j = i + 1;
      while (j < lines.length && lines[j].trim() === "") j++;
      const values: string[] = [];
      for (; j < lines.length && /^\s*[-*] /.test(lines[j]); j++) {
        const item = /^\s*[-*] `([^`\s]+)`/.exec(lines[j]);
        if (!item) {
          values.length = 0;
          break;
        }
        values.push(item[1]);
      }
      if (named.length === 1) add(named[0], values);
    }
  }
  return found;
}

/** Sets `enum` on the string (and list of string) attributes of a page that its prose gives values for. */
export function applyProseEnums(page: Page, body: { attributes: AttributeSchema[]; blocks: BlockSchema[] }): void {
  const attributes: AttributeSchema[] = [];
  const collect = (b: { attributes: AttributeSchema[]; blocks: BlockSchema[] }) => {
    attributes.push(...b.attributes);
    b.blocks.forEach(collect);
  };
  collect(body);
  const stringy = attributes.filter((a) => a.type.kind === "string" || (a.type.kind === "list" && a.type.element.kind === "string"));
  const values = proseEnums(page, new Set(stringy.map((a) => a.name)));
  for (const attribute of stringy) {
    const found = values.get(attribute.name);
    if (found && !attribute.enum) attribute.enum = [...found];
  }
}
