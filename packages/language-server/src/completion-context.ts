import { tokenSpanAround, tokensIn, type File, type SourceToken } from "@alloy-toolkit/parser";

/**
 * Where a completion is asked, syntactically: the one place that reads the text before the cursor, from the
 * parser's tokens (no regular expressions over lines). Completion decides what to offer from this and the
 * checker's model.
 *
 * - `comment`: inside a comment; nothing to offer.
 * - `statement`: where a statement starts (a block or attribute name) at the top level or in a block body.
 * - `string`: inside a string literal that is an attribute's value (or an element of it).
 * - `expression`: in an attribute's value.
 *
 * `wordStart` is where the name being typed starts (`prometheus.scr|`: at `p`), for the replaced range.
 * `attribute` is the attribute whose value holds the cursor; `path` the brackets opened between its `=` and
 * the cursor, outermost first (`["["]` for `forward_to = [|`).
 */
export type CompletionContext =
  | { readonly kind: "comment" }
  | { readonly kind: "statement"; readonly wordStart: number }
  | { readonly kind: "string"; readonly attribute?: string; readonly path: readonly string[]; readonly valueStart: number }
  | { readonly kind: "expression"; readonly attribute?: string; readonly path: readonly string[]; readonly wordStart: number };

const OPENERS = new Set(["(", "[", "{"]);
const CLOSERS = new Set([")", "]", "}"]);

/** The completion context at `offset` of a text and its parse. */
export function completionContext(ast: File, text: string, offset: number): CompletionContext {
  const span = tokenSpanAround(ast, offset);
  const tokens = tokensIn(text, span.start, offset);
  const last = tokens[tokens.length - 1] as SourceToken | undefined;
  // tokensIn cuts the last token at the offset: a comment or string reaching it holds the cursor.
  if (last?.kind === "comment" && last.end === offset && (last.text.startsWith("//") || !last.closed)) return { kind: "comment" };
  const value = () => assignedAttribute(tokens, tokens.length - 1);
  if (last?.kind === "string" && last.end === offset && !last.closed) {
    return { kind: "string", ...value(), valueStart: last.start + 1 };
  }
  // The name being typed: identifiers joined by dots, ending at the cursor.
  let first = tokens.length;
  if (last && last.end === offset && (last.kind === "identifier" || last.text === ".")) {
    first = tokens.length - 1;
    while (first > 0 && (tokens[first - 1].kind === "identifier" || tokens[first - 1].text === ".") && tokens[first - 1].end === tokens[first].start) first--;
  }
  const wordStart = first < tokens.length ? tokens[first].start : offset;
  if (startsStatement(tokens, text, previousIndex(tokens, first), wordStart)) return { kind: "statement", wordStart };
  return { kind: "expression", ...assignedAttribute(tokens, first - 1), wordStart };
}

/** The index of the token before `index` that is not a comment (-1 when none). */
function previousIndex(tokens: readonly SourceToken[], index: number): number {
  for (let i = index - 1; i >= 0; i--) if (tokens[i].kind !== "comment") return i;
  return -1;
}

/**
 * Whether a name starting at `wordStart` after the token `before` starts a statement: first in its span,
 * after a block's `{` or any `}`, or on a new line after a token that ends a statement (as Alloy's scanner
 * reads it).
 */
function startsStatement(tokens: readonly SourceToken[], text: string, before: number, wordStart: number): boolean {
  const token = tokens[before];
  if (!token) return true;
  if (token.text === "}") return true;
  if (token.text === "{") return opensBlock(tokens, before);
  const endsStatement = token.kind !== "punctuation" || token.text === ")" || token.text === "]";
  return endsStatement && text.slice(token.end, wordStart).includes("\n");
}

/** Whether the `{` at `index` opens a block's body (after its name or label), not an object. */
function opensBlock(tokens: readonly SourceToken[], index: number): boolean {
  const before = tokens[previousIndex(tokens, index)];
  return before !== undefined && (before.kind === "identifier" || before.kind === "string");
}

/**
 * The attribute whose value holds the token at `index`, and the brackets opened since its `=`: back to the
 * `=` of the statement, past any object (`{ key = … }`) whose field the cursor is in.
 */
function assignedAttribute(tokens: readonly SourceToken[], index: number): { attribute?: string; path: readonly string[] } {
  const path: string[] = [];
  let depth = 0;
  let found: { attribute?: string; brackets: number } | undefined;
  for (let i = index; i >= 0; i--) {
    const token = tokens[i];
    if (token.kind !== "punctuation") continue;
    if (CLOSERS.has(token.text)) depth++;
    else if (OPENERS.has(token.text)) {
      if (depth > 0) {
        depth--;
        continue;
      }
      if (token.text === "{" && opensBlock(tokens, i)) break;
      // An object: the `=` found so far was one of its fields'.
      if (token.text === "{") found = undefined;
      path.unshift(token.text);
    } else if (token.text === "=" && depth === 0 && !found) {
      const name = tokens[previousIndex(tokens, i)];
      found = { attribute: name?.kind === "identifier" ? name.text : undefined, brackets: path.length };
    }
  }
  if (!found) return { path: [] };
  return { ...(found.attribute ? { attribute: found.attribute } : {}), path: path.slice(path.length - found.brackets) };
}
