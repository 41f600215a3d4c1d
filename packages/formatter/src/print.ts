import { assertNever, type BinaryOperator, type Expression, type File, type Statement } from "@alloy-toolkit/parser";
import { format } from "./format.js";

const PRECEDENCE: Record<BinaryOperator, number> = {
  "||": 1,
  "&&": 2,
  "==": 3,
  "!=": 3,
  "<": 3,
  "<=": 3,
  ">": 3,
  ">=": 3,
  "+": 4,
  "-": 4,
  "*": 5,
  "/": 5,
  "%": 5,
  "^": 6,
};

/**
 * Prints an AST as Alloy: the output `format` gives (and so `alloy fmt`), for trees built with the parser's
 * builders (`b`) or changed after a parse. Statements and expressions are written from the nodes (strings and
 * numbers by their `raw` text), then formatted; `file.comments` are not printed (to keep a parsed file's
 * comments, edit its text and `format` that). Throws a `TypeError` for a `BadExpression`, which has no text.
 */
export function print(file: File): string {
  return format(file.body.map((statement) => statementText(statement)).join("\n"));
}

function statementText(statement: Statement): string {
  if (statement.kind === "Attribute") return `${statement.name.name} = ${expressionText(statement.value)}`;
  const label = statement.label ? ` ${statement.label.raw}` : "";
  const body = statement.body.map(statementText).join("\n");
  return `${statement.name}${label} {\n${body}${body ? "\n" : ""}}`;
}

function expressionText(node: Expression): string {
  switch (node.kind) {
    case "Identifier":
      return node.name;
    case "StringLiteral":
    case "NumberLiteral":
      return node.raw;
    case "BoolLiteral":
      return String(node.value);
    case "NullLiteral":
      return "null";
    case "ArrayExpression":
      return `[${node.elements.map(expressionText).join(", ")}]`;
    case "ObjectExpression":
      return node.fields.length === 0 ? "{}" : `{\n${node.fields.map((f) => `${f.keyRaw} = ${expressionText(f.value)},`).join("\n")}\n}`;
    case "AccessExpression":
      return `${operandText(node.object)}.${node.property.name}`;
    case "IndexExpression":
      return `${operandText(node.object)}[${expressionText(node.index)}]`;
    case "CallExpression":
      return `${operandText(node.callee)}(${node.args.map(expressionText).join(", ")})`;
    case "UnaryExpression":
      return `${node.operator}${operandText(node.operand)}`;
    case "BinaryExpression": {
      const precedence = PRECEDENCE[node.operator];
      const side = (child: Expression, right: boolean) => {
        if (child.kind !== "BinaryExpression") return expressionText(child);
        const inner = PRECEDENCE[child.operator];
        // `^` groups to the right, the others to the left.
        const needsParens = inner < precedence || (inner === precedence && right !== (node.operator === "^"));
        return needsParens ? `(${expressionText(child)})` : expressionText(child);
      };
      return `${side(node.left, false)} ${node.operator} ${side(node.right, true)}`;
    }
    case "ParenExpression":
      return `(${expressionText(node.expression)})`;
    case "BadExpression":
      throw new TypeError("a BadExpression cannot be printed");
    default:
      return assertNever(node);
  }
}

/** An operand of a postfix or prefix operator: a binary expression goes in parentheses. */
function operandText(node: Expression): string {
  return node.kind === "BinaryExpression" ? `(${expressionText(node)})` : expressionText(node);
}
