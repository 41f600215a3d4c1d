/**
 * Semantic checks for Grafana Alloy configuration (`@alloy-toolkit/checker`, also `@alloy-toolkit/checker/core`).
 *
 * - {@link check}: diagnostics for one config (one file or the files of a directory).
 * - {@link analyze}: the semantic model (symbols, module scopes, resolved references) that the checker
 *   rules and the language server share.
 * - {@link rules}: the registry of rules (id, severity, description).
 */
export { analyze, analyzeDocuments, classifyBlock, resolveOptions } from "./analyze.js";
export { check, checkAsync, checkModel, checkModelInSteps } from "./check.js";
export type { AsyncCheckOptions, CheckResult } from "./check.js";
export type { CheckDiagnostic, Fix, RelatedInformation, TextEdit } from "./diagnostic.js";
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
export { blocksAt, documentNamed, prepareNavigation, scopeAt, symbolAt, usesOf } from "./navigation.js";
export type { BlockAt, SymbolAt, SymbolUse, SymbolUseKind } from "./navigation.js";
export { stabilityAllowed, stabilityLevels } from "./options.js";
export type { AsyncImportResolver, CheckOptions, ImportProblem, ImportResolver, StabilityLevel } from "./options.js";
export { importFileProblem, MAX_IMPORT_FILE_BYTES, undecodableImportProblem } from "./limits.js";
export type { ImportFileStat } from "./limits.js";
export type { Rule } from "./rule.js";
export { getRule, rules } from "./rules/index.js";
export { inferType, isAssignable } from "./types.js";
export { formatText } from "./format-text.js";
export { insertionAtBlockEnd } from "./fixes.js";
export type { Insertion } from "./fixes.js";
export { editDistance } from "./suggest.js";
