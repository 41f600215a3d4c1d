import { deprecatedFunctionNames, getComponent } from "@alloy-toolkit/catalog";
import { classifyBlock } from "@alloy-toolkit/checker/core";
import { childrenOf, endOffset, startOffset, traversalParts, type Expression, type Node, type Statement } from "@alloy-toolkit/parser";
import type { SemanticTokens, SemanticTokensParams } from "vscode-languageserver";
import type { ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";

/** The token types and modifiers, in legend order. */
export const semanticTokenTypes = ["class", "struct", "property", "variable", "function", "parameter", "namespace", "keyword"] as const;
export const semanticTokenModifiers = ["declaration", "deprecated", "defaultLibrary", "readonly"] as const;

type TokenType = (typeof semanticTokenTypes)[number];
type TokenModifier = (typeof semanticTokenModifiers)[number];

interface Token {
  readonly start: number;
  readonly end: number;
  readonly type: TokenType;
  readonly modifiers: number;
}

const LANGUAGE_BLOCKS = new Set(["declare", "argument", "export"]);

/**
 * `textDocument/semanticTokens/full`: components, blocks, attributes, references, functions; strings,
 * numbers and comments are left to the TextMate grammar.
 */
export function semanticTokens(doc: ParsedDocument, _params: SemanticTokensParams, ctx: FeatureContext): SemanticTokens {
  const version = ctx.workspace.settings.alloyVersion;
  const deprecated = deprecatedFunctionNames(version);
  const tokens: Token[] = [];
  const push = (node: { range: Node["range"] }, type: TokenType, ...modifiers: TokenModifier[]) => {
    tokens.push({ start: startOffset(node.range), end: endOffset(node.range), type, modifiers: modifierBits(modifiers) });
  };

  const expression = (node: Expression): void => {
    if (node.kind === "CallExpression") {
      const parts = traversalParts(node.callee) ?? (node.callee.kind === "Identifier" ? [node.callee] : undefined);
      if (parts) {
        const name = parts.map((p) => p.name).join(".");
        const span = { range: { start: parts[0].range.start, end: parts[parts.length - 1].range.end } };
        push(span, "function", "defaultLibrary", ...(name in deprecated ? (["deprecated"] as const) : []));
      } else expression(node.callee);
      node.args.forEach(expression);
      return;
    }
    if (node.kind === "AccessExpression" || node.kind === "Identifier") {
      const parts = traversalParts(node);
      if (parts) {
        const span = { range: { start: parts[0].range.start, end: parts[parts.length - 1].range.end } };
        if (parts[0].name === "constants") push(span, "variable", "readonly", "defaultLibrary");
        else if (parts[0].name === "argument") push(span, "parameter");
        else push(span, "variable");
        return;
      }
    }
    if (node.kind === "ObjectExpression") {
      for (const field of node.fields) {
        if (!field.quoted) push({ range: field.keyRange }, "property");
        expression(field.value);
      }
      return;
    }
    for (const child of childrenOf(node)) if (child.kind !== "ObjectField") expression(child as Expression);
  };

  const statement = (node: Statement, statementLevel: boolean, parent?: string): void => {
    if (node.kind === "Attribute") {
      push(node.name, "property", "declaration");
      expression(node.value);
      return;
    }
    if (node.nameParts.length > 0) {
      const span = { range: { start: node.nameParts[0].range.start, end: node.nameParts[node.nameParts.length - 1].range.end } };
      const kind = statementLevel ? classifyBlock(node.name) : undefined;
      if (!kind) push(span, "struct");
      else if (kind === "declare" || LANGUAGE_BLOCKS.has(node.name)) push(span, "keyword");
      else if (kind === "config" || kind === "service") push(span, "namespace");
      else {
        const component = getComponent(node.name, version);
        push(span, "class", ...(component?.status === "removed" ? (["deprecated"] as const) : []));
      }
    }
    // A declare's body and a foreach's template are modules: their blocks are top-level blocks again.
    const moduleBody = node.name === "declare" || (node.name === "template" && parent === "foreach");
    for (const child of node.body) statement(child, moduleBody, node.name);
  };

  for (const node of doc.ast.body) statement(node, true);
  return { data: encode(doc, tokens) };
}

function modifierBits(modifiers: readonly TokenModifier[]): number {
  let bits = 0;
  for (const m of modifiers) bits |= 1 << semanticTokenModifiers.indexOf(m);
  return bits;
}

/** LSP's relative encoding; tokens spanning lines (never produced by valid names) are dropped. */
function encode(doc: ParsedDocument, tokens: Token[]): number[] {
  tokens.sort((a, b) => a.start - b.start);
  const index = doc.lineIndex;
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  let lastEnd = -1;
  for (const token of tokens) {
    if (token.start < lastEnd || token.end <= token.start) continue;
    const line = index.lineOf(token.start);
    if (index.lineOf(token.end) !== line) continue;
    const char = token.start - index.lineStarts[line];
    data.push(line - prevLine, line === prevLine ? char - prevChar : char, token.end - token.start, semanticTokenTypes.indexOf(token.type), token.modifiers);
    prevLine = line;
    prevChar = char;
    lastEnd = token.end;
  }
  return data;
}
