/**
 * Semantic checks for Grafana Alloy configuration.
 *
 * - {@link check}: diagnostics for one config (one file or the files of a directory).
 * - {@link analyze}: the semantic model (symbols, module scopes, resolved references) that the checker
 *   rules and the language server share.
 * - {@link rules}: the registry of rules (id, severity, description).
 * - {@link checkValuesFile}: the Helm values checks (also `@alloy-toolkit/checker/deployment`).
 *
 * `@alloy-toolkit/checker/core` is the same without the Helm values checks.
 */
export * from "./core.js";
export * from "./deployment/index.js";
