import {
  childBlocks,
  memberAvailability,
  typesEqual,
  typeToString,
  type AlloyType,
  type AttributeSchema,
  type BlockContainer,
  type BlockSchema,
  type ComponentSchema,
} from "@alloy-toolkit/catalog";
import { endOffset, startOffset, type Attribute, type Block, type Expression, type Range, type Statement } from "@alloy-toolkit/parser";
import { rangeAt } from "./analyze.js";
import { derived, derivedValue } from "./derived.js";
import { insertionAtBlockEnd } from "./fixes.js";
import type { Fix } from "./diagnostic.js";
import type { BlockSymbol, SemanticModel, SourceDocument } from "./model.js";
import { releaseWording } from "./release-wording.js";
import { closestName, namesOf, didYouMean } from "./suggest.js";
import { alloyKindName, inferType, isAssignable } from "./types.js";

/**
 * The rules this type check serves: Alloy checks a block's body in one walk (statements in order, then the
 * missing ones), so the walk is shared and each finding names the rule that reports it (`rules/<id>.ts`, which
 * holds the rule's description; the messages are Alloy's own and are written here, where the walk finds them).
 */
export type BodyRuleId =
  | "check/unknown-attribute"
  | "check/unknown-block"
  | "check/attribute-block-mismatch"
  | "check/repeated"
  | "check/missing-required"
  | "check/value-type"
  | "check/invalid-enum-value"
  | "check/reference-type";

export interface BodyFinding {
  readonly rule: BodyRuleId;
  readonly symbol: BlockSymbol;
  readonly document: SourceDocument;
  readonly message: string;
  readonly range: Range;
  /** Sort key inside the block's type check: Alloy checks statements in order, then missing ones. */
  readonly key: number;
  readonly hint?: string;
  readonly fix?: Fix;
  /** Set when the finding is less certain than its rule's severity (allowed values from prose, signals). */
  readonly severity?: "warning";
}

/**
 * Values Alloy rejects when decoding, with Alloy's own message, for attributes the catalog lists
 * without allowed values.
 */
const ALLOY_ENUMS: Record<string, Record<string, { values: string[]; message: (value: string) => string }>> = {
  "otelcol.auth.headers": {
    "header.action": { values: ["insert", "update", "upsert", "delete"], message: (v) => `unknown action ${v}` },
  },
};

/**
 * Blocks whose check found nothing, with what that result depended on beyond the block itself: its schema,
 * the `alloyCompatible` option, and the types of the references it compared. An edited document keeps the
 * block objects of the statements the edit did not touch (the parser's `reparse`), so checking it again
 * skips those blocks while their schema and reference types are unchanged. Blocks with findings are
 * checked every time (their findings carry offsets).
 */
interface CleanBlock {
  readonly schema: SymbolSchema;
  readonly alloyCompatible: boolean;
  readonly referenceTypes: readonly { readonly expression: Expression; readonly type: AlloyType | undefined }[];
}
type SymbolSchema = NonNullable<BlockSymbol["schema"]>;
const cleanBlocks = new WeakMap<Block, CleanBlock>();

function isStillClean(model: SemanticModel, symbol: BlockSymbol, clean: CleanBlock | undefined): boolean {
  if (!clean || clean.schema !== symbol.schema || clean.alloyCompatible !== model.options.alloyCompatible) return false;
  for (const { expression, type } of clean.referenceTypes) {
    const now = inferType(model, expression);
    if (now !== type && (now === undefined || type === undefined || !typesEqual(now, type))) return false;
  }
  return true;
}

/**
 * Checks every block body against its schema, as Alloy's type check does: unknown and misplaced
 * attributes and blocks, repeats, missing required ones, literal value types; plus allowed values and
 * the types of references. Computed once per model; the rules each report their own kind.
 */
export function checkBodies(model: SemanticModel): readonly BodyFinding[] {
  return derivedValue(model, bodyFindings);
}

const bodyFindings = derived((model) => {
  const findings: BodyFinding[] = [];
  for (const symbol of model.symbols) {
    // Module instances depend on their module's arguments; foreach bodies are split: not cached.
    const cacheable = symbol.schema !== undefined && symbol.kind !== "declare" && !symbol.module && symbol.name !== "foreach";
    if (cacheable && isStillClean(model, symbol, cleanBlocks.get(symbol.block))) continue;
    const before = findings.length;
    const checker = new BodyChecker(model, symbol, findings);
    checker.run();
    if (cacheable && findings.length === before) {
      cleanBlocks.set(symbol.block, {
        schema: symbol.schema!,
        alloyCompatible: model.options.alloyCompatible,
        referenceTypes: checker.referenceTypes,
      });
    } else {
      cleanBlocks.delete(symbol.block);
    }
  }
  return findings;
});

class BodyChecker {
  private readonly document: SourceDocument;
  /** The references whose types the check compared, with those types. */
  readonly referenceTypes: { expression: Expression; type: AlloyType | undefined }[] = [];

  constructor(
    private readonly model: SemanticModel,
    private readonly symbol: BlockSymbol,
    private readonly out: BodyFinding[],
  ) {
    this.document = symbol.document;
  }

  run(): void {
    const { symbol } = this;
    if (symbol.kind === "declare") return;
    if (symbol.kind === "component" && symbol.module) {
      this.checkModuleInstance();
      return;
    }
    const schema = symbol.schema;
    // A component the release no longer has is reported once, by check/unknown-component; its body is not checked.
    if (!schema || (symbol.kind === "component" && (schema as ComponentSchema).status !== "active")) return;
    let body = symbol.block.body;
    let container: BlockContainer = schema;
    if (symbol.name === "foreach") {
      // The template is the foreach's module body, checked as a scope of its own.
      body = body.filter((s) => !(s.kind === "Block" && s.name === "template"));
      container = { attributes: schema.attributes, blocks: schema.blocks.filter((b) => b.name !== "template") };
    }
    const componentName = symbol.kind === "component" ? symbol.name : undefined;
    this.checkBody(schema, container, symbol.block, body, [], componentName);
  }

  private add(finding: Omit<BodyFinding, "symbol" | "document">): void {
    this.out.push({ ...finding, symbol: this.symbol, document: this.document });
  }

  /** A finding about one statement: its range, and its start as the ordering key. */
  private addAt(statement: Statement, finding: Omit<BodyFinding, "symbol" | "document" | "range" | "key">): void {
    this.add({ ...finding, range: statement.range, key: startOffset(statement.range) });
  }

  private checkModuleInstance(): void {
    const module = this.symbol.module!;
    const seen = new Set<string>();
    const names = module.arguments.map((a) => a.name);
    for (const statement of this.symbol.block.body) {
      if (statement.kind === "Block") {
        this.addAt(statement, {
          rule: "check/unknown-block",
          message: `unrecognized block name "${statement.name}"`,
        });
        continue;
      }
      const name = statement.name.name;
      if (!names.includes(name)) {
        this.unknownAttribute(statement, names);
        continue;
      }
      if (seen.has(name)) {
        this.repeatedAttribute(statement);
        continue;
      }
      seen.add(name);
    }
    for (const argument of module.arguments) {
      if (argument.required && !seen.has(argument.name)) this.missing("attribute", argument.name, this.symbol.block);
    }
  }

  private repeatedAttribute(statement: Attribute): void {
    this.addAt(statement, {
      rule: "check/repeated",
      message: `attribute "${statement.name.name}" may only be provided once`,
    });
  }

  /**
   * The release that has an attribute or block the checked release lacks (added later, or removed), so that
   * the finding names it instead of a did-you-mean; `undefined` for a name no release has there.
   */
  private otherRelease(path: readonly string[], kind: "attribute" | "block", name: string): { message: string } | undefined {
    const { symbol } = this;
    if (symbol.kind !== "component" && symbol.kind !== "config" && symbol.kind !== "service") return undefined;
    const found = memberAvailability(
      { owner: symbol.kind === "component" ? "component" : "config", ownerName: symbol.name, path, kind, name },
      this.model.options.alloyVersion,
    );
    return found.status === "not-yet-added" || found.status === "removed" ? found : undefined;
  }

  private unknownAttribute(statement: Attribute, candidates: readonly string[], other?: { message: string }): void {
    const name = statement.name.name;
    const suggestion = other ? undefined : closestName(name, candidates);
    this.addAt(statement, {
      rule: "check/unknown-attribute",
      ...releaseWording(this.model, `unrecognized attribute name "${name}"`, other?.message),
      ...(other ? {} : { hint: didYouMean(suggestion) }),
      fix: suggestion
        ? {
            title: `Rename to "${suggestion}"`,
            file: this.document.filename,
            edits: [{ range: statement.name.range, newText: suggestion }],
          }
        : undefined,
    });
  }

  private missing(what: "attribute" | "block", name: string, block: Block): void {
    const insertion = insertionAtBlockEnd(this.document.text, block, [`${name} = `], "\t");
    const insertAt = rangeAt(this.document, insertion.offset, insertion.offset);
    this.add({
      rule: "check/missing-required",
      message: `missing required ${what} "${name}"`,
      range: block.range,
      key: endOffset(block.range),
      fix:
        what === "attribute"
          ? {
              title: `Add required attribute "${name}"`,
              file: this.document.filename,
              edits: [{ range: insertAt, newText: insertion.newText }],
            }
          : undefined,
    });
  }

  private checkBody(
    root: BlockContainer,
    container: BlockContainer,
    owner: Block,
    body: readonly Statement[],
    path: readonly string[],
    componentName: string | undefined,
  ): void {
    const blockCount = new Map<string, number>();
    for (const statement of body) {
      if (statement.kind === "Block") blockCount.set(statement.name, (blockCount.get(statement.name) ?? 0) + 1);
    }
    const blocks = childBlocks(root, container);
    const index = containerIndex(container, blocks);
    const seen = new Set<string>();
    for (const statement of body) {
      if (statement.kind === "Block") {
        const schema = index.blocks.get(statement.name);
        if (!schema) {
          // An unsupported clustering block has a rule of its own (it lists the components that support it).
          if (statement.name === "clustering" && path.length === 0 && componentName) continue;
          if (index.attributes.has(statement.name)) {
            this.addAt(statement, {
              rule: "check/attribute-block-mismatch",
              message: `"${statement.name}" must be an attribute, but is used as a block`,
            });
            continue;
          }
          const other = this.otherRelease(path, "block", statement.name);
          const suggestion = other ? undefined : closestName(statement.name, namesOf(blocks));
          this.addAt(statement, {
            rule: "check/unknown-block",
            ...releaseWording(this.model, `unrecognized block name "${statement.name}"`, other?.message),
            ...(other ? {} : { hint: didYouMean(suggestion) }),
            fix: suggestion ? this.renameBlockFix(statement, suggestion) : undefined,
          });
          continue;
        }
        if (!schema.repeatable && (blockCount.get(statement.name) ?? 0) > 1) {
          this.addAt(statement, {
            rule: "check/repeated",
            message: `block "${statement.name}" may only be specified once`,
          });
          continue;
        }
        this.checkBody(root, schema, statement, statement.body, [...path, statement.name], componentName);
        continue;
      }
      const name = statement.name.name;
      const attribute = index.attributes.get(name);
      if (!attribute) {
        if (index.blocks.has(name)) {
          this.addAt(statement, {
            rule: "check/attribute-block-mismatch",
            message: `"${name}" must be a block, but is used as an attribute`,
          });
          continue;
        }
        this.unknownAttribute(statement, namesOf(container.attributes), this.otherRelease(path, "attribute", name));
        continue;
      }
      if (seen.has(name)) {
        this.repeatedAttribute(statement);
        continue;
      }
      seen.add(name);
      // The dotted path (`header.action`) only matters for the few components with Alloy's own enums.
      const attributePath = componentName !== undefined && ALLOY_ENUMS[componentName] ? [...path, name].join(".") : name;
      this.checkValue(statement.value, attribute.type, attribute, attributePath, componentName);
    }
    for (const attribute of index.requiredAttributes) {
      if (!seen.has(attribute.name)) this.missing("attribute", attribute.name, owner);
    }
    const requiredBlock = index.requiredBlock;
    if (requiredBlock && !blockCount.has(requiredBlock.name)) this.missing("block", requiredBlock.name, owner);
  }

  private renameBlockFix(block: Block, suggestion: string): Fix {
    const first = block.nameParts[0];
    const last = block.nameParts[block.nameParts.length - 1];
    return {
      title: `Rename to "${suggestion}"`,
      file: this.document.filename,
      edits: [{ range: rangeAt(this.document, startOffset(first.range), endOffset(last.range)), newText: suggestion }],
    };
  }

  /** Checks a value against the attribute's type: literals as Alloy does, references by their types. */
  private checkValue(
    expression: Expression,
    expected: AlloyType,
    attribute: AttributeSchema,
    attributePath: string,
    componentName: string | undefined,
  ): void {
    const actualKind = literalKind(expression);
    const isTargets = attribute.name === "targets" || attribute.documentedType.includes("Target");
    if (actualKind) {
      const mismatch = literalMismatch(actualKind, expected);
      if (mismatch) {
        this.add({
          rule: "check/value-type",
          message: `expected ${mismatch}, got ${actualKind}`,
          range: expression.range,
          key: startOffset(expression.range),
        });
        return;
      }
    }
    switch (expression.kind) {
      case "ArrayExpression":
        if (expected.kind === "list") {
          for (const element of expression.elements) {
            if (isTargets && expected.element.kind === "map") {
              const kind = literalKind(element);
              if (kind && kind !== "object") {
                this.add({
                  rule: "check/value-type",
                  message: `target::ConvertFrom: conversion from '${goTypeName(element)}' is not supported`,
                  range: element.range,
                  key: startOffset(element.range),
                });
                continue;
              }
            }
            this.checkValue(element, expected.element, attribute, attributePath, componentName);
          }
        }
        return;
      case "ObjectExpression":
        if (expected.kind === "map") {
          for (const field of expression.fields) {
            this.checkValue(field.value, expected.value, attribute, attributePath, componentName);
          }
        }
        return;
      case "StringLiteral":
        this.checkEnum(expression.value, expression, attribute, attributePath, componentName);
        return;
      case "Identifier":
      case "AccessExpression": {
        if (this.model.options.alloyCompatible) return;
        const actual = inferType(this.model, expression);
        this.referenceTypes.push({ expression, type: actual });
        if (actual && !isAssignable(actual, expected)) {
          const source = this.document.text.slice(startOffset(expression.range), endOffset(expression.range));
          // Consumers of one capsule type that differ only in the signals the docs list are less certain.
          const signalsOnly = isAssignable(withoutSignals(actual), withoutSignals(expected));
          this.add({
            rule: "check/reference-type",
            message: `${attribute.name} expects ${describeType(expected)}, but ${source} is ${describeType(actual)}`,
            range: expression.range,
            key: startOffset(expression.range),
            severity: signalsOnly ? "warning" : undefined,
          });
        }
        return;
      }
      default:
        return;
    }
  }

  private checkEnum(
    value: string,
    expression: Expression,
    attribute: AttributeSchema,
    attributePath: string,
    componentName: string | undefined,
  ): void {
    const alloyEnum = componentName ? ALLOY_ENUMS[componentName]?.[attributePath] : undefined;
    const values = alloyEnum?.values ?? attribute.enum;
    if (!values || values.length === 0 || values.includes(value)) return;
    if (!alloyEnum && this.model.options.alloyCompatible) return;
    const suggestion = closestName(value, values);
    this.add({
      rule: "check/invalid-enum-value",
      message: alloyEnum
        ? alloyEnum.message(value)
        : `invalid value "${value}" for ${attribute.name}: expected one of ${values.map((v) => `"${v}"`).join(", ")}`,
      range: expression.range,
      key: startOffset(expression.range),
      // Allowed values read from the docs' prose may be incomplete: a warning, unless Alloy itself rejects it.
      severity: alloyEnum ? undefined : "warning",
      hint: didYouMean(suggestion),
      fix: suggestion
        ? {
            title: `Replace with "${suggestion}"`,
            file: this.document.filename,
            edits: [{ range: expression.range, newText: JSON.stringify(suggestion) }],
          }
        : undefined,
    });
  }
}

/** A schema's attributes and blocks by name, and what is required of them; built once per schema. */
interface ContainerIndex {
  readonly attributes: ReadonlyMap<string, AttributeSchema>;
  readonly blocks: ReadonlyMap<string, BlockSchema>;
  /** Strictly required attributes, in the order Alloy reports them missing. */
  readonly requiredAttributes: readonly AttributeSchema[];
  /**
   * The required block, when there is exactly one: several "required" sibling blocks are alternatives in
   * the docs (`azuread` > `oauth`/`sdk`/`workload_identity`).
   */
  readonly requiredBlock: BlockSchema | undefined;
}

const containerIndexes = new WeakMap<BlockContainer, ContainerIndex>();

function containerIndex(container: BlockContainer, blocks: readonly BlockSchema[]): ContainerIndex {
  // `childBlocks` returns the container's own list unless blocks are inherited (then a new list each time).
  const cacheable = blocks === container.blocks;
  const cached = cacheable ? containerIndexes.get(container) : undefined;
  if (cached) return cached;
  const required = container.blocks.filter(isStrictlyRequired);
  const index: ContainerIndex = {
    attributes: new Map([...container.attributes].reverse().map((a) => [a.name, a] as const)),
    blocks: new Map([...blocks].reverse().map((b) => [b.name, b] as const)),
    requiredAttributes: container.attributes
      .filter(isStrictlyRequired)
      // Alloy reports in its Go struct order, where `targets` comes before `forward_to`.
      .sort((a, b) => (a.name === "targets" ? -1 : b.name === "targets" ? 1 : 0)),
    requiredBlock: required.length === 1 ? required[0] : undefined,
  };
  if (cacheable) containerIndexes.set(container, index);
  return index;
}

function withoutSignals(type: AlloyType): AlloyType {
  switch (type.kind) {
    case "capsule":
      return { kind: "capsule", name: type.name };
    case "list":
      return { kind: "list", element: withoutSignals(type.element) };
    default:
      return type;
  }
}

/** A type with the signals of its capsules: `list(capsule(otelcol.Consumer)) (metrics)`. */
function describeType(type: AlloyType): string {
  let inner: AlloyType = type;
  while (inner.kind === "list") inner = inner.element;
  const signals = inner.kind === "capsule" && inner.signals ? ` (${inner.signals.join(", ")})` : "";
  return typeToString(type) + signals;
}

/** Required without conditions: rows marked `yes*`, `conditional`… are left to Alloy at run time. */
function isStrictlyRequired(item: AttributeSchema | BlockSchema): boolean {
  return item.required && item.requiredCondition === undefined;
}

type LiteralKind = "string" | "number" | "bool" | "array" | "object";

function literalKind(expression: Expression): LiteralKind | undefined {
  switch (expression.kind) {
    case "StringLiteral":
      return "string";
    case "NumberLiteral":
      return "number";
    case "BoolLiteral":
      return "bool";
    case "ArrayExpression":
      return "array";
    case "ObjectExpression":
      return "object";
    default:
      return undefined;
  }
}

/** Alloy's expected-kind name when a literal of `actual` kind cannot be decoded into `expected`. */
function literalMismatch(actual: LiteralKind, expected: AlloyType): string | undefined {
  switch (expected.kind) {
    case "any":
      return undefined;
    case "union": {
      const results = expected.options.map((o) => literalMismatch(actual, o));
      return results.some((r) => r === undefined) ? undefined : results[0];
    }
    case "string":
    case "secret":
    case "duration":
      return actual === "string" || actual === "number" ? undefined : "string";
    case "number":
      return actual === "number" || actual === "string" ? undefined : "number";
    case "bool":
      return actual === "bool" ? undefined : "bool";
    case "list":
      return actual === "array" ? undefined : "array";
    case "map":
    case "object":
      return actual === "object" ? undefined : "object";
    case "capsule":
      // Capsules hold component values; a literal never is one (Alloy names the Go type, we name the kind).
      return alloyKindName(expected);
  }
}

function goTypeName(expression: Expression): string {
  switch (expression.kind) {
    case "NumberLiteral":
      return expression.isFloat ? "float64" : "int64";
    case "StringLiteral":
      return "string";
    case "BoolLiteral":
      return "bool";
    case "ArrayExpression":
      return "[]interface {}";
    default:
      return "interface {}";
  }
}

export type { ComponentSchema };
