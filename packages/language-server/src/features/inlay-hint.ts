import { typeToString } from "@alloy-toolkit/catalog";
import { endOffset } from "@alloy-toolkit/parser";
import { InlayHintKind, type InlayHint, type InlayHintParams } from "vscode-languageserver";
import type { ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { toLspPosition, toOffset } from "../lsp-positions.js";

/** `textDocument/inlayHint`: the export type after each reference to a component's export (`: capsule(MetricsReceiver)`). */
export function inlayHint(doc: ParsedDocument, params: InlayHintParams, ctx: FeatureContext): InlayHint[] {
  if (!ctx.workspace.settings.inlayHints) return [];
  const from = toOffset(doc.lineIndex, params.range.start);
  const to = toOffset(doc.lineIndex, params.range.end);
  const hints: InlayHint[] = [];
  for (const reference of ctx.workspace.model(doc.uri).references) {
    if (reference.uri !== doc.uri || !reference.field || !reference.expression || reference.symbol.kind !== "component") continue;
    const end = endOffset(reference.expression.range);
    if (end < from || end > to) continue;
    const exported = reference.symbol.schema?.exports.find((e) => e.name === reference.field!.name);
    if (!exported) continue;
    hints.push({ position: toLspPosition(doc.lineIndex, end), label: `: ${typeToString(exported.type)}`, kind: InlayHintKind.Type, paddingLeft: false });
  }
  return hints;
}
