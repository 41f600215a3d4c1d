import { nameRange } from "../ranges.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  id: "check/unchecked-import",
  severity: "information",
  alloy: false,
  description: "A component from an import that is not read (`import.git`, `import.http`, an unresolved `import.file`): its arguments are not checked.",
  check({ model, report }) {
    for (const symbol of model.symbols) {
      const source = symbol.uncheckedImport;
      if (!source) continue;
      report({
        message: `${symbol.name} comes from ${source.id}, which is not read by the checker: its arguments are not checked`,
        document: symbol.document,
        range: nameRange(symbol),
        order: symbol.order,
        phase: "extra",
      });
    }
  },
};
