import type { Rule } from "../rule.js";
import { stdlibFunction } from "../stdlib.js";

export const rule: Rule = {
  id: "check/function-arity",
  severity: "error",
  alloy: false,
  description: "A standard-library function called with the wrong number of arguments.",
  check({ model, report }) {
    for (const reference of model.references) {
      if (reference.kind !== "stdlib" || !reference.call) continue;
      const fn = stdlibFunction(reference.parts.map((p) => p.name).join("."), model.options.alloyVersion);
      if (!fn) continue;
      const required = fn.params.filter((p) => !p.optional).length - (fn.variadic ? 1 : 0);
      const max = fn.variadic ? Infinity : fn.params.length;
      const given = reference.call.args.length;
      if (given >= Math.max(0, required) && given <= max) continue;
      const expected =
        max === Infinity ? `at least ${required}` : required === max ? `${max}` : `${required} to ${max}`;
      report({
        message: `${fn.name} expects ${expected} argument${expected === "1" ? "" : "s"}, got ${given}`,
        document: reference.document,
        range: reference.call.range,
        order: reference.from.refOrder,
        phase: "extra",
        key: reference.range.start.offset,
      });
    }
  },
};
