import { typeToString, type AlloyType, type ComponentSchema } from "@alloy-toolkit/catalog";
import type { Expression } from "@alloy-toolkit/parser";
import { derived, derivedValue } from "./derived.js";
import type { Reference, SemanticModel } from "./model.js";
import { isStdlibConstant, stdlibFunction } from "./stdlib.js";

const STRING: AlloyType = { kind: "string" };
const NUMBER: AlloyType = { kind: "number" };
const BOOL: AlloyType = { kind: "bool" };
const ANY: AlloyType = { kind: "any" };
const OBJECT: AlloyType = { kind: "object" };

/**
 * Looks up the reference made by an expression, so that {@link inferType} can type references. The
 * model's references are indexed once per model.
 */
const referenceIndex = derived((model) => {
  // A loop, not `new Map(references.map(…))`: no pair array per reference (thousands, on every edit).
  const map = new Map<Expression, Reference>();
  for (const reference of model.references) map.set(reference.expression, reference);
  // The exports of imported modules are typed from their own references.
  for (const module of model.modules) for (const reference of module.references) map.set(reference.expression, reference);
  return map;
});

export function referenceOf(model: SemanticModel, expression: Expression): Reference | undefined {
  return derivedValue(model, referenceIndex).get(expression);
}

/**
 * The type of an expression when it can be told without evaluating it: literals, references to
 * component exports (from the catalog or a module's `export` blocks), stdlib calls, operators.
 * `undefined` means unknown (and `null` literals are unknown too: Alloy treats them as unset).
 */
export function inferType(model: SemanticModel, expression: Expression): AlloyType | undefined {
  switch (expression.kind) {
    case "StringLiteral":
      return STRING;
    case "NumberLiteral":
      return NUMBER;
    case "BoolLiteral":
      return BOOL;
    case "NullLiteral":
    case "BadExpression":
      return undefined;
    case "ArrayExpression": {
      if (expression.elements.length === 0) return { kind: "list", element: ANY };
      const first = inferType(model, expression.elements[0]);
      return { kind: "list", element: first ?? ANY };
    }
    case "ObjectExpression":
      return { kind: "map", value: ANY };
    case "Identifier":
    case "AccessExpression": {
      const reference = referenceOf(model, expression);
      return reference ? model.referenceType(reference) : undefined;
    }
    case "IndexExpression": {
      const object = inferType(model, expression.object);
      if (object?.kind === "list") return object.element;
      if (object?.kind === "map") return object.value;
      return undefined;
    }
    case "CallExpression": {
      const reference = referenceOf(model, expression.callee);
      if (!reference || reference.kind !== "stdlib") return undefined;
      const fn = stdlibFunction(reference.parts.map((p) => p.name).join("."), model.options.alloyVersion);
      return fn && fn.returns.kind !== "any" ? fn.returns : undefined;
    }
    case "UnaryExpression":
      return expression.operator === "!" ? BOOL : NUMBER;
    case "BinaryExpression":
      switch (expression.operator) {
        case "||":
        case "&&":
        case "==":
        case "!=":
        case "<":
        case "<=":
        case ">":
        case ">=":
          return BOOL;
        case "+": {
          const left = inferType(model, expression.left);
          return left?.kind === "string" ? STRING : left?.kind === "number" ? NUMBER : undefined;
        }
        default:
          return NUMBER;
      }
    case "ParenExpression":
      return inferType(model, expression.expression);
  }
}

/** The type of the value a resolved reference stands for. */
export function exportType(model: SemanticModel, reference: Reference): AlloyType | undefined {
  if (reference.kind === "stdlib") {
    const name = reference.parts.map((p) => p.name).join(".");
    return isStdlibConstant(name, model.options.alloyVersion) ? STRING : undefined;
  }
  if (reference.kind !== "node" || !reference.target) return undefined;
  const target = reference.target;
  const field = reference.parts[reference.targetParts]?.name;
  const deeper = reference.parts.length > reference.targetParts + 1;
  if (field === undefined) return target.kind === "component" ? OBJECT : undefined;
  if (deeper) return undefined;
  if (target.kind === "component" && target.schema && "exports" in target.schema && "clustering" in target.schema) {
    const exported = (target.schema as ComponentSchema).exports.find((e) => e.name === field);
    return exported?.type;
  }
  if (target.module) {
    const exported = target.module.exports.find((e) => e.name === field);
    if (!exported?.value) return undefined;
    return inferType(model, exported.value);
  }
  return undefined;
}

/** Alloy's name of a value kind in messages such as `expected string, got bool`. */
export function alloyKindName(type: AlloyType): string {
  switch (type.kind) {
    case "string":
    case "secret":
    case "duration":
      return "string";
    case "number":
      return "number";
    case "bool":
      return "bool";
    case "list":
      return "array";
    case "map":
    case "object":
      return "object";
    case "capsule":
      return "capsule";
    case "any":
      return "any";
    case "union":
      return type.options.map(alloyKindName).join(" or ");
  }
}

/**
 * Whether a value of type `actual` can be assigned where `expected` is wanted. Lenient where Alloy
 * converts (numbers and strings, secrets and strings) or where either side is not precisely known:
 * only definite mismatches are `false`.
 */
export function isAssignable(actual: AlloyType | undefined, expected: AlloyType | undefined): boolean {
  if (!actual || !expected || actual.kind === "any" || expected.kind === "any") return true;
  if (expected.kind === "union") return expected.options.some((o) => isAssignable(actual, o));
  if (actual.kind === "union") return actual.options.some((o) => isAssignable(o, expected));
  switch (expected.kind) {
    case "string":
    case "secret":
    case "duration":
      return actual.kind === "string" || actual.kind === "secret" || actual.kind === "duration" || actual.kind === "number";
    case "number":
      return actual.kind === "number" || actual.kind === "string";
    case "bool":
      return actual.kind === "bool";
    case "list":
      return actual.kind === "list" && isAssignable(actual.element, expected.element);
    case "map":
      if (actual.kind === "map") return isAssignable(actual.value, expected.value);
      return actual.kind === "object";
    case "object":
      return actual.kind === "map" || actual.kind === "object";
    case "capsule": {
      if (actual.kind !== "capsule") return false;
      if (actual.name !== expected.name) return !isReceiverName(actual.name) || !isReceiverName(expected.name);
      if (actual.signals && expected.signals) return actual.signals.some((s) => expected.signals!.includes(s));
      return true;
    }
  }
}

const RECEIVERS = new Set(["MetricsReceiver", "LogsReceiver", "ProfilesReceiver", "otelcol.Consumer"]);

/** Capsules that carry telemetry between components; mixing two different ones is a wiring mistake. */
function isReceiverName(name: string): boolean {
  return RECEIVERS.has(name);
}

export { typeToString };
