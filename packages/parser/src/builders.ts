import type {
  ArrayExpression,
  Attribute,
  Block,
  BlockLabel,
  BoolLiteral,
  CallExpression,
  Expression,
  File,
  Identifier,
  NullLiteral,
  NumberLiteral,
  ObjectExpression,
  ObjectField,
  Statement,
  StringLiteral,
} from "./ast.js";
import type { Range } from "./positions.js";
import { goQuote, isValidIdentifier } from "./strings.js";
import type { LiteralValue } from "./to-js.js";

/** The range of a built node: it comes from no text (offset 0, line 1, column 1). */
const NO_RANGE: Range = Object.freeze({ start: Object.freeze({ offset: 0, line: 1, column: 1 }), end: Object.freeze({ offset: 0, line: 1, column: 1 }) });

/** An expression, or a JavaScript value that {@link b.value} turns into one. */
export type ExpressionLike = Expression | LiteralValue;

function isExpression(value: ExpressionLike): value is Expression {
  return typeof value === "object" && value !== null && !Array.isArray(value) && typeof (value as { kind?: unknown }).kind === "string";
}

function expression(value: ExpressionLike): Expression {
  return isExpression(value) ? value : b.value(value);
}

function identifier(name: string): Identifier {
  if (!isValidIdentifier(name)) throw new TypeError(`not an Alloy identifier: ${JSON.stringify(name)}`);
  return { kind: "Identifier", name, range: NO_RANGE };
}

/**
 * Builders of AST nodes, for tools that generate configs: print the result with `print` from
 * `@alloy-toolkit/formatter`. Built nodes have an empty range at the start of the text. Values are checked as
 * they are built (an invalid identifier, a number that is not finite throw a `TypeError`: a bug in the caller).
 */
export const b = {
  file(body: readonly Statement[], filename = "<built>"): File {
    return { kind: "File", filename, body: [...body], comments: [], range: NO_RANGE };
  },

  /** `name "label" { body }`, or without a label: `b.block("logging", [ … ])`. */
  block(name: string, labelOrBody: string | readonly Statement[], body: readonly Statement[] = []): Block {
    const parts = name.split(".").map(identifier);
    const label: BlockLabel | undefined =
      typeof labelOrBody === "string" ? { kind: "BlockLabel", value: labelOrBody, raw: goQuote(labelOrBody), range: NO_RANGE } : undefined;
    const statements = typeof labelOrBody === "string" ? body : labelOrBody;
    return { kind: "Block", name, nameParts: parts, label, body: [...statements], openBrace: NO_RANGE, closeBrace: NO_RANGE, range: NO_RANGE };
  },

  /** `name = value`; `value` an expression or a JavaScript literal value. */
  attribute(name: string, value: ExpressionLike): Attribute {
    return { kind: "Attribute", name: identifier(name), value: expression(value), range: NO_RANGE };
  },

  identifier,

  string(value: string): StringLiteral {
    return { kind: "StringLiteral", value, raw: goQuote(value), isRaw: false, range: NO_RANGE };
  },

  /** A number literal; negative numbers become `-n` (a unary minus, as Alloy writes them). */
  number(value: number): NumberLiteral | Expression {
    if (!Number.isFinite(value)) throw new TypeError(`not a finite number: ${value}`);
    if (value < 0 || Object.is(value, -0)) return { kind: "UnaryExpression", operator: "-", operand: b.number(-value), range: NO_RANGE };
    const raw = String(value);
    return { kind: "NumberLiteral", value, raw, isFloat: !Number.isInteger(value) || /[.e]/.test(raw), range: NO_RANGE };
  },

  bool(value: boolean): BoolLiteral {
    return { kind: "BoolLiteral", value, range: NO_RANGE };
  },

  null(): NullLiteral {
    return { kind: "NullLiteral", range: NO_RANGE };
  },

  array(elements: readonly ExpressionLike[]): ArrayExpression {
    return { kind: "ArrayExpression", elements: elements.map(expression), range: NO_RANGE };
  },

  /** `{ key = value, "quoted key" = value }`: keys that are not identifiers are quoted. */
  object(fields: Readonly<Record<string, ExpressionLike>>): ObjectExpression {
    return {
      kind: "ObjectExpression",
      fields: Object.entries(fields).map(([key, value]): ObjectField => {
        const quoted = !isValidIdentifier(key);
        return { kind: "ObjectField", key, keyRaw: quoted ? goQuote(key) : key, quoted, keyRange: NO_RANGE, value: expression(value), range: NO_RANGE };
      }),
      range: NO_RANGE,
    };
  },

  /** A reference `a.b.c` (`prometheus.remote_write.default.receiver`, `sys.env`). */
  ref(path: string): Expression {
    const [first, ...rest] = path.split(".");
    let node: Expression = identifier(first);
    for (const part of rest) node = { kind: "AccessExpression", object: node, property: identifier(part), range: NO_RANGE };
    return node;
  },

  /** `callee(args…)`; `callee` a dotted name (`sys.env`) or an expression. */
  call(callee: string | Expression, args: readonly ExpressionLike[] = []): CallExpression {
    return { kind: "CallExpression", callee: typeof callee === "string" ? b.ref(callee) : callee, args: args.map(expression), range: NO_RANGE };
  },

  /** The expression of a JavaScript literal value: the inverse of `toJS`. */
  value(value: LiteralValue): Expression {
    if (value === null) return b.null();
    switch (typeof value) {
      case "string":
        return b.string(value);
      case "number":
        return b.number(value);
      case "boolean":
        return b.bool(value);
      default:
        return Array.isArray(value) ? b.array(value) : b.object(value);
    }
  },
};
