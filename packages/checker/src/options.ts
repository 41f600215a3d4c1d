import type { AlloyVersion } from "@alloy-toolkit/catalog";
import type { Severity } from "@alloy-toolkit/parser";
import type { Rule } from "./rule.js";
import type { SourceDocument, SourceInput } from "./model.js";

/** Minimum stability level of the features a config may use, as Alloy's `--stability.level`. */
export type StabilityLevel = "generally-available" | "public-preview" | "experimental";

export const stabilityLevels: readonly StabilityLevel[] = ["generally-available", "public-preview", "experimental"];

/** An `import.file` that names something the resolver will not read, and why (shown to the user). */
export interface ImportProblem {
  readonly problem: string;
}

/**
 * Reads what an `import.file` names (`filename` as written, resolved against the importing file's name):
 * its text (the module is then named `filename`), a named file (`{ filename, text }`), a document already
 * parsed (a `SourceDocument`, which is not parsed again), or a folder's files as a list. Returns `undefined`
 * when nothing can be read (the import's components are then unchecked), or an {@link ImportProblem} when what
 * is there must not be read (too large, not a regular file, outside what the user allows). The checker does no I/O itself: the CLI passes a resolver reading the file
 * system, the language server its documents, tests in-memory files.
 */
export type ImportResolver = (
  filename: string,
  importingFile: string,
) => string | SourceInput | SourceDocument | readonly (SourceInput | SourceDocument)[] | ImportProblem | undefined;

/** An {@link ImportResolver} that may answer with a promise (reading files or a store asynchronously). */
export type AsyncImportResolver = (filename: string, importingFile: string) => ReturnType<ImportResolver> | Promise<ReturnType<ImportResolver>>;

export interface CheckOptions {
  /** Catalog release to check against; the newest committed one by default. */
  alloyVersion?: AlloyVersion;
  /** Minimum stability level; `generally-available` by default. */
  stabilityLevel?: StabilityLevel;
  /** Whether community components are allowed (`--feature.community-components.enabled`); off by default. */
  communityComponents?: boolean;
  /** Rule ids switched off. */
  disable?: readonly string[];
  /**
   * Severity by rule id, over the rule's own (and over the lesser one some findings get): `"off"` switches
   * the rule off, as `disable` does. Custom rules' ids are accepted too.
   */
  severity?: Readonly<Record<string, Severity | "off">>;
  /**
   * Rules of your own, run after the built-in ones on configs without syntax errors: each a {@link Rule}
   * (`id`, `severity`, `description`, `alloy: false`, `check(context)`), reporting through `context.report`
   * as the built-in rules do. Their diagnostics are ordered with the others', and `disable`, `severity` and
   * `alloylint-disable` comments apply to them by `id`.
   */
  rules?: readonly Rule[];
  /**
   * Run only the checks `alloy validate` itself makes (same messages, positions and order); the
   * toolkit's extra rules (unknown exports, reference types, clustering…) are off.
   */
  alloyCompatible?: boolean;
  /** Resolves `import.file` sources; without it imported modules are unchecked. */
  resolveImport?: ImportResolver;
}

const stabilityRank: Record<string, number> = {
  experimental: 0,
  "public-preview": 1,
  "generally-available": 2,
};

/** Whether a feature at `stability` may be used under the minimum level `minimum`. */
export function stabilityAllowed(stability: string, minimum: StabilityLevel): boolean {
  return (stabilityRank[stability] ?? 2) >= stabilityRank[minimum];
}
