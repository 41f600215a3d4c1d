/**
 * Semantic checks for Grafana Alloy configuration.
 *
 * - {@link check}: diagnostics for one config (one file or the files of a directory).
 * - {@link analyze}: the semantic model (symbols, module scopes, resolved references) that the checker
 *   rules and the language server share.
 * - {@link rules}: the registry of rules (id, severity, description).
 *
 * `@alloy-toolkit/checker/core` is the same entry point, under the name the language server imports.
 * The deployment checks (Helm values, Kubernetes objects) are `@alloy-toolkit/deployment`, above this package.
 */
export * from "./core.js";
