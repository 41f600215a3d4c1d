import type { AlloyType } from "./types.js";
import type { VersionedRecord } from "./versioned.js";

/**
 * How versioned records are stored in the data module, smaller than the schemas they hold: a value equal
 * to its field's default is left out (`required: false`, `deprecated: false`, a `documentedType` that only
 * repeats the type, …), and types are numbers into one table of the distinct types. The runtime restores
 * both in place right after parsing a record, so it parses fewer bytes and allocates one object per
 * distinct type rather than one per attribute.
 */
const DEFAULTS: Record<string, unknown> = {
  required: false,
  deprecated: false,
  repeatable: false,
  labelled: false,
  description: "",
};

const TYPED_FIELDS = ["type", "openAttributes"] as const;

/** Whether a field holds a value of its default, or a documented type that is the type's canonical spelling. */
function isDefault(key: string, value: unknown, record: Record<string, unknown>, spell: (type: AlloyType) => string): boolean {
  if (key in DEFAULTS) return value === DEFAULTS[key];
  if (key === "documentedType") return record.type !== undefined && value === spell(record.type as AlloyType);
  return false;
}

/** The stored form of a record (a copy): defaults left out, types as indexes into `types` (extended as needed). */
export function compactRecord(record: VersionedRecord, types: string[], spell: (type: AlloyType) => string): Record<string, unknown> {
  const index = (type: AlloyType): number => {
    const key = JSON.stringify(type);
    let found = types.indexOf(key);
    if (found < 0) found = types.push(key) - 1;
    return found;
  };
  const encodeTypes = (facts: Record<string, unknown>): Record<string, unknown> => {
    const out = { ...facts };
    for (const field of TYPED_FIELDS) if (out[field] !== undefined) out[field] = index(out[field] as AlloyType);
    return out;
  };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (isDefault(key, value, record, spell)) continue;
    if (key === "attributes" || key === "blocks" || key === "exports") out[key] = (value as VersionedRecord[]).map((child) => compactRecord(child, types, spell));
    else if (key === "was") out[key] = (value as { set?: Record<string, unknown> }[]).map((change) => (change.set ? { ...change, set: encodeTypes(change.set) } : change));
    else if ((TYPED_FIELDS as readonly string[]).includes(key)) out[key] = index(value as AlloyType);
    else out[key] = value;
  }
  return out;
}

/**
 * Restores a parsed stored record in place (see {@link compactRecord}): `kind` says which defaults apply
 * (`documentedType` for attributes and exports, `required` for attributes and blocks, …); `spellings[i]`
 * is `typeToString(types[i])`, made once per type.
 */
export function expandRecord(
  record: Record<string, unknown>,
  kind: "component" | "configBlock" | "attribute" | "block" | "export",
  types: readonly AlloyType[],
  spellings: readonly string[],
): void {
  const typeIndex = typeof record.type === "number" ? record.type : undefined;
  for (const field of TYPED_FIELDS) if (typeof record[field] === "number") record[field] = types[record[field] as number];
  for (const change of (record.was as { set?: Record<string, unknown> }[] | undefined) ?? []) {
    if (!change.set) continue;
    for (const field of TYPED_FIELDS) if (typeof change.set[field] === "number") change.set[field] = types[change.set[field] as number];
  }
  if (record.description === undefined) record.description = "";
  if (kind === "attribute" || kind === "export") {
    if (record.documentedType === undefined) record.documentedType = typeIndex === undefined ? "" : spellings[typeIndex];
  }
  if (kind === "attribute") {
    if (record.required === undefined) record.required = false;
    if (record.deprecated === undefined) record.deprecated = false;
  }
  if (kind === "block") {
    if (record.required === undefined) record.required = false;
    if (record.repeatable === undefined) record.repeatable = false;
    if (record.labelled === undefined) record.labelled = false;
  }
  if (kind === "configBlock" && record.labelled === undefined) record.labelled = false;
  for (const child of (record.attributes as Record<string, unknown>[] | undefined) ?? []) expandRecord(child, "attribute", types, spellings);
  for (const child of (record.blocks as Record<string, unknown>[] | undefined) ?? []) expandRecord(child, "block", types, spellings);
  for (const child of (record.exports as Record<string, unknown>[] | undefined) ?? []) expandRecord(child, "export", types, spellings);
}
