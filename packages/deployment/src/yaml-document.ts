import type { Range } from "@alloy-toolkit/parser";
import type { CheckDiagnostic } from "@alloy-toolkit/checker";
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, parseDocument, type Document, type Node, type Pair, type Scalar } from "yaml";
import { rangeInFile, type EmbeddedText } from "./embedded-text.js";

/** A YAML document of a text, parsed with source tokens (for positions inside its scalars). */
export interface YamlDocument {
  readonly source: EmbeddedText;
  readonly document: Document.Parsed;
  /** 0-based index of the document in its text (`---` separated). */
  readonly index: number;
}

const parseOptions = { keepSourceTokens: true, prettyErrors: false, uniqueKeys: false } as const;

/** Every document of a YAML text (a multi-document manifest, `helm template` output). */
export function parseYamlDocuments(source: EmbeddedText): YamlDocument[] {
  const parsed = parseAllDocuments(source.text, parseOptions);
  const documents = Array.isArray(parsed) ? parsed : [];
  return documents.map((document, index) => ({ source, document: document as Document.Parsed, index }));
}

/** The one document of a YAML text (a values file, the values string of an Argo CD Application). */
export function parseYamlDocument(source: EmbeddedText): YamlDocument {
  return { source, document: parseDocument(source.text, parseOptions), index: 0 };
}

/** The pair of a key in a mapping, the last one when the key is repeated (as Helm and kubectl read it). */
export function pairOf(node: unknown, key: string): Pair<Scalar, Node | null> | undefined {
  if (!isMap(node)) return undefined;
  let found: Pair<Scalar, Node | null> | undefined;
  for (const item of node.items) {
    if (isPair(item) && isScalar(item.key) && item.key.value === key) found = item as Pair<Scalar, Node | null>;
  }
  return found;
}

/** The value node of a key in a mapping. */
export function valueOf(node: unknown, key: string): Node | null | undefined {
  return pairOf(node, key)?.value;
}

/** The node at a path of keys and list indexes below `node`. */
export function nodeIn(node: unknown, path: readonly (string | number)[]): Node | null | undefined {
  let current = node as Node | null | undefined;
  for (const part of path) {
    if (typeof part === "number") current = isSeq(current) ? (current.items[part] as Node | undefined) : undefined;
    else current = valueOf(current, part);
    if (current === undefined) return undefined;
  }
  return current;
}

/** The string value of a scalar node, or `undefined`. */
export function stringOf(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === "string" ? node.value : undefined;
}

/** The items of a sequence node (none for anything else). */
export function itemsOf(node: unknown): Node[] {
  return isSeq(node) ? (node.items as Node[]) : [];
}

/** The file range of a node (`[start, valueEnd]`); the text's start when the node has no range. */
export function nodeRange(source: EmbeddedText, node: Node | null | undefined): Range {
  const [start, end] = node?.range ?? [0, 0];
  return rangeInFile(source, start, end);
}

/** YAML errors and warnings of a document, as diagnostics in its file. */
export function yamlSyntaxDiagnostics(document: YamlDocument, prefix = "values"): CheckDiagnostic[] {
  const { source } = document;
  return [...document.document.errors, ...document.document.warnings].map((e) => ({
    code: e.name === "YAMLWarning" ? `${prefix}/yaml-warning` : `${prefix}/yaml-syntax`,
    severity: e.name === "YAMLWarning" ? "warning" : "error",
    message: e.message.split("\n")[0],
    file: source.file,
    range: rangeInFile(source, e.pos[0], e.pos[1]),
  }));
}
