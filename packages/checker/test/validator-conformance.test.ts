import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { describeShared } from "../../../test/support/shared.js";
import { check, formatText } from "../src/index.js";
import { parseTxtar } from "./support/txtar.js";

/** `alloy validate`'s cases: `default/` at experimental, `ga/` at generally-available, community off. */
describeShared("corpus/validator", "alloy validate conformance", (root) => {
  for (const folder of ["default", "ga"]) {
    const stabilityLevel = folder === "ga" ? "generally-available" : "experimental";
    for (const name of readdirSync(join(root, folder)).filter((f) => f.endsWith(".txtar")).sort()) {
      const archive = parseTxtar(readFileSync(join(root, folder, name), "utf8"));
      const expected = readFileSync(join(root, folder, name.replace(/\.txtar$/, ".diags")), "utf8").replace(/\r\n/g, "\n");
      const sources = new Map(archive.files.map((f) => [f.filename, f.text]));

      it(`${folder}/${name}: same diagnostics and text as Alloy`, () => {
        const { diagnostics } = check(archive.files, { stabilityLevel, alloyCompatible: true });
        expect(formatText(diagnostics, sources)).toBe(expected);
      });

      it(`${folder}/${name}: with every rule on, no extra errors`, () => {
        const compatible = check(archive.files, { stabilityLevel, alloyCompatible: true }).diagnostics;
        const all = check(archive.files, { stabilityLevel }).diagnostics;
        const key = (d: (typeof all)[number]) => `${d.file}:${d.range.start.offset}:${d.message}`;
        const known = new Set(compatible.map(key));
        expect(all.filter((d) => d.severity === "error" && !known.has(key(d)))).toEqual([]);
        expect(compatible.every((d) => all.some((a) => key(a) === key(d)))).toBe(true);
      });
    }
  }
});
