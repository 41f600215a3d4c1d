import type { CodeAction, CodeActionParams, Diagnostic, TextEdit } from "vscode-languageserver";
import { CodeActionKind } from "../lsp.js";
import type { ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import type { DiagnosticData } from "./diagnostics.js";
import { formatEdits } from "../format-edits.js";
import { lineIndentation, offsetsToLspRange } from "../lsp-positions.js";

/** The source action formatting the document (also offered without diagnostics). */
export const formatDocumentKind = `${CodeActionKind.Source}.formatDocument.alloy`;

/**
 * `textDocument/codeAction`: for each diagnostic of the request, the fix its rule attached as data (one per
 * problem: did-you-mean renames, deprecated names, missing required attributes, a `clustering` block a
 * deployment rule asks for, also inside Helm values), and a comment that switches its rule off for the line;
 * and the "format document" source action. The actions apply the data; they never read a message.
 */
export function codeAction(doc: ParsedDocument, params: CodeActionParams, ctx: FeatureContext): CodeAction[] {
  const actions: CodeAction[] = [];
  const uri = doc.uri;
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const quickFix = (title: string, diagnostic: Diagnostic, edits: TextEdit[], preferred: boolean): void => {
    actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit: { changes: { [uri]: edits } } });
  };

  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      const fix = (diagnostic.data as DiagnosticData | undefined)?.fix;
      if (fix && fix.edits.length > 0) quickFix(fix.title, diagnostic, [...fix.edits], true);
      const code = String(diagnostic.code ?? "");
      if (code && !code.startsWith("parse/") && !code.startsWith("server/") && ctx.workspace.isAlloy(uri)) {
        const line = diagnostic.range.start.line;
        const indent = lineIndentation(doc.lsp, line);
        const start = doc.lsp.lineStarts[line] ?? doc.text.length;
        quickFix(
          `Disable ${code} for this line`,
          diagnostic,
          [{ range: offsetsToLspRange(doc.lsp, start, start), newText: `${indent}// alloylint-disable-next-line ${code}\n` }],
          false,
        );
      }
    }
  }
  if (ctx.workspace.isAlloy(uri) && (wants(formatDocumentKind) || (only?.includes(CodeActionKind.Source) ?? false))) {
    const edits = formatEdits(doc);
    if (edits.length > 0) actions.push({ title: "Format document", kind: formatDocumentKind, edit: { changes: { [uri]: edits } } });
  }
  return actions;
}
