import type { AlloyType } from "@alloy-toolkit/catalog";

/**
 * Whether a value of type `value` can be given where `expected` is wanted, directly or as an element of an
 * expected list. Loose on purpose (completion offers, it does not judge): unknown and `any` fit anything.
 */
export function typeFits(value: AlloyType | undefined, expected: AlloyType | undefined): boolean {
  if (!value || !expected || value.kind === "any" || expected.kind === "any") return true;
  if (expected.kind === "union") return expected.options.some((option) => typeFits(value, option));
  if (value.kind === "union") return value.options.some((option) => typeFits(option, expected));
  if (expected.kind === "list" && value.kind !== "list") return typeFits(value, expected.element);
  if (value.kind !== expected.kind) {
    return (value.kind === "string" && expected.kind === "secret") || (value.kind === "object" && expected.kind === "map");
  }
  switch (value.kind) {
    case "list":
      return typeFits(value.element, (expected as typeof value).element);
    case "map":
      return typeFits(value.value, (expected as typeof value).value);
    case "capsule": {
      const other = expected as typeof value;
      if (value.name !== other.name) return false;
      if (!value.signals || !other.signals) return true;
      return value.signals.some((s) => other.signals!.includes(s));
    }
    default:
      return true;
  }
}
