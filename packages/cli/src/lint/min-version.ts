import { availableAlloyVersions, releaseLineName, type AlloyVersion } from "@alloy-toolkit/catalog";
import { check, type CheckDiagnostic, type CheckOptions, type SourceInput } from "@alloy-toolkit/checker";

/** The lowest catalogued release that accepts a config, and the statements the release before it rejects. */
export interface MinimumRelease {
  /** `undefined` when no catalogued release accepts the config. */
  readonly release: AlloyVersion | undefined;
  /**
   * The errors of the release just before `release`: the statements that set it (a component, argument or
   * block that release lacks, a component below the stability level there). Empty for the oldest release.
   */
  readonly setBy: readonly CheckDiagnostic[];
}

/**
 * Checks a config at every catalogued release, oldest first, with `options` (stability level, community
 * components, imports): the first without errors is the lowest that accepts it.
 */
export function minimumRelease(files: readonly SourceInput[], options: CheckOptions): MinimumRelease {
  let previous: readonly CheckDiagnostic[] = [];
  for (const release of availableAlloyVersions) {
    const errors = check(files, { ...options, alloyVersion: release }).diagnostics.filter((d) => d.severity === "error");
    if (errors.length === 0) return { release, setBy: previous };
    previous = errors;
  }
  return { release: undefined, setBy: [] };
}

/** `--min-version`'s answer for each config: text, one line per config and an indented line per statement; or JSON. */
export function renderMinimumReleases(results: readonly { path: string; result: MinimumRelease }[], format: "text" | "json"): string {
  if (format === "json") {
    const json = results.map(({ path, result }) => ({
      path,
      release: result.release ?? null,
      name: result.release ? releaseLineName(result.release) : null,
      setBy: result.setBy.map((d) => ({
        file: d.file,
        line: d.range.start.line,
        column: d.range.start.column,
        code: d.code,
        message: d.message,
        ...(d.hint ? { hint: d.hint } : {}),
      })),
    }));
    return `${JSON.stringify(json, null, 2)}\n`;
  }
  const lines: string[] = [];
  const newest = availableAlloyVersions[availableAlloyVersions.length - 1];
  for (const { path, result } of results) {
    if (!result.release) {
      lines.push(
        `${path}: no Alloy release from ${availableAlloyVersions[0]} to ${newest} accepts this config (alloylint without --min-version shows its errors)`,
      );
      continue;
    }
    const name = releaseLineName(result.release);
    lines.push(
      result.setBy.length === 0
        ? `${path}: ${name} (the oldest catalogued release accepts it)`
        : `${path}: ${name}, set by:`,
    );
    for (const d of result.setBy) {
      lines.push(`  ${d.file}:${d.range.start.line}:${d.range.start.column}: ${d.message}${d.hint ? ` (${d.hint})` : ""}`);
    }
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}
