import { typeToString } from "@alloy-toolkit/catalog";
import { endOffset } from "@alloy-toolkit/parser";
import type { InlayHint, InlayHintParams } from "vscode-languageserver";
import { InlayHintKind } from "../lsp.js";
import { checkerFilename, type ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { toLspPosition, toOffset } from "../lsp-positions.js";

/**
 * `textDocument/inlayHint`: the export type after each reference to a component's export
 * (`: capsule(MetricsReceiver)`), from the checker's analysis (the one the diagnostics use): catalog
 * exports, and the exports of `declare`d or imported modules whose type it can infer.
 */
export function inlayHint(doc: ParsedDocument, params: InlayHintParams, ctx: FeatureContext): InlayHint[] {
  if (!ctx.workspace.settings.inlayHints) return [];
  const from = toOffset(doc.lsp, params.range.start);
  const to = toOffset(doc.lsp, params.range.end);
  const model = ctx.workspace.latestAnalysis(doc.uri).model;
  const filename = checkerFilename(doc.uri);
  const hints: InlayHint[] = [];
  for (const reference of model.references) {
    if (reference.document.filename !== filename || reference.target?.kind !== "component") continue;
    if (reference.parts.length !== reference.targetParts + 1) continue; // the component itself, or deeper than an export
    const end = endOffset(reference.range);
    if (end < from || end > to) continue;
    const type = model.referenceType(reference);
    if (!type) continue;
    hints.push({ position: toLspPosition(doc.lsp, end), label: `: ${typeToString(type)}`, kind: InlayHintKind.Type, paddingLeft: false });
  }
  return hints;
}
