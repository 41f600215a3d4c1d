import { LineIndex, type Range } from "@alloy-toolkit/parser";
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from "yaml";

/** A values file parsed with source positions. */
export interface ValuesDocument {
  readonly file: string;
  readonly text: string;
  readonly document: Document.Parsed;
  readonly lineIndex: LineIndex;
}

/** Parses a values file; YAML syntax errors are in `document.errors` (see `yamlSyntaxDiagnostics`). */
export function parseValuesDocument(text: string, file: string): ValuesDocument {
  const document = parseDocument(text, { keepSourceTokens: true, prettyErrors: false, uniqueKeys: false });
  return { file, text, document, lineIndex: new LineIndex(text) };
}

/**
 * Whether a values document is for the `grafana/alloy` chart: a top-level mapping with an `alloy:`,
 * `controller:` or (the deprecated spelling) `agent:` mapping.
 */
export function isAlloyChartValues(values: ValuesDocument): boolean {
  const root = values.document.contents;
  if (!isMap(root)) return false;
  return root.items.some((pair) => {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    return (key === "alloy" || key === "controller" || key === "agent") && isMap(pair.value);
  });
}

/** Whether a text looks like values for the chart, without a full check (for CLIs sorting inputs). */
export function looksLikeAlloyChartValues(text: string): boolean {
  return isAlloyChartValues(parseValuesDocument(text, "values.yaml"));
}

/** The node at a key path (`["alloy", "clustering", "enabled"]`), following `agent` for `alloy`. */
export function nodeAt(values: ValuesDocument, path: readonly (string | number)[]): Node | undefined {
  return pairAt(values, path)?.value as Node | undefined ?? (path.length === 0 ? (values.document.contents as Node) : undefined);
}

/** The key/value pair at a key path, the last one when a key is repeated (as Helm reads it). */
export function pairAt(values: ValuesDocument, path: readonly (string | number)[]): Pair<Node, Node> | undefined {
  const [head, ...rest] = path;
  const roots = head === "alloy" ? ["alloy", "agent"] : [head];
  for (const root of roots) {
    const found = findPair(values.document.contents as Node | null, [root, ...rest]);
    if (found) return found;
  }
  return undefined;
}

function findPair(node: Node | null, path: readonly (string | number)[]): Pair<Node, Node> | undefined {
  let current: Node | null = node;
  let pair: Pair<Node, Node> | undefined;
  for (const part of path) {
    if (isMap(current)) {
      pair = undefined;
      for (const item of current.items) {
        if (isPair(item) && isScalar(item.key) && item.key.value === part) pair = item as Pair<Node, Node>;
      }
      if (!pair) return undefined;
      current = pair.value as Node | null;
    } else if (isSeq(current) && typeof part === "number") {
      const item = current.items[part] as Node | undefined;
      if (!item) return undefined;
      pair = { key: item, value: item } as unknown as Pair<Node, Node>;
      current = item;
    } else {
      return undefined;
    }
  }
  return pair;
}

/** The JavaScript value at a key path (`undefined` when absent). */
export function valueAt(values: ValuesDocument, path: readonly (string | number)[]): unknown {
  const node = nodeAt(values, path);
  return node === undefined ? undefined : (node as Node).toJSON();
}

/** The range of a node (`[start, valueEnd]`) as 1-based positions in the values file. */
export function nodeRange(values: ValuesDocument, node: Node | null | undefined): Range {
  const [start, end] = node?.range ?? [0, 0];
  return { start: values.lineIndex.positionAt(start), end: values.lineIndex.positionAt(end) };
}

/** The range of a key path: its key when present, else the nearest present ancestor's key. */
export function keyRange(values: ValuesDocument, path: readonly (string | number)[]): Range {
  for (let n = path.length; n > 0; n--) {
    const pair = pairAt(values, path.slice(0, n));
    if (pair) return nodeRange(values, pair.key);
  }
  return nodeRange(values, undefined);
}

/** The range of a key path's value, else of its key or nearest ancestor. */
export function valueRange(values: ValuesDocument, path: readonly (string | number)[]): Range {
  const pair = pairAt(values, path);
  if (pair?.value) return nodeRange(values, pair.value);
  return keyRange(values, path);
}
