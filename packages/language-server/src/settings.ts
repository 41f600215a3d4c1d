import { availableAlloyVersions, catalogVersion, type AlloyVersion, type Stability } from "@alloy-toolkit/catalog";
import { stabilityAllowed as allowedAt, stabilityLevels, type StabilityLevel } from "@alloy-toolkit/checker/core";

/** A rule toggle: `false`/`"off"` disables the rule, a severity overrides it, `true` keeps its default. */
export type RuleSetting = boolean | "off" | "error" | "warning" | "information" | "hint";

/**
 * Server settings, read from `initializationOptions` and from the `alloy` section of
 * `workspace/didChangeConfiguration` (both optional; anything missing keeps its default).
 */
export interface Settings {
  /** Alloy release whose catalog is used (completion, hover, checks). */
  readonly alloyVersion: AlloyVersion;
  /** Components and functions less stable than this are flagged, as `alloy run --stability.level` would. */
  readonly stabilityLevel: StabilityLevel;
  /** Whether community components are allowed (`--feature.community-components.enabled`). */
  readonly communityComponents: boolean;
  /** Per-rule toggles by rule code, e.g. `{ "check/deprecated-function": false }`. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Globs (workspace-relative) of Helm values files whose `alloy.configMap.content` is checked. */
  readonly valuesFiles: readonly string[];
  /** Milliseconds between the last edit and the diagnostics run (0 runs at once). */
  readonly diagnosticsDelay: number;
  /** Inlay hints showing the export type of references. */
  readonly inlayHints: boolean;
}

export const defaultSettings: Settings = {
  alloyVersion: catalogVersion,
  stabilityLevel: "generally-available",
  communityComponents: false,
  rules: {},
  valuesFiles: ["**/values*.yaml", "**/values*.yml"],
  diagnosticsDelay: 150,
  inlayHints: true,
};

/** Merges untrusted client input over `base`, keeping `base`'s value for anything of the wrong shape. */
export function mergeSettings(base: Settings, input: unknown): Settings {
  if (typeof input !== "object" || input === null) return base;
  const raw = input as Record<string, unknown>;
  const pick = <T>(value: unknown, ok: (v: unknown) => v is T, fallback: T): T => (ok(value) ? value : fallback);
  return {
    alloyVersion: pick(raw.alloyVersion, isAlloyVersion, base.alloyVersion),
    stabilityLevel: pick(raw.stabilityLevel, isStabilityLevel, base.stabilityLevel),
    communityComponents: pick(raw.communityComponents, isBoolean, base.communityComponents),
    rules: pick(raw.rules, isRuleMap, base.rules),
    valuesFiles: pick(raw.valuesFiles, isStringArray, base.valuesFiles),
    diagnosticsDelay: pick(raw.diagnosticsDelay, isDelay, base.diagnosticsDelay),
    inlayHints: pick(raw.inlayHints, isBoolean, base.inlayHints),
  };
}

/** Whether a component or function of `stability` is allowed by the settings, as the checker judges it. */
export function stabilityAllowed(settings: Settings, stability: Stability): boolean {
  if (stability === "community") return settings.communityComponents;
  return allowedAt(stability, settings.stabilityLevel);
}

const isBoolean = (v: unknown): v is boolean => typeof v === "boolean";
const isDelay = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 60_000;
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");
const isAlloyVersion = (v: unknown): v is AlloyVersion => (availableAlloyVersions as readonly unknown[]).includes(v);
const isStabilityLevel = (v: unknown): v is StabilityLevel => (stabilityLevels as readonly unknown[]).includes(v);
const isRuleMap = (v: unknown): v is Record<string, RuleSetting> =>
  typeof v === "object" &&
  v !== null &&
  !Array.isArray(v) &&
  Object.values(v).every(
    (s) => typeof s === "boolean" || ["off", "error", "warning", "information", "hint"].includes(s as string),
  );

/** Rule ids the `rules` setting switches off. */
export function disabledRules(settings: Settings): string[] {
  return Object.entries(settings.rules)
    .filter(([, value]) => value === false || value === "off")
    .map(([code]) => code);
}
