import { nameRange } from "../ranges.js";
import type { Rule } from "../rule.js";
import type { ModuleScope } from "../model.js";

function placement(scope: ModuleScope): "root" | "module" | "foreach" {
  if (scope.kind === "root") return "root";
  let s: ModuleScope | undefined = scope;
  while (s && s.kind === "foreach") s = s.parent;
  return s && s.kind === "declare" ? "module" : "foreach";
}

export const rule: Rule = {
  id: "check/block-placement",
  severity: "error",
  alloy: true,
  description:
    "A block where it may not be: argument/export outside a module, logging/tracing/services inside a module or foreach, attributes at the top level.",
  check({ model, report }) {
    for (const symbol of model.symbols) {
      const where = placement(symbol.scope);
      const base = { document: symbol.document, order: symbol.order, phase: "node" as const };
      if ((symbol.name === "argument" || symbol.name === "export") && symbol.kind === "config") {
        if (symbol.scope.kind === "root") {
          report({ ...base, message: `${symbol.name} blocks only allowed inside a module`, range: symbol.block.range, rank: 2 });
        }
        continue;
      }
      const disallowable = symbol.kind === "service" || symbol.name === "logging" || symbol.name === "tracing";
      if (disallowable && where !== "root") {
        report({
          ...base,
          message: `${symbol.id} not allowed in ${where}`,
          range: nameRange(symbol, symbol.id),
          rank: symbol.kind === "service" ? 1 : 2,
        });
      }
    }
    const scopes: ModuleScope[] = [model.root];
    for (const symbol of model.symbols) if (symbol.inner) scopes.push(symbol.inner);
    for (const scope of scopes) {
      for (const { document, attribute, owner } of scope.strayAttributes) {
        report({
          message: `unsupported statement type *ast.AttributeStmt`,
          document,
          range: attribute.range,
          order: owner?.order ?? scope.endOrder,
          phase: "node",
          rank: 5,
          key: attribute.range.start.offset,
        });
      }
    }
  },
};
