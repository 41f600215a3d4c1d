import type { AlloyVersion } from "@alloy-toolkit/catalog";

/** Minimum stability level of the features a config may use, as Alloy's `--stability.level`. */
export type StabilityLevel = "generally-available" | "public-preview" | "experimental";

export const stabilityLevels: readonly StabilityLevel[] = ["generally-available", "public-preview", "experimental"];

/**
 * Reads the text of a file named by `import.file` (`filename` as written, resolved against the
 * importing file's name). Returns `undefined` when the file cannot be read. The checker does no I/O
 * itself: the CLI passes a resolver reading the file system, tests pass in-memory files.
 */
export type ImportResolver = (filename: string, importingFile: string) => string | undefined;

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
