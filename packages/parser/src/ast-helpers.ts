import type { Attribute, Block, Expression, Identifier, Statement } from "./ast.js";

/** The first attribute of a block's body named `name` (`filename` of an `import.file`), or `undefined`. */
export function attributeNamed(block: { readonly body: readonly Statement[] }, name: string): Attribute | undefined {
  for (const statement of block.body) {
    if (statement.kind === "Attribute" && statement.name.name === name) return statement;
  }
  return undefined;
}

/** The first block of a block's body named `name` (`clustering` in a `prometheus.scrape`), or `undefined`. */
export function blockNamed(block: { readonly body: readonly Statement[] }, name: string): Block | undefined {
  for (const statement of block.body) {
    if (statement.kind === "Block" && statement.name === name) return statement;
  }
  return undefined;
}

/**
 * The identifiers of a traversal `a.b.c` (Alloy's name for a chain of field accesses on an identifier), or
 * `undefined` when the expression is anything else (a call, an index, a literal…).
 */
export function traversalParts(expression: Expression): Identifier[] | undefined {
  const parts: Identifier[] = [];
  let node: Expression = expression;
  while (node.kind === "AccessExpression") {
    parts.push(node.property);
    node = node.object;
  }
  if (node.kind !== "Identifier") return undefined;
  parts.push(node);
  return parts.reverse();
}
