import type { Rule } from "../rule.js";
import { deprecatedReplacement } from "../stdlib.js";

export const rule: Rule = {
  id: "check/deprecated-function",
  severity: "warning",
  alloy: true,
  description: "A deprecated standard-library name (`env`, `json_decode`…); the hint and fix give the new name.",
  check({ model, report }) {
    for (const reference of model.references) {
      if (reference.kind !== "stdlib") continue;
      const replacement = deprecatedReplacement(reference.parts[0].name, model.options.alloyVersion);
      if (!replacement) continue;
      report({
        message: "this stdlib function is deprecated; please refer to the documentation for updated usage and alternatives",
        document: reference.document,
        range: reference.range,
        order: reference.from.refOrder,
        phase: "references",
        key: reference.range.start.offset,
        hint: `use "${replacement}" instead`,
        fix: {
          title: `Replace with "${replacement}"`,
          file: reference.document.filename,
          edits: [{ range: reference.parts[0].range, newText: replacement }],
        },
      });
    }
  },
};
