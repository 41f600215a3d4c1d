import { completionContext as grammarContext, type ParseResult } from "@alloy-toolkit/parser";

/**
 * Where a completion is asked, syntactically, as completion uses it: read from the parser's
 * `completionContext` (Chevrotain's content assist over the statement around the cursor, and the AST around
 * it). Completion decides what to offer from this and the checker's model.
 *
 * - `none`: nothing to offer: in a comment, after a block's name (its label or `{` comes next), after a
 *   complete value, at an object's key, or after a syntax error the grammar cannot get past.
 * - `statement`: where a statement starts (a block or attribute name) at the top level or in a block body.
 * - `string`: inside a string literal in an attribute's value.
 * - `expression`: where an expression starts in an attribute's value.
 *
 * `wordStart` is where the name being typed starts (`prometheus.scr|`: at `p`), for the replaced range.
 * `attribute` is the attribute whose value holds the cursor; `path` the brackets opened between its `=` and
 * the cursor, outermost first (`["["]` for `forward_to = [|`).
 */
export type CompletionContext =
  | { readonly kind: "none" }
  | { readonly kind: "statement"; readonly wordStart: number }
  | { readonly kind: "string"; readonly attribute?: string; readonly path: readonly string[]; readonly valueStart: number }
  | { readonly kind: "expression"; readonly attribute?: string; readonly path: readonly string[]; readonly wordStart: number };

/** The completion context at `offset` of a parse. */
export function completionContext(parsed: ParseResult, offset: number): CompletionContext {
  const at = grammarContext(parsed, offset);
  const value = () => ({ ...(at.attribute !== undefined ? { attribute: at.attribute } : {}), path: at.brackets });
  switch (at.position) {
    case "statement":
      return { kind: "statement", wordStart: at.word.start };
    case "string":
      // The word is the literal from its opening quote; what is typed after the quote is replaced.
      return at.attribute === undefined ? { kind: "none" } : { kind: "string", ...value(), valueStart: at.word.start + 1 };
    case "value":
      return { kind: "expression", ...value(), wordStart: at.word.start };
    default:
      return { kind: "none" };
  }
}
