/**
 * Semantic checks for Grafana Alloy configuration, without the Helm values checks (`./deployment`, which
 * loads a YAML parser): `@alloy-toolkit/checker/core`, for hosts that start fast and load those on demand.
 *
 * - {@link check}: diagnostics for one config (one file or the files of a directory).
 * - {@link analyze}: the semantic model (symbols, module scopes, resolved references) that the checker
 *   rules and the language server share.
 * - {@link rules}: the registry of rules (id, severity, description).
 */
export { analyze, analyzeDocuments, classifyBlock, parseDocuments, resolveOptions } from "./analyze.js";
export { check, checkModel } from "./check.js";
export type { CheckResult } from "./check.js";
export type { CheckDiagnostic, Fix, RelatedInformation, TextEdit } from "./diagnostic.js";
export { Directives } from "./directives.js";
export type {
  BlockSymbol,
  ImportedModule,
  ImportInfo,
  ModuleArgument,
  ModuleDefinition,
  ModuleExport,
  ModuleScope,
  Reference,
  ReferenceTargetKind,
  ResolvedOptions,
  SemanticModel,
  SourceDocument,
  SourceInput,
  SymbolKind,
} from "./model.js";
export { blocksAt, documentNamed, modelDocuments, scopeAt, symbolAt, symbolOfBlock, usesOf } from "./navigation.js";
export type { BlockAt, SymbolAt, SymbolUse, SymbolUseKind } from "./navigation.js";
export { stabilityAllowed, stabilityLevels } from "./options.js";
export type { CheckOptions, ImportResolver, StabilityLevel } from "./options.js";
export type { Phase, Report, Rule, RuleContext } from "./rule.js";
export { getRule, rules } from "./rules/index.js";
export { closestName, editDistance } from "./suggest.js";
export { alloyKindName, exportType, inferType, isAssignable, referenceOf } from "./types.js";
export { formatText, formatDiagnosticText } from "./format-text.js";
