import type { Expression } from "./ast.js";

/** A value written as a literal: what {@link toJS} gives. */
export type LiteralValue = null | boolean | number | string | LiteralValue[] | { [key: string]: LiteralValue };

/**
 * The JavaScript value of a literal expression: numbers, strings (decoded), `true`/`false`, `null`, arrays
 * and objects of literals, a negated number (`-1`) and parentheses around a literal. `undefined` when the
 * expression, or any part of it, is not a literal (a reference, a call, an operator other than a negated
 * number, a `BadExpression`): evaluating those needs a running Alloy. It reads the tree as it is: check the
 * parse's diagnostics first (a list cut short by a syntax error has the elements that parsed).
 *
 * Numbers are JavaScript numbers: integers beyond ±2^53 (Alloy's are 64-bit) lose precision; the literal's
 * `raw` text keeps them exactly. An object that gives a key twice keeps the last value, and `__proto__` is
 * an ordinary key.
 */
export function toJS(expression: Expression): LiteralValue | undefined {
  switch (expression.kind) {
    case "StringLiteral":
    case "NumberLiteral":
    case "BoolLiteral":
      return expression.value;
    case "NullLiteral":
      return null;
    case "ParenExpression":
      return toJS(expression.expression);
    case "UnaryExpression": {
      if (expression.operator !== "-") return undefined;
      const operand = toJS(expression.operand);
      return typeof operand === "number" ? -operand : undefined;
    }
    case "ArrayExpression": {
      const values: LiteralValue[] = [];
      for (const element of expression.elements) {
        const value = toJS(element);
        if (value === undefined) return undefined;
        values.push(value);
      }
      return values;
    }
    case "ObjectExpression": {
      const entries: [string, LiteralValue][] = [];
      for (const field of expression.fields) {
        const value = toJS(field.value);
        if (value === undefined) return undefined;
        entries.push([field.key, value]);
      }
      return Object.fromEntries(entries);
    }
    default:
      return undefined;
  }
}
