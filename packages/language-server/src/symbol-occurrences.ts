import { symbolAt, usesOf, type BlockSymbol, type SymbolAt } from "@alloy-toolkit/checker/core";
import { endOffset, startOffset, type Range } from "@alloy-toolkit/parser";
import { checkerFilename, uriOfCheckerFile, type ParsedDocument } from "./documents.js";
import type { Workspace } from "./workspace.js";

/** A place naming a symbol, in a document of the checker's model. */
export interface Occurrence {
  readonly uri: string;
  /** The server's document at `uri` (whose lines convert `range` to LSP). */
  readonly document: ParsedDocument;
  /** The name's range (a label includes its quotes). */
  readonly range: Range;
  readonly isDefinition: boolean;
}

/** The symbol at an offset of `uri`, from the last analysis of its config (requests do not wait for a new one). */
export function symbolAtOffset(workspace: Workspace, uri: string, offset: number): SymbolAt | undefined {
  return symbolAt(workspace.latestAnalysis(uri).model, checkerFilename(uri), offset);
}

/** Where a symbol is defined: its label, else its block. */
export function definitionOf(symbol: BlockSymbol): { uri: string; range: Range } {
  return { uri: uriOfCheckerFile(symbol.document.filename), range: symbol.block.label?.range ?? symbol.block.range };
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
  const add = (uri: string, range: Range, isDefinition: boolean) => {
    // An `import.string` module's text is a string of the config, not a document of its own.
    const document = workspace.documents.get(uri);
    if (!document) return;
    const key = `${uri}#${startOffset(range)}:${endOffset(range)}`;
    if (seen.has(key)) return;
    seen.add(key);
    occurrences.push({ uri, document, range, isDefinition });
  };
  if (symbol.block.label) {
    const definition = definitionOf(symbol);
    add(definition.uri, definition.range, true);
  }
  const addUses = (uses: ReturnType<typeof usesOf>) => {
    for (const use of uses) add(uriOfCheckerFile(use.document.filename), use.range, false);
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
