import type { DefinitionParams, Location } from "vscode-languageserver";
import type { ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { toLspRange, toOffset } from "../lsp-positions.js";
import { definitionOf, symbolAtOffset } from "../symbol-occurrences.js";

/**
 * `textDocument/definition`: from a reference, a module component or an argument name to the block that
 * defines it (component, `declare`, `argument`, `export`, `import.*`), across the files of the config, the
 * scopes of `declare` bodies and `foreach` templates, and its imported modules.
 */
export function definition(doc: ParsedDocument, params: DefinitionParams, ctx: FeatureContext): Location[] {
  const found = symbolAtOffset(ctx.workspace, doc.uri, toOffset(doc.lsp, params.position));
  if (!found) return [];
  const target = definitionOf(found.symbol);
  // An `import.string` module's text is a string of the config, not a document to go to.
  const document = ctx.workspace.documents.get(target.uri);
  if (!document) return [];
  return [{ uri: target.uri, range: toLspRange(document.lsp, target.range) }];
}
