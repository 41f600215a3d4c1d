import { endOffset, startOffset, type Range } from "@alloy-toolkit/parser";
import type { ParsedDocument } from "./documents.js";
import type { ConfigSymbol } from "./semantic-model.js";
import type { Workspace } from "./workspace.js";

export interface Occurrence {
  readonly uri: string;
  readonly document: ParsedDocument;
  /** The name's range (a label includes its quotes). */
  readonly range: Range;
  readonly isDefinition: boolean;
}

/**
 * The definition and every use of the symbol at `offset` of `uri`, gathered over the document's own config
 * and the configs importing it as a module (references and rename share it).
 */
export function symbolOccurrences(workspace: Workspace, uri: string, offset: number): { symbol: ConfigSymbol; occurrences: Occurrence[] } | undefined {
  const [own, ...importers] = workspace.modelsIncluding(uri);
  const found = own.symbolAt(uri, offset);
  if (!found) return undefined;
  const symbol = found.symbol;
  const occurrences: Occurrence[] = [];
  const seen = new Set<string>();
  const add = (occurrenceUri: string, document: ParsedDocument | undefined, range: Range, isDefinition: boolean) => {
    const key = `${occurrenceUri}#${startOffset(range)}:${endOffset(range)}`;
    if (!document || seen.has(key)) return;
    seen.add(key);
    occurrences.push({ uri: occurrenceUri, document, range, isDefinition });
  };
  const label = symbol.block.label;
  if (label) add(symbol.uri, own.documents.get(symbol.uri), label.range, true);
  for (const reference of own.referencesTo(symbol)) add(reference.uri, own.documents.get(reference.uri), reference.nameRange, false);
  if (label) {
    for (const model of importers) {
      const same = model.symbolAt(symbol.uri, startOffset(label.range));
      if (!same || same.symbol.block !== symbol.block) continue;
      for (const reference of model.referencesTo(same.symbol)) add(reference.uri, model.documents.get(reference.uri), reference.nameRange, false);
    }
  }
  return { symbol, occurrences };
}
