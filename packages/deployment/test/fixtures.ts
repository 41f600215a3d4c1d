import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const fixturesRoot = join(dirname(fileURLToPath(import.meta.url)), "fixtures");

/**
 * A `# expect: LINE:COL "text"` line of a fixture: a diagnostic of the rule starts there, on that text
 * (`# expect warning: …` when the rule reports that finding at a lesser severity).
 */
export interface Expectation {
  readonly line: number;
  readonly column: number;
  readonly text: string;
  readonly severity?: "warning";
}

export function readExpectations(text: string): Expectation[] {
  return [...text.matchAll(/^# expect( warning)?: (\d+):(\d+) (".*")$/gm)].map((m) => ({
    line: Number(m[2]),
    column: Number(m[3]),
    text: JSON.parse(m[4]) as string,
    ...(m[1] ? { severity: "warning" as const } : {}),
  }));
}

/** Rule fixture folders: `fixtures/<rule-id>/{fires,clean}*.yaml`, the folder path being the rule id. */
export function ruleFixtureFolders(): string[] {
  const folders: string[] = [];
  for (const group of ["deploy", "values"]) {
    for (const name of readdirSync(join(fixturesRoot, group)).sort()) {
      if (statSync(join(fixturesRoot, group, name)).isDirectory()) folders.push(`${group}/${name}`);
    }
  }
  return folders;
}

export function readFixture(path: string): string {
  return readFileSync(join(fixturesRoot, path), "utf8");
}

export function fixtureName(path: string): string {
  return relative(fixturesRoot, path);
}

/** The files of an input folder (`inputs/<kind>/<case>/`), named relative to it, sorted. */
export function filesOf(folder: string): { file: string; text: string }[] {
  return readdirSync(folder, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(folder, f)).isFile())
    .sort()
    .map((file) => ({ file, text: readFileSync(join(folder, file), "utf8") }));
}
