import type { AttributeSchema, BlockSchema, ComponentSchema, ConfigBlockSchema, ExportSchema } from "../schema.js";
import type { DocsComponent, DocsConfigBlock } from "./docs-catalog.js";
import { typeToString, type AlloyType } from "../types.js";
import type { CodeAttribute, CodeBlock, CodeBody } from "./go/decoder-schema.js";
import type { CodeComponent, CodeConfigBlock } from "./go/read-release.js";

/** One difference between what the docs say and what Alloy's decoder accepts. */
export interface Disagreement {
  /** Component or config block. */
  owner: string;
  /** Block path and attribute, `endpoint > basic_auth > password`; empty for the component itself. */
  path: string;
  kind:
    | "undocumented-component"
    | "component-not-in-code"
    | "undocumented-attribute"
    | "attribute-not-in-code"
    | "undocumented-block"
    | "block-not-in-code"
    | "required"
    | "repeatable"
    | "labelled"
    | "type"
    | "enum"
    | "stability"
    | "attribute-or-block";
  docs: string;
  code: string;
  /** Where the code says it (`file.go:line`). */
  source?: string;
}

/** Collects disagreements while a release is merged with the docs; only the docs' own release records them. */
export class DisagreementLog {
  readonly items: Disagreement[] = [];
  constructor(readonly enabled: boolean) {}
  add(item: Disagreement): void {
    if (this.enabled) this.items.push(item);
  }
}

type DocsBody = { attributes: AttributeSchema[]; blocks: BlockSchema[] };

/**
 * A component of one release: its structure (attributes, blocks, required-ness, repetition, labels, types,
 * stability) from the code, its prose (descriptions, defaults, documented type spellings, doc links, allowed
 * values where the code has no check) from the docs page of the same name, when there is one.
 */
export function componentWithProse(code: CodeComponent, docs: DocsComponent | undefined, log: DisagreementLog): Omit<ComponentSchema, "alloyVersion" | "since"> {
  const owner = code.name;
  if (!docs) log.add({ owner, path: "", kind: "undocumented-component", docs: "no page", code: "registered", source: code.source });
  if (docs && docs.stability !== code.stability) {
    log.add({ owner, path: "", kind: "stability", docs: docs.stability, code: code.stability, source: code.source });
  }
  const body = mergeBody(owner, code.arguments, docs, [], log);
  const component: Omit<ComponentSchema, "alloyVersion" | "since"> = {
    name: code.name,
    namespace: code.name.split(".")[0],
    stability: code.stability,
    status: "active",
    description: docs?.description ?? "",
    docPath: docs?.docPath ?? "",
    docUrl: docs?.docUrl ?? "",
    attributes: body.attributes,
    blocks: body.blocks,
    exports: mergeExports(owner, code.exports, docs?.exports ?? [], docs !== undefined && docs.exportsDocumented, log),
    exportsDocumented: true,
    clustering: body.blocks.some((b) => b.name === "clustering"),
  };
  return component;
}

/** A config block of one release, as {@link componentWithProse} does for components; exports come from the docs. */
export function configBlockWithProse(code: CodeConfigBlock, docs: DocsConfigBlock | undefined, log: DisagreementLog): Omit<ConfigBlockSchema, "alloyVersion" | "since"> {
  const owner = code.name;
  if (!docs) log.add({ owner, path: "", kind: "undocumented-component", docs: "no page", code: "config block", source: code.source });
  if (docs && docs.labelled !== code.body.labelled) {
    log.add({ owner, path: "", kind: "labelled", docs: String(docs.labelled), code: String(code.body.labelled), source: code.source });
  }
  const body = mergeBody(owner, code.body, docs, [], log);
  return {
    name: code.name,
    stability: code.stability,
    description: docs?.description ?? "",
    docPath: docs?.docPath ?? "",
    docUrl: docs?.docUrl ?? "",
    labelled: code.body.labelled,
    attributes: body.attributes,
    blocks: body.blocks,
    exports: docs?.exports ?? [],
  };
}

function mergeBody(owner: string, code: CodeBody, docs: DocsBody | undefined, path: string[], log: DisagreementLog): DocsBody {
  const where = (name: string) => [...path, name].join(" > ");
  const attributes = code.attributes.map((attribute) => {
    const documented = docs?.attributes.find((a) => a.name === attribute.name);
    if (docs && !documented) {
      const asBlock = docs.blocks.find((b) => b.name === attribute.name);
      log.add({
        owner,
        path: where(attribute.name),
        kind: asBlock ? "attribute-or-block" : "undocumented-attribute",
        docs: asBlock ? "block" : "missing",
        code: `attribute ${typeToString(attribute.type)}`,
        source: attribute.source,
      });
    }
    return mergeAttribute(owner, attribute, documented, where(attribute.name), log);
  });
  const blocks = code.blocks.map((block) => {
    const documented = docs?.blocks.find((b) => b.name === block.name);
    if (docs && !documented && !docs.attributes.some((a) => a.name === block.name)) {
      log.add({ owner, path: where(block.name), kind: "undocumented-block", docs: "missing", code: block.repeatable ? "repeatable block" : "block", source: block.source });
    }
    return mergeBlock(owner, block, documented, [...path, block.name], log);
  });
  for (const attribute of docs?.attributes ?? []) {
    if (code.attributes.some((a) => a.name === attribute.name)) continue;
    const asBlock = code.blocks.some((b) => b.name === attribute.name);
    if (code.openAttributes) continue;
    log.add({ owner, path: where(attribute.name), kind: asBlock ? "attribute-or-block" : "attribute-not-in-code", docs: `attribute ${typeToString(attribute.type)}`, code: asBlock ? "block" : "missing" });
  }
  for (const block of docs?.blocks ?? []) {
    if (code.blocks.some((b) => b.name === block.name) || code.attributes.some((a) => a.name === block.name)) continue;
    if (code.inheritsBlocksFrom) continue;
    log.add({ owner, path: where(block.name), kind: "block-not-in-code", docs: "block", code: "missing" });
  }
  return { attributes, blocks };
}

function mergeAttribute(owner: string, code: CodeAttribute, docs: AttributeSchema | undefined, path: string, log: DisagreementLog): AttributeSchema {
  const type = docs ? refineType(code.type, docs.type) : code.type;
  if (docs && !typesAgree(code.type, docs.type)) {
    log.add({ owner, path, kind: "type", docs: typeToString(docs.type), code: `${typeToString(code.type)} (${code.goType})`, source: code.source });
  }
  if (docs && docs.required !== code.required && !(docs.requiredCondition && !code.required)) {
    log.add({ owner, path, kind: "required", docs: docs.requiredCondition ?? String(docs.required), code: String(code.required), source: code.source });
  }
  if (docs?.enum && code.enum && !sameSet(docs.enum, code.enum)) {
    log.add({ owner, path, kind: "enum", docs: docs.enum.join(", "), code: code.enum.join(", "), source: code.source });
  }
  const attribute: AttributeSchema = {
    name: code.name,
    type,
    documentedType: docs?.documentedType ?? typeToString(type),
    required: code.required,
    description: docs?.description ?? "",
    deprecated: docs?.deprecated ?? false,
  };
  if (docs?.requiredCondition && !code.required) attribute.requiredCondition = docs.requiredCondition;
  if (docs?.default !== undefined) attribute.default = docs.default;
  const stringy = type.kind === "string" || (type.kind === "list" && type.element.kind === "string");
  const values = code.enum ?? (stringy ? docs?.enum : undefined);
  if (values) attribute.enum = [...values];
  if (docs?.fields) attribute.fields = docs.fields;
  return attribute;
}

function mergeBlock(owner: string, code: CodeBlock, docs: BlockSchema | undefined, path: string[], log: DisagreementLog): BlockSchema {
  const where = path.join(" > ");
  if (docs && docs.required !== code.required && !(docs.requiredCondition && !code.required)) {
    log.add({ owner, path: where, kind: "required", docs: docs.requiredCondition ?? String(docs.required), code: String(code.required), source: code.source });
  }
  if (docs && docs.repeatable !== code.repeatable) {
    log.add({ owner, path: where, kind: "repeatable", docs: String(docs.repeatable), code: String(code.repeatable), source: code.source });
  }
  const body = mergeBody(owner, code, docs, path, log);
  const block: BlockSchema = {
    name: code.name,
    path,
    description: docs?.description ?? "",
    required: code.required,
    repeatable: code.repeatable,
    labelled: code.labelled,
    attributes: body.attributes,
    blocks: body.blocks,
  };
  if (docs?.requiredCondition && !code.required) block.requiredCondition = docs.requiredCondition;
  if (code.inheritsBlocksFrom) block.inheritsBlocksFrom = [...code.inheritsBlocksFrom];
  // Members of an enum of blocks (`stage.*`) are decoded into one slice: a pipeline, in the order written.
  if (code.name.includes(".") && code.repeatable) block.ordered = true;
  if (code.openAttributes) block.openAttributes = code.openAttributes;
  return block;
}

function mergeExports(owner: string, code: CodeAttribute[], docs: ExportSchema[], documented: boolean, log: DisagreementLog): ExportSchema[] {
  const exports = code.map((field) => {
    const doc = docs.find((e) => e.name === field.name);
    if (documented && !doc) log.add({ owner, path: `exports > ${field.name}`, kind: "undocumented-attribute", docs: "missing", code: typeToString(field.type), source: field.source });
    if (doc && !typesAgree(field.type, doc.type)) {
      log.add({ owner, path: `exports > ${field.name}`, kind: "type", docs: typeToString(doc.type), code: `${typeToString(field.type)} (${field.goType})`, source: field.source });
    }
    const type = doc ? refineType(field.type, doc.type) : field.type;
    return { name: field.name, type, documentedType: doc?.documentedType ?? typeToString(type), description: doc?.description ?? "" };
  });
  for (const doc of docs) {
    if (!code.some((f) => f.name === doc.name)) log.add({ owner, path: `exports > ${doc.name}`, kind: "attribute-not-in-code", docs: typeToString(doc.type), code: "missing" });
  }
  return exports;
}

/** The code's type, with what the docs add where they agree with it: the signals a capsule carries. */
export function refineType(code: AlloyType, docs: AlloyType): AlloyType {
  if (code.kind === "capsule" && docs.kind === "capsule" && code.name === docs.name) {
    return docs.signals && !code.signals ? { ...code, signals: [...docs.signals] } : code;
  }
  if (code.kind === "list" && docs.kind === "list") return { kind: "list", element: refineType(code.element, docs.element) };
  if (code.kind === "map" && docs.kind === "map") return { kind: "map", value: refineType(code.value, docs.value) };
  return code;
}

/**
 * Whether the docs' type says the same as the code's, where spellings differ but Alloy accepts the same
 * values: a duration written as a string, a secret-or-string as a secret, an object as a map, `any` parts.
 */
export function typesAgree(code: AlloyType, docs: AlloyType): boolean {
  if (docs.kind === "any" || code.kind === "any") return true;
  if (code.kind === "union") return code.options.some((o) => typesAgree(o, docs)) || (docs.kind === "union" && docs.options.every((o) => typesAgree(code, o)));
  if (docs.kind === "union") return docs.options.some((o) => typesAgree(code, o));
  if (code.kind === "duration" || docs.kind === "duration") return (code.kind === "duration" || code.kind === "string") && (docs.kind === "duration" || docs.kind === "string");
  if ((code.kind === "object" || code.kind === "map") && (docs.kind === "object" || docs.kind === "map")) {
    return code.kind !== "map" || docs.kind !== "map" || typesAgree(code.value, docs.value);
  }
  if (code.kind === "list" && docs.kind === "list") return typesAgree(code.element, docs.element);
  if (code.kind === "capsule" && docs.kind === "capsule") return code.name === docs.name;
  return code.kind === docs.kind;
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((v) => b.includes(v));
}
