import type { ComponentSchema } from "@alloy-toolkit/catalog";
import type { Rule } from "../rule.js";
import { closestName, didYouMean } from "../suggest.js";

export const rule: Rule = {
  id: "check/unknown-export",
  severity: "error",
  alloy: false,
  description: "A reference to an export the component (or module, or argument) does not have: `receivers` for `receiver`.",
  check({ model, report }) {
    for (const reference of model.references) {
      const target = reference.target;
      const field = reference.parts[reference.targetParts];
      if (reference.kind !== "node" || !target || !field) continue;
      let names: string[] | undefined;
      if (target.kind === "component" && target.schema) {
        const schema = target.schema as ComponentSchema;
        if (!schema.exportsDocumented) continue;
        names = schema.exports.map((e) => e.name);
      } else if (target.kind === "component" && target.module) {
        names = target.module.exports.map((e) => e.name);
      } else if (target.kind === "config" && target.name === "argument") {
        names = ["value"];
      }
      if (!names || names.includes(field.name)) continue;
      const suggestion = closestName(field.name, names);
      const what = target.name === "argument" ? "argument" : "component";
      report({
        message:
          names.length === 0
            ? `${what} "${target.id}" has no exports, so "${field.name}" cannot be referenced`
            : `${what} "${target.id}" does not export "${field.name}" (its exports: ${names.join(", ")})`,
        document: reference.document,
        range: field.range,
        order: reference.from.refOrder,
        phase: "extra",
        key: field.range.start.offset,
        hint: didYouMean(suggestion),
        fix: suggestion
          ? { title: `Rename to "${suggestion}"`, file: reference.document.filename, edits: [{ range: field.range, newText: suggestion }] }
          : undefined,
      });
    }
  },
};
