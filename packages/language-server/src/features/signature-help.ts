import { getFunction, typeToString } from "@alloy-toolkit/catalog";
import type { SignatureHelp, SignatureHelpParams } from "vscode-languageserver";
import { MarkupKind } from "../lsp.js";
import type { ParsedDocument } from "../documents.js";
import type { FeatureContext } from "../feature-context.js";
import { toOffset } from "../lsp-positions.js";
import { functionSignature } from "../schema-docs.js";

const MAX_LOOKBEHIND = 4_000;

/**
 * `textDocument/signatureHelp` for stdlib calls. Reads the text backwards from the cursor to the unclosed
 * `(` so it works while the call is still being typed (and does not parse).
 */
export function signatureHelp(doc: ParsedDocument, params: SignatureHelpParams, ctx: FeatureContext): SignatureHelp | null {
  const offset = toOffset(doc.lineIndex, params.position);
  const call = openCallAt(doc.text, offset);
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

/** The innermost call whose `(` is open at `offset`: its callee name and the index of the argument. */
function openCallAt(text: string, offset: number): { name: string; argumentIndex: number } | undefined {
  let depth = 0;
  let commas = 0;
  const stop = Math.max(0, offset - MAX_LOOKBEHIND);
  for (let i = offset - 1; i >= stop; i--) {
    const c = text[i];
    if (c === '"') {
      // skip back over a string literal
      let j = i - 1;
      while (j >= stop && !(text[j] === '"' && text[j - 1] !== "\\")) j--;
      i = j;
    } else if (c === ")" || c === "]" || c === "}") depth++;
    else if (c === "(" || c === "[" || c === "{") {
      if (depth > 0) {
        depth--;
        continue;
      }
      if (c !== "(") return undefined;
      const name = /[A-Za-z_][A-Za-z0-9_.]*$/.exec(text.slice(Math.max(0, i - 200), i))?.[0];
      return name ? { name, argumentIndex: commas } : undefined;
    } else if (c === "," && depth === 0) commas++;
  }
  return undefined;
}
