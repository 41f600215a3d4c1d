import type { DefinitionParams, Location } from "vscode-languageserver";
import type { ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { toLspRange, toOffset } from "../lsp-positions.js";

/**
 * `textDocument/definition`: from a reference, a module component or an argument name to the block that
 * defines it (component, `declare`, `argument`, `export`, `import.*`), across the files of the config and
 * its imported modules.
 */
export function definition(doc: ParsedDocument, params: DefinitionParams, ctx: FeatureContext): Location[] {
  const model = ctx.workspace.model(doc.uri);
  const found = model.symbolAt(doc.uri, toOffset(doc.lineIndex, params.position));
  if (!found) return [];
  const symbol = found.symbol;
  const target = model.documents.get(symbol.uri);
  if (!target) return [];
  return [{ uri: symbol.uri, range: toLspRange(target.lineIndex, symbol.block.label?.range ?? symbol.block.range) }];
}
