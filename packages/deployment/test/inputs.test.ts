import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { check } from "@alloy-toolkit/checker";
import { checkDeployment, type ConfigChecker } from "../src/index.js";
import { filesOf } from "./fixtures.js";

// Realistic inputs of each kind, one folder each (`inputs/<kind>/<case>/`), checked as alloylint checks a
// folder: with the config checker, files named relative to the folder. Every diagnostic is listed in the files
// as `# expect: <code> LINE:COL "text"` (`// expect:` in .alloy files), the text being what starts there; a
// case without any lists none, and gets none. `no-alloy` holds YAML with no Alloy at all.
const inputs = fileURLToPath(new URL("inputs/", import.meta.url));

const checkConfig: ConfigChecker = (files, { alloyVersion, deployed }) =>
  check(files, { ...(alloyVersion ? { alloyVersion } : {}), ...(deployed ? { stabilityLevel: "experimental", communityComponents: true } : {}) }).diagnostics;

/** The expected diagnostics of a case: `file code line:col "text"`. */
function expectations(files: readonly { file: string; text: string }[]): string[] {
  return files.flatMap(({ file, text }) =>
    [...text.matchAll(/^\s*(?:#|\/\/) expect: (\S+) (\d+):(\d+) (".*")$/gm)].map((m) => `${file} ${m[1]} ${m[2]}:${m[3]} ${m[4]}`),
  );
}

for (const kind of readdirSync(inputs).sort()) {
  describe(`inputs/${kind}`, () => {
    for (const name of readdirSync(join(inputs, kind)).sort()) {
      const folder = join(inputs, kind, name);
      it(`${name}: ${name.startsWith("clean") ? "no diagnostic" : "each mistake at its line and column"}`, () => {
        const files = filesOf(folder);
        const readFile = (path: string) => files.find((f) => f.file === path)?.text;
        const result = checkDeployment(files, { checkConfig, readFile });
        const texts = new Map(files.map((f) => [f.file, f.text]));
        const found = result.diagnostics.map((d) => {
          const text = texts.get(d.file) ?? "";
          const line = text.slice(d.range.start.offset).split("\n")[0];
          const expected = expectations([{ file: d.file, text }]).find((e) => e.startsWith(`${d.file} ${d.code} ${d.range.start.line}:${d.range.start.column} `));
          // The expectation's text must be what starts at the diagnostic.
          const quoted = expected ? (JSON.parse(expected.slice(expected.indexOf('"'))) as string) : line;
          return `${d.file} ${d.code} ${d.range.start.line}:${d.range.start.column} ${JSON.stringify(line.startsWith(quoted) ? quoted : line)}`;
        });
        expect(result.holdsAlloy).toBe(kind !== "no-alloy");
        expect(found.sort()).toEqual(expectations(files).sort());
      });
    }
  });
}
