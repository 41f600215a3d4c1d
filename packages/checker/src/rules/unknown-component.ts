import { componentAvailability, componentNames } from "@alloy-toolkit/catalog";
import { nameRange } from "../ranges.js";
import { releaseWording } from "../release-wording.js";
import type { Rule } from "../rule.js";
import { closestName, didYouMean } from "../suggest.js";

/**
 * Components removed from Alloy that River configs of Grafana Agent Flow still use, with what replaces them
 * (Alloy's migration guide, set-up/migrate/from-flow, and its release notes). The hint replaces a did-you-mean that would mislead.
 */
const REMOVED_COMPONENTS: Readonly<Record<string, string>> = {
  "module.file": 'the classic module "module.file" was removed in Alloy 1.0: use the import.file config block',
  "module.git": 'the classic module "module.git" was removed in Alloy 1.0: use the import.git config block',
  "module.http": 'the classic module "module.http" was removed in Alloy 1.0: use the import.http config block',
  "module.string": 'the classic module "module.string" was removed in Alloy 1.0: use the import.string config block',
  "prometheus.exporter.vsphere": "prometheus.exporter.vsphere was removed in Alloy 1.0: use otelcol.receiver.vcenter",
  // Alloy's release notes, "Breaking change: … otelcol.exporter.logging has been removed".
  "otelcol.exporter.logging": "otelcol.exporter.logging was removed from Alloy: use otelcol.exporter.debug",
};

export const rule: Rule = {
  id: "check/unknown-component",
  severity: "error",
  alloy: true,
  description: "A block names no known component, declare or imported module, or a component the checked release does not have (added later, or removed).",
  check({ model, report }) {
    let names: string[] | undefined;
    // Suggestions per scope and name: a config may repeat one unknown name many times.
    const cache = new Map<typeof model.root, { candidates: readonly string[]; suggestions: Map<string, string | undefined> }>();
    for (const symbol of model.symbols) {
      if (symbol.kind !== "component" || symbol.module || symbol.uncheckedImport) continue;
      if (symbol.schema && "status" in symbol.schema && symbol.schema.status === "active") continue;
      names ??= componentNames({ version: model.options.alloyVersion });
      let entry = cache.get(symbol.scope);
      if (!entry) {
        const declared: string[] = [];
        for (let s: typeof symbol.scope | undefined = symbol.scope; s; s = s.parent) declared.push(...s.declares.keys());
        cache.set(symbol.scope, (entry = { candidates: candidateList(model.options.alloyVersion, names, declared), suggestions: new Map() }));
      }
      // A component another release has (added later, or removed): the release says it, not a did-you-mean.
      const availability = componentAvailability(symbol.name, model.options.alloyVersion);
      const otherRelease = availability.status === "not-yet-added" || availability.status === "removed" ? availability.message : undefined;
      const removed = REMOVED_COMPONENTS[symbol.name];
      if (!entry.suggestions.has(symbol.name)) {
        entry.suggestions.set(symbol.name, removed === undefined && otherRelease === undefined ? closestName(symbol.name, entry.candidates) : undefined);
      }
      const suggestion = entry.suggestions.get(symbol.name);
      const wording = releaseWording(model, `cannot find the definition of component name "${symbol.name}"`, otherRelease);
      report({
        message: wording.message,
        document: symbol.document,
        range: nameRange(symbol),
        order: symbol.order,
        phase: "node",
        rank: 2,
        hint: wording.hint ?? removed ?? didYouMean(suggestion),
        fix: suggestion
          ? { title: `Rename to "${suggestion}"`, file: symbol.document.filename, edits: [{ range: nameRange(symbol), newText: suggestion }] }
          : undefined,
      });
    }
  },
};

/**
 * The catalog's component names and the `declare`s in scope, one array per catalog release and set of
 * declares, kept from one check to the next: `closestName` remembers its suggestions per array.
 */
const candidateLists = new Map<string, readonly string[]>();

function candidateList(version: string, names: readonly string[], declared: readonly string[]): readonly string[] {
  const key = `${version}\u0000${declared.join("\u0000")}`;
  let list = candidateLists.get(key);
  if (list === undefined) {
    if (candidateLists.size >= 64) candidateLists.clear();
    candidateLists.set(key, (list = [...names, ...declared]));
  }
  return list;
}
