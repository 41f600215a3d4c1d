import type { Rule } from "../rule.js";
import type { ModuleScope } from "../model.js";
import { closestName, didYouMean } from "../suggest.js";

export const rule: Rule = {
  id: "check/unresolved-reference",
  severity: "error",
  alloy: true,
  description: "A reference to a component or block that does not exist in the module, or is out of scope.",
  check({ model, report }) {
    const idsByScope = new Map<ModuleScope, string[]>();
    for (const reference of model.references) {
      if (reference.kind !== "unresolved" || reference.inForeach) continue;
      const text = reference.parts.map((p) => p.name).join(".");
      let ids = idsByScope.get(reference.scope);
      if (!ids) {
        ids = [...reference.scope.nodes.keys()];
        idsByScope.set(reference.scope, ids);
      }
      // Suggest a node id for the part of the chain that should have named it.
      const guess = reference.parts.length > 1 ? reference.parts.slice(0, -1).map((p) => p.name).join(".") : text;
      const suggestion = closestName(guess, ids);
      report({
        message: `component "${text}" does not exist or is out of scope`,
        document: reference.document,
        range: reference.range,
        order: reference.from.refOrder,
        phase: "references",
        key: reference.range.start.offset,
        hint: didYouMean(suggestion),
      });
    }
  },
};
