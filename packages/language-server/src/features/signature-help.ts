import { getFunction, typeToString } from "@alloy-toolkit/catalog";
import { tokenSpanAround, tokensIn, type SourceToken } from "@alloy-toolkit/parser";
import type { SignatureHelp, SignatureHelpParams } from "vscode-languageserver";
import { MarkupKind } from "../lsp.js";
import type { ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { toOffset } from "../lsp-positions.js";
import { functionSignature } from "../schema-docs.js";

/**
 * `textDocument/signatureHelp` for stdlib calls. Reads the parser's tokens of the statement before the cursor
 * back to the unclosed `(`, so it works while the call is still being typed.
 */
export function signatureHelp(doc: ParsedDocument, params: SignatureHelpParams, ctx: FeatureContext): SignatureHelp | null {
  const offset = toOffset(doc.lsp, params.position);
  const span = tokenSpanAround(doc.ast, offset);
  const call = openCall(tokensIn(doc.text, span.start, offset));
  if (!call) return null;
  const fn = getFunction(call.name, ctx.workspace.settings.alloyVersion);
  if (!fn) return null;
  const label = functionSignature(fn);
  const open = label.indexOf("(");
  let cursor = open + 1;
  const parameters = fn.params.map((p, i) => {
    const text = `${p.name}${p.optional ? "?" : ""}: ${typeToString(p.type)}${fn.variadic && i === fn.params.length - 1 ? "..." : ""}`;
    const start = label.indexOf(text, cursor);
    cursor = start + text.length;
    return { label: [start, start + text.length] as [number, number] };
  });
  const activeParameter = fn.variadic ? Math.min(call.argumentIndex, fn.params.length - 1) : call.argumentIndex;
  return {
    signatures: [{ label, documentation: { kind: MarkupKind.Markdown, value: fn.description }, parameters }],
    activeSignature: 0,
    activeParameter,
  };
}

/** The innermost call whose `(` is still open at the end of `tokens`: its callee name and the argument index. */
function openCall(tokens: readonly SourceToken[]): { name: string; argumentIndex: number } | undefined {
  let depth = 0;
  let commas = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token.kind !== "punctuation") continue;
    const text = token.text;
    if (text === ")" || text === "]" || text === "}") depth++;
    else if (text === "(" || text === "[" || text === "{") {
      if (depth > 0) {
        depth--;
        continue;
      }
      if (text !== "(") return undefined;
      const name = calleeBefore(tokens, i);
      return name ? { name, argumentIndex: commas } : undefined;
    } else if (text === "," && depth === 0) commas++;
  }
  return undefined;
}

/** The dotted name (`string.format`) whose last identifier ends right before the token at `index`. */
function calleeBefore(tokens: readonly SourceToken[], index: number): string | undefined {
  const parts: string[] = [];
  let i = index - 1;
  while (i >= 0 && tokens[i].kind === "identifier") {
    parts.unshift(tokens[i].text);
    if (i > 0 && tokens[i - 1].text === ".") i -= 2;
    else break;
  }
  return parts.length > 0 ? parts.join(".") : undefined;
}
