import type { Rule } from "../rule.js";
import { isStdlibRoot } from "../stdlib.js";

export const rule: Rule = {
  id: "check/stdlib-shadowed",
  severity: "warning",
  alloy: true,
  description: "A reference to a component whose name starts with a standard-library name (`sys`, `string`…), which it shadows.",
  check({ model, report }) {
    for (const reference of model.references) {
      if (reference.kind !== "node" || !isStdlibRoot(reference.parts[0].name, model.options.alloyVersion)) continue;
      report({
        message: "a component is shadowing an existing stdlib name",
        document: reference.document,
        range: reference.parts[0].range,
        order: reference.from.refOrder,
        phase: "references",
        key: reference.range.start.offset,
      });
    }
  },
};
