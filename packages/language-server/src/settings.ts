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
  /**
   * Globs (workspace-relative) of the YAML files the server reads (the name is from when it read only Helm
   * values). The matching files of one folder are checked together when they hold Alloy; other YAML is left
   * alone.
   */
  readonly valuesFiles: readonly string[];
  /** Milliseconds between the last edit and the diagnostics run (0 runs at once). */
  readonly diagnosticsDelay: number;
  /** `workspace`: every config and Kubernetes YAML file of the workspace folders; `openFiles`: open documents only. */
  readonly diagnosticsScope: DiagnosticsScope;
  /** Inlay hints showing the export type of references. */
  readonly inlayHints: boolean;
  /** Whether `import.file` may read files outside the workspace folders. */
  readonly importsOutsideWorkspace: boolean;
}

export type DiagnosticsScope = "workspace" | "openFiles";

export const defaultSettings: Settings = {
  alloyVersion: catalogVersion,
  stabilityLevel: "generally-available",
  communityComponents: false,
  rules: {},
  valuesFiles: ["**/*.yaml", "**/*.yml"],
  diagnosticsDelay: 150,
  diagnosticsScope: "workspace",
  inlayHints: true,
  importsOutsideWorkspace: false,
};

/** Settings read from the client, and what in the input was not a valid setting. */
export interface MergedSettings {
  /** `base` itself when nothing changed, so that an unchanged configuration invalidates nothing. */
  readonly settings: Settings;
  /** One message per invalid value (kept at its previous value), naming the setting and what it accepts. */
  readonly problems: readonly string[];
}

const RULE_SETTINGS = ["off", "error", "warning", "information", "hint"] as const;

/** How each setting is validated, and what the message says it accepts. */
const SETTINGS: { readonly [K in keyof Settings]: { readonly ok: (v: unknown) => v is Settings[K]; readonly accepts: () => string } } = {
  alloyVersion: { ok: (v): v is AlloyVersion => (availableAlloyVersions as readonly unknown[]).includes(v), accepts: () => `one of ${availableAlloyVersions.join(", ")}` },
  stabilityLevel: { ok: (v): v is StabilityLevel => (stabilityLevels as readonly unknown[]).includes(v), accepts: () => `one of ${stabilityLevels.join(", ")}` },
  communityComponents: { ok: isBoolean, accepts: () => "true or false" },
  rules: {
    ok: (v): v is Record<string, RuleSetting> =>
      typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((s) => typeof s === "boolean" || (RULE_SETTINGS as readonly unknown[]).includes(s)),
    accepts: () => `an object mapping rule ids to true, false or one of ${RULE_SETTINGS.join(", ")}`,
  },
  valuesFiles: { ok: (v): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string"), accepts: () => "a list of glob strings" },
  diagnosticsDelay: { ok: (v): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 60_000, accepts: () => "a number of milliseconds from 0 to 60000" },
  diagnosticsScope: { ok: (v): v is DiagnosticsScope => v === "workspace" || v === "openFiles", accepts: () => "workspace or openFiles" },
  inlayHints: { ok: isBoolean, accepts: () => "true or false" },
  importsOutsideWorkspace: { ok: isBoolean, accepts: () => "true or false" },
};

/**
 * Merges untrusted client input over `base`. A missing or `null` value keeps `base`'s; a value of the wrong
 * shape keeps it too and is reported; unknown keys are ignored (clients send their own sections).
 */
export function mergeSettings(base: Settings, input: unknown): MergedSettings {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return { settings: base, problems: [] };
  const raw = input as Record<string, unknown>;
  const problems: string[] = [];
  const next: Record<string, unknown> = { ...base };
  let changed = false;
  for (const key of Object.keys(SETTINGS) as (keyof Settings)[]) {
    const value = raw[key];
    if (value === undefined || value === null) continue;
    const { ok, accepts } = SETTINGS[key];
    if (!ok(value)) {
      problems.push(`alloy.${key}: ${JSON.stringify(value)} is not valid (expected ${accepts()}); using ${JSON.stringify(base[key])}`);
      continue;
    }
    if (!sameValue(value, base[key])) {
      next[key] = value;
      changed = true;
    }
  }
  return { settings: changed ? (next as unknown as Settings) : base, problems };
}

/** Structural equality of JSON values. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ak = Object.keys(a);
  const bk = Object.keys(b);
  return ak.length === bk.length && ak.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function isBoolean(v: unknown): v is boolean {
  return typeof v === "boolean";
}

/** Whether a component or function of `stability` is allowed by the settings, as the checker judges it. */
export function stabilityAllowed(settings: Settings, stability: Stability): boolean {
  if (stability === "community") return settings.communityComponents;
  return allowedAt(stability, settings.stabilityLevel);
}

/** Rule ids the `rules` setting switches off. */
export function disabledRules(settings: Settings): string[] {
  return Object.entries(settings.rules)
    .filter(([, value]) => value === false || value === "off")
    .map(([code]) => code);
}
