import type { Rule } from "../rule.js";
import { closestName, didYouMean } from "../suggest.js";
import { isStdlibConstant, isStdlibNamespace, stdlibConstantNames, stdlibFunction, stdlibFunctionNames } from "../stdlib.js";

export const rule: Rule = {
  id: "check/unknown-function",
  severity: "error",
  alloy: false,
  description: "A call to a standard-library function that does not exist (`sys.envv`), or an unknown `constants.*` name.",
  check({ model, report }) {
    const version = model.options.alloyVersion;
    for (const reference of model.references) {
      if (reference.kind !== "stdlib") continue;
      const names = reference.parts.map((p) => p.name);
      const name = names.join(".");
      let message: string | undefined;
      let candidates: string[] = [];
      if (names[0] === "constants") {
        if (names.length < 2 || isStdlibConstant(names.slice(0, 2).join("."), version)) continue;
        message = `unknown constant "${names.slice(0, 2).join(".")}"`;
        candidates = stdlibConstantNames(version);
      } else if (reference.call) {
        if (stdlibFunction(name, version)) continue;
        message = `unknown function "${name}"`;
        candidates = stdlibFunctionNames(version);
      } else if (names.length > 1 && isStdlibNamespace(names[0], version) && !stdlibFunction(name, version)) {
        message = `unknown function "${name}"`;
        candidates = stdlibFunctionNames(version);
      }
      if (!message) continue;
      const suggestion = closestName(names[0] === "constants" ? names.slice(0, 2).join(".") : name, candidates);
      report({
        message,
        document: reference.document,
        range: reference.range,
        order: reference.from.refOrder,
        phase: "extra",
        key: reference.range.start.offset,
        hint: didYouMean(suggestion),
        fix: suggestion
          ? { title: `Replace with "${suggestion}"`, file: reference.document.filename, edits: [{ range: reference.range, newText: suggestion }] }
          : undefined,
      });
    }
  },
};
