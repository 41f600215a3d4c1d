import { symbolAt, usesOf, type BlockSymbol, type SourceDocument, type SymbolAt } from "@alloy-toolkit/checker/core";
import { endOffset, startOffset, type Range } from "@alloy-toolkit/parser";
import { checkerFilename, uriOfCheckerFile } from "./documents.js";
import type { Workspace } from "./workspace.js";

/** A place naming a symbol, in a document of the checker's model. */
export interface Occurrence {
  readonly uri: string;
  readonly document: SourceDocument;
  /** The name's range (a label includes its quotes). */
  readonly range: Range;
  readonly isDefinition: boolean;
}

/** The symbol at an offset of `uri`, from the checker's analysis of its config. */
export function symbolAtOffset(workspace: Workspace, uri: string, offset: number): SymbolAt | undefined {
  return symbolAt(workspace.analysis(uri).model, checkerFilename(uri), offset);
}

/** Where a symbol is defined: its label, else its block. */
export function definitionOf(symbol: BlockSymbol): Occurrence {
  return {
    uri: uriOfCheckerFile(symbol.document.filename),
    document: symbol.document,
    range: symbol.block.label?.range ?? symbol.block.range,
    isDefinition: true,
  };
}

/**
 * The definition and every use of the symbol at `offset` of `uri`, gathered over the document's own config
 * and the configs reading it as a module (references and rename share it).
 */
export function symbolOccurrences(workspace: Workspace, uri: string, offset: number): { symbol: BlockSymbol; occurrences: Occurrence[] } | undefined {
  const [own, ...importers] = workspace.analysesIncluding(uri);
  const found = symbolAt(own.model, checkerFilename(uri), offset);
  if (!found) return undefined;
  const symbol = found.symbol;
  const occurrences: Occurrence[] = [];
  const seen = new Set<string>();
  const add = (occurrence: Occurrence) => {
    // An `import.string` module's text is a string of the config, not a document of its own.
    if (!workspace.documents.get(occurrence.uri)) return;
    const key = `${occurrence.uri}#${startOffset(occurrence.range)}:${endOffset(occurrence.range)}`;
    if (seen.has(key)) return;
    seen.add(key);
    occurrences.push(occurrence);
  };
  if (symbol.block.label) add(definitionOf(symbol));
  const addUses = (uses: ReturnType<typeof usesOf>) => {
    for (const use of uses) add({ uri: uriOfCheckerFile(use.document.filename), document: use.document, range: use.range, isDefinition: false });
  };
  addUses(usesOf(own.model, symbol));
  const label = symbol.block.label;
  if (label) {
    // A module's symbol is a symbol of each config reading the module: the same block, found there by its label.
    for (const analysis of importers) {
      const same = symbolAt(analysis.model, symbol.document.filename, startOffset(label.range));
      if (same && same.symbol.block === symbol.block) addUses(usesOf(analysis.model, same.symbol));
    }
  }
  return { symbol, occurrences };
}
