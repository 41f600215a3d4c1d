import { getComponent } from "@alloy-toolkit/catalog";
import { endOffset, nodePathAt, startOffset, type Block } from "@alloy-toolkit/parser";
import type { CodeAction, CodeActionParams, Diagnostic, TextEdit } from "vscode-languageserver";
import { CodeActionKind } from "../lsp.js";
import type { ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { wholeDocumentFormatEdits } from "../format-edits.js";
import { offsetsToLspRange, toOffset } from "../lsp-positions.js";

/** The source action formatting the document (also offered without diagnostics). */
export const formatDocumentKind = `${CodeActionKind.Source}.formatDocument.alloy`;

interface DiagnosticData {
  readonly replacement?: string;
  readonly missing?: readonly string[];
  readonly fix?: { readonly title: string; readonly edits: TextEdit[] };
}

/**
 * `textDocument/codeAction`: quick fixes for the diagnostics in the request (the checker's own fixes,
 * did-you-mean and deprecated-name replacements, missing required arguments, a `clustering` block where a
 * deployment rule asks for one, disabling a rule for a line) and the "format document" source action.
 */
export function codeAction(doc: ParsedDocument, params: CodeActionParams, ctx: FeatureContext): CodeAction[] {
  const actions: CodeAction[] = [];
  const uri = doc.uri;
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const quickFix = (title: string, diagnostic: Diagnostic, edits: TextEdit[], preferred = false): void => {
    if (edits.length > 0) {
      actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit: { changes: { [uri]: edits } } });
    }
  };

  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      const data = (diagnostic.data ?? {}) as DiagnosticData;
      const code = String(diagnostic.code ?? "");
      if (data.fix) quickFix(data.fix.title, diagnostic, [...data.fix.edits], true);
      else if (data.replacement) quickFix(`Replace with "${data.replacement}"`, diagnostic, [{ range: diagnostic.range, newText: data.replacement }], true);
      else {
        const suggestion = /did you mean "([^"]+)"/.exec(diagnostic.message)?.[1] ?? /use "([^"]+)" instead/.exec(diagnostic.message)?.[1];
        if (suggestion) quickFix(`Replace with "${suggestion}"`, diagnostic, [{ range: diagnostic.range, newText: suggestion }], true);
      }
      const missing = data.missing ?? missingFromMessage(diagnostic.message);
      if (missing.length > 0) {
        const block = blockAt(doc, toOffset(doc.lineIndex, diagnostic.range.start));
        if (block) quickFix("Add missing required arguments", diagnostic, insertInBlock(doc, block, missing.map((name) => `${name} = `)));
      }
      if ((/clustering/i.test(code) || /clustering/i.test(diagnostic.message))) {
        const offset = toOffset(doc.lineIndex, diagnostic.range.start);
        if (isYaml(uri)) {
          quickFix("Add clustering { enabled = true }", diagnostic, insertClusteringInYaml(doc, offset));
        } else {
          const block = componentBlockAt(doc, offset, ctx);
          if (block && !block.body.some((s) => s.kind === "Block" && s.name === "clustering")) {
            quickFix("Add clustering { enabled = true }", diagnostic, insertInBlock(doc, block, ["clustering {", "\tenabled = true", "}"]));
          }
        }
      }
      if (code && !code.startsWith("parse/")) {
        const line = diagnostic.range.start.line;
        const lineText = doc.lineIndex.lineText(line + 1);
        const indent = /^\s*/.exec(lineText)?.[0] ?? "";
        const start = doc.lineIndex.lineStarts[line] ?? doc.text.length;
        quickFix(`Disable ${code} for this line`, diagnostic, [
          { range: offsetsToLspRange(doc.lineIndex, start, start), newText: `${indent}// alloylint-disable-next-line ${code}\n` },
        ]);
      }
    }
  }
  if (wants(formatDocumentKind) || (only?.includes(CodeActionKind.Source) ?? false)) {
    const edits = wholeDocumentFormatEdits(doc);
    if (edits.length > 0) actions.push({ title: "Format document", kind: formatDocumentKind, edit: { changes: { [uri]: edits } } });
  }
  return actions;
}

function isYaml(uri: string): boolean {
  return /\.ya?ml$/i.test(uri);
}

/**
 * In a Helm values file the config is YAML block-scalar text, not parsed here: find the block opening on the
 * diagnostic's line and its closing brace by counting braces, and indent with spaces (YAML forbids tabs).
 */
function insertClusteringInYaml(doc: ParsedDocument, offset: number): TextEdit[] {
  const text = doc.text;
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const open = text.indexOf("{", lineStart);
  if (open < 0) return [];
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) {
      const headerLine = text.slice(lineStart, text.indexOf("\n", lineStart) >>> 0);
      const indent = /^\s*/.exec(headerLine)?.[0] ?? "";
      const closeLineStart = text.lastIndexOf("\n", i - 1) + 1;
      if (text.slice(closeLineStart, i).trim() !== "") return [];
      const inner = indent + "  ";
      const newText = `${inner}clustering {\n${inner}  enabled = true\n${inner}}\n`;
      return [{ range: offsetsToLspRange(doc.lineIndex, closeLineStart, closeLineStart), newText }];
    }
  }
  return [];
}

function missingFromMessage(message: string): string[] {
  const match = /missing required (?:attribute|argument)s? (.+)/.exec(message);
  if (!match) return [];
  return [...match[1].matchAll(/"([A-Za-z_][A-Za-z0-9_]*)"/g)].map((m) => m[1]);
}

function blockAt(doc: ParsedDocument, offset: number): Block | undefined {
  const blocks = nodePathAt(doc.ast, offset).filter((n): n is Block => n.kind === "Block");
  return blocks[blocks.length - 1];
}

function componentBlockAt(doc: ParsedDocument, offset: number, ctx: FeatureContext): Block | undefined {
  const blocks = nodePathAt(doc.ast, offset).filter((n): n is Block => n.kind === "Block");
  return blocks.find((b) => getComponent(b.name, ctx.workspace.settings.alloyVersion)?.clustering);
}

/** Lines inserted at the end of a block's body, indented one level deeper than the block. */
function insertInBlock(doc: ParsedDocument, block: Block, lines: string[]): TextEdit[] {
  const close = startOffset(block.closeBrace);
  if (close === endOffset(block.closeBrace) && close >= doc.text.length && doc.parse.diagnostics.length > 0) return [];
  const blockLine = doc.lineIndex.lineOf(startOffset(block.range));
  const indent = /^\s*/.exec(doc.lineIndex.lineText(blockLine + 1))?.[0] ?? "";
  const inner = indent + "\t";
  const closeLine = doc.lineIndex.lineOf(close);
  const closeLineStart = doc.lineIndex.lineStarts[closeLine];
  const onOwnLine = doc.text.slice(closeLineStart, close).trim() === "";
  const text = lines.map((l) => inner + l).join("\n") + "\n";
  if (onOwnLine) return [{ range: offsetsToLspRange(doc.lineIndex, closeLineStart, closeLineStart), newText: text }];
  return [{ range: offsetsToLspRange(doc.lineIndex, close, close), newText: `\n${text}${indent}` }];
}
