import { endOffset, startOffset } from "@alloy-toolkit/parser";
import { rangeAt } from "../analyze.js";
import type { Rule } from "../rule.js";
import type { ModuleScope } from "../model.js";
import { addToGroup } from "../group.js";
import { closestName, didYouMean } from "../suggest.js";

/** Labels of the scope's blocks by block name, so suggestions compare labels of one kind only. */
function labelsByName(scope: ModuleScope): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const symbol of scope.symbols) {
    if (symbol.label !== undefined) addToGroup(map, symbol.name, symbol.label);
  }
  return map;
}

/** A block id close to the start of a reference: it replaces the reference's first `parts` identifiers. */
interface Suggestion {
  readonly id: string;
  readonly parts: number;
}

/**
 * `prometheus.relabel.defualt.receiver` → `prometheus.relabel.default` (the first three parts) when that block
 * exists; the export after the id stays as written.
 */
function suggestLabel(names: readonly string[], labels: Map<string, string[]>): Suggestion | undefined {
  for (let k = 1; k < names.length; k++) {
    const name = names.slice(0, k).join(".");
    const candidates = labels.get(name);
    if (!candidates) continue;
    const label = closestName(names[k], candidates);
    if (label) return { id: `${name}.${label}`, parts: k + 1 };
  }
  return undefined;
}

export const rule: Rule = {
  id: "check/unresolved-reference",
  severity: "error",
  alloy: true,
  description: "A reference to a component or block that does not exist in the module, or is out of scope.",
  check({ model, report }) {
    const labelsByScope = new Map<ModuleScope, Map<string, string[]>>();
    // The same unresolved name tends to repeat (a missing exporter fed by many components): suggest once.
    const suggestions = new Map<ModuleScope, Map<string, Suggestion | undefined>>();
    for (const reference of model.references) {
      if (reference.kind !== "unresolved" || reference.inForeach) continue;
      const names = reference.parts.map((p) => p.name);
      const text = names.join(".");
      let labels = labelsByScope.get(reference.scope);
      if (!labels) labelsByScope.set(reference.scope, (labels = labelsByName(reference.scope)));
      let known = suggestions.get(reference.scope);
      if (!known) suggestions.set(reference.scope, (known = new Map()));
      let suggestion = known.get(text);
      if (suggestion === undefined && !known.has(text)) {
        suggestion = suggestLabel(names, labels);
        known.set(text, suggestion);
      }
      report({
        message: `component "${text}" does not exist or is out of scope`,
        document: reference.document,
        range: reference.range,
        order: reference.from.refOrder,
        phase: "references",
        key: reference.range.start.offset,
        hint: didYouMean(suggestion?.id),
        fix: suggestion
          ? {
              title: `Replace with "${suggestion.id}"`,
              file: reference.document.filename,
              edits: [
                {
                  range: rangeAt(reference.document, startOffset(reference.parts[0].range), endOffset(reference.parts[suggestion.parts - 1].range)),
                  newText: suggestion.id,
                },
              ],
            }
          : undefined,
      });
    }
  },
};
