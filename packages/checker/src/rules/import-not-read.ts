import { attributeNamed } from "@alloy-toolkit/parser";
import { nameRange } from "../ranges.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  id: "check/import-not-read",
  severity: "warning",
  alloy: false,
  description:
    "An `import.file` names a file that is not read: larger than the limit for modules, not a regular file (a FIFO, a device), not UTF-8 (Alloy rejects it), or outside the folders the language server may read. Its components are not checked.",
  check({ model, report }) {
    for (const symbol of model.symbols) {
      const problem = symbol.importInfo?.problem;
      if (problem === undefined) continue;
      const filename = attributeNamed(symbol.block, "filename")?.value;
      report({
        message: `${symbol.id} is not read: ${problem}`,
        document: symbol.document,
        range: filename?.range ?? nameRange(symbol),
        order: symbol.order,
        phase: "extra",
      });
    }
  },
};
