import { deprecatedFunctionNames, getComponent } from "@alloy-toolkit/catalog";
import { classifyBlock } from "@alloy-toolkit/checker/core";
import { childrenOf, endOffset, startOffset, tokensIn, traversalParts, type Expression, type Node, type Statement } from "@alloy-toolkit/parser";
import type { SemanticTokens, SemanticTokensDelta, SemanticTokensDeltaParams, SemanticTokensParams, SemanticTokensRangeParams } from "vscode-languageserver";
import type { ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { MAX_SEMANTIC_TOKENS } from "../limits.js";

/** The token types and modifiers, in legend order. */
export const semanticTokenTypes = [
  "class",
  "struct",
  "property",
  "variable",
  "function",
  "parameter",
  "namespace",
  "keyword",
  "string",
  "number",
  "comment",
  "operator",
] as const;
export const semanticTokenModifiers = ["declaration", "deprecated", "defaultLibrary", "readonly"] as const;
export const semanticTokenLegend = { tokenTypes: [...semanticTokenTypes], tokenModifiers: [...semanticTokenModifiers] };

type TokenType = (typeof semanticTokenTypes)[number];
type TokenModifier = (typeof semanticTokenModifiers)[number];

interface Token {
  readonly start: number;
  readonly end: number;
  readonly type: number;
  readonly modifiers: number;
}

const LANGUAGE_BLOCKS = new Set(["declare", "argument", "export"]);
const OPERATORS = new Set(["=", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "^", "&&", "||", "!"]);
const TYPE_INDEX = new Map(semanticTokenTypes.map((t, i) => [t, i]));

/**
 * `textDocument/semanticTokens/full`: every token of the document, so that editors without the TextMate
 * grammar (Neovim, Helix, Zed, Emacs, Sublime) highlight Alloy too: names by what the model says they are
 * (component `class`, block `struct`, attribute `property`, reference `variable`, `argument.*` `parameter`,
 * stdlib function `function`, config block `namespace`, `declare`/`argument`/`export` `keyword`), and the
 * scanner's strings, numbers, comments, operators and `true`/`false`/`null` (`keyword`). Tokens spanning lines
 * (block comments, strings with line breaks) are sent one per line, which every client takes.
 */
export function semanticTokens(doc: ParsedDocument, _params: SemanticTokensParams, ctx: FeatureContext): SemanticTokens {
  const data = encode(doc, collectAll(doc, ctx));
  return ctx.semanticTokens?.remember(doc.uri, data) ?? { data };
}

/** `textDocument/semanticTokens/full/delta`: the edits from the tokens last sent, when the client still has them. */
export function semanticTokensDelta(doc: ParsedDocument, params: SemanticTokensDeltaParams, ctx: FeatureContext): SemanticTokens | SemanticTokensDelta {
  const data = encode(doc, collectAll(doc, ctx));
  const previous = ctx.semanticTokens?.previous(doc.uri, params.previousResultId);
  const sent = ctx.semanticTokens?.remember(doc.uri, data) ?? { data };
  if (!previous || sent.resultId === undefined) return sent;
  return { resultId: sent.resultId, edits: [diff(previous, data)] };
}

/** `textDocument/semanticTokens/range`: the tokens of the visible lines, without the rest of a large file. */
export function semanticTokensRange(doc: ParsedDocument, params: SemanticTokensRangeParams, ctx: FeatureContext): SemanticTokens {
  const body = doc.ast.body;
  const from = doc.lsp.offset(params.range.start);
  const to = doc.lsp.offset(params.range.end);
  let first = 0;
  while (first < body.length && endOffset(body[first].range) < from) first++;
  let last = first;
  while (last < body.length && startOffset(body[last].range) <= to) last++;
  return { data: encode(doc, collect(doc, ctx, first, last, from, to)) };
}

/**
 * The tokens of the whole document, at most {@link MAX_SEMANTIC_TOKENS}: the statements are read in slices and
 * reading stops at the limit (a file of a million lines is highlighted from its start, and its end by range
 * requests, instead of a full answer of tens of megabytes).
 */
function collectAll(doc: ParsedDocument, ctx: FeatureContext): Token[] {
  const body = doc.ast.body;
  const tokens: Token[] = [];
  for (let first = 0; first < body.length || first === 0; first += STATEMENTS_PER_SLICE) {
    const last = Math.min(body.length, first + STATEMENTS_PER_SLICE);
    // The last slice reaches the end of the text (comments after the last statement).
    const slice = collect(doc, ctx, first, last, 0, last === body.length ? doc.text.length : endOffset(body[last - 1].range));
    for (const token of slice) tokens.push(token);
    if (tokens.length >= MAX_SEMANTIC_TOKENS || last === body.length) break;
  }
  return tokens.length > MAX_SEMANTIC_TOKENS ? tokens.slice(0, MAX_SEMANTIC_TOKENS) : tokens;
}

const STATEMENTS_PER_SLICE = 500;

/**
 * The tokens of the top-level statements `first` to `last` (exclusive) and the text around them, overlapping
 * `[from, to]`, sorted, names (from the AST) winning over the scanner's tokens.
 */
function collect(doc: ParsedDocument, ctx: FeatureContext, first: number, last: number, from: number, to: number): Token[] {
  const body = doc.ast.body;
  // A span to scan that starts and ends between statements.
  const scanStart = first > 0 ? endOffset(body[first - 1].range) : 0;
  const scanEnd = last < body.length ? startOffset(body[last].range) : doc.text.length;
  const names = nameTokens(body.slice(first, last), ctx);
  const lexical: Token[] = [];
  for (const token of tokensIn(doc.text, scanStart, scanEnd)) {
    if (token.end < from || token.start > to) continue;
    const type =
      token.kind === "string"
        ? "string"
        : token.kind === "number"
          ? "number"
          : token.kind === "comment"
            ? "comment"
            : token.kind === "bool" || token.kind === "null"
              ? "keyword"
              : token.kind === "punctuation" && OPERATORS.has(token.text)
                ? "operator"
                : undefined;
    if (type) lexical.push({ start: token.start, end: token.end, type: TYPE_INDEX.get(type)!, modifiers: 0 });
  }
  // Both lists are in source order: merge them, a name hiding any scanner token it overlaps.
  const merged: Token[] = [];
  let i = 0;
  let j = 0;
  let lastEnd = -1;
  while (i < names.length || j < lexical.length) {
    const next = j >= lexical.length || (i < names.length && names[i].start <= lexical[j].start) ? names[i++] : lexical[j++];
    if (next.start < lastEnd || next.end <= next.start) continue;
    merged.push(next);
    lastEnd = next.end;
  }
  return merged;
}

/** The tokens of block, attribute, reference and function names in `statements`, in source order. */
function nameTokens(statements: readonly Statement[], ctx: FeatureContext): Token[] {
  const version = ctx.workspace.settings.alloyVersion;
  const deprecated = deprecatedFunctionNames(version);
  const tokens: Token[] = [];
  const push = (start: number, end: number, type: TokenType, ...modifiers: TokenModifier[]) => {
    tokens.push({ start, end, type: TYPE_INDEX.get(type)!, modifiers: modifierBits(modifiers) });
  };
  const pushNode = (node: { range: Node["range"] }, type: TokenType, ...modifiers: TokenModifier[]) =>
    push(startOffset(node.range), endOffset(node.range), type, ...modifiers);

  const expression = (node: Expression): void => {
    if (node.kind === "CallExpression") {
      const parts = traversalParts(node.callee) ?? (node.callee.kind === "Identifier" ? [node.callee] : undefined);
      if (parts) {
        const name = parts.map((p) => p.name).join(".");
        push(startOffset(parts[0].range), endOffset(parts[parts.length - 1].range), "function", "defaultLibrary", ...(name in deprecated ? (["deprecated"] as const) : []));
      } else expression(node.callee);
      node.args.forEach(expression);
      return;
    }
    if (node.kind === "AccessExpression" || node.kind === "Identifier") {
      const parts = traversalParts(node);
      if (parts) {
        const start = startOffset(parts[0].range);
        const end = endOffset(parts[parts.length - 1].range);
        if (parts[0].name === "constants") push(start, end, "variable", "readonly", "defaultLibrary");
        else if (parts[0].name === "argument") push(start, end, "parameter");
        else push(start, end, "variable");
        return;
      }
    }
    if (node.kind === "ObjectExpression") {
      for (const field of node.fields) {
        if (!field.quoted) pushNode({ range: field.keyRange }, "property");
        expression(field.value);
      }
      return;
    }
    for (const child of childrenOf(node)) if (child.kind !== "ObjectField") expression(child as Expression);
  };

  const statement = (node: Statement, statementLevel: boolean, parent?: string): void => {
    if (node.kind === "Attribute") {
      pushNode(node.name, "property", "declaration");
      expression(node.value);
      return;
    }
    if (node.nameParts.length > 0) {
      const start = startOffset(node.nameParts[0].range);
      const end = endOffset(node.nameParts[node.nameParts.length - 1].range);
      const kind = statementLevel ? classifyBlock(node.name) : undefined;
      if (!kind) push(start, end, "struct");
      else if (kind === "declare" || LANGUAGE_BLOCKS.has(node.name)) push(start, end, "keyword");
      else if (kind === "config" || kind === "service") push(start, end, "namespace");
      else push(start, end, "class", ...(getComponent(node.name, version)?.status === "removed" ? (["deprecated"] as const) : []));
    }
    // A declare's body and a foreach's template are modules: their blocks are top-level blocks again.
    const moduleBody = node.name === "declare" || (node.name === "template" && parent === "foreach");
    for (const child of node.body) statement(child, moduleBody, node.name);
  };

  for (const node of statements) statement(node, true);
  return tokens.sort((a, b) => a.start - b.start);
}

function modifierBits(modifiers: readonly TokenModifier[]): number {
  let bits = 0;
  for (const m of modifiers) bits |= 1 << semanticTokenModifiers.indexOf(m);
  return bits;
}

/** LSP's relative encoding, in the negotiated position encoding; a token spanning lines becomes one per line. */
function encode(doc: ParsedDocument, tokens: readonly Token[]): number[] {
  const lines = doc.lsp;
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  const emit = (start: number, end: number, type: number, modifiers: number) => {
    const from = lines.position(start);
    const to = lines.position(end);
    const length = to.character - from.character;
    if (length <= 0) return;
    data.push(from.line - prevLine, from.line === prevLine ? from.character - prevChar : from.character, length, type, modifiers);
    prevLine = from.line;
    prevChar = from.character;
  };
  for (const token of tokens) {
    const startLine = lines.lineOf(token.start);
    const endLine = lines.lineOf(token.end);
    if (startLine === endLine) {
      emit(token.start, token.end, token.type, token.modifiers);
      continue;
    }
    for (let line = startLine; line <= endLine; line++) {
      const start = line === startLine ? token.start : lines.lineStarts[line];
      const end = line === endLine ? token.end : lines.lineEnd(line);
      emit(start, end, token.type, token.modifiers);
    }
  }
  return data;
}

/** The one edit turning `before` into `after`: what lies between their common start and common end. */
function diff(before: readonly number[], after: readonly number[]): { start: number; deleteCount: number; data: number[] } {
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before[start] === after[start]) start++;
  let end = 0;
  while (end < shortest - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { start, deleteCount: before.length - start - end, data: after.slice(start, after.length - end) };
}

/** The tokens last sent per document, under the result id the client quotes in a delta request. */
export class SemanticTokensCache {
  private readonly sent = new Map<string, { resultId: string; data: readonly number[] }>();
  private counter = 0;

  remember(uri: string, data: number[]): SemanticTokens {
    const resultId = String(++this.counter);
    this.sent.set(uri, { resultId, data });
    return { resultId, data };
  }

  previous(uri: string, resultId: string): readonly number[] | undefined {
    const entry = this.sent.get(uri);
    return entry && entry.resultId === resultId ? entry.data : undefined;
  }

  forget(uri: string): void {
    this.sent.delete(uri);
  }

  clear(): void {
    this.sent.clear();
  }
}
