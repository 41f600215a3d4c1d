import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { check } from "@alloy-toolkit/checker";
import { checkValuesFile, type ConfigChecker } from "../src/index.js";

// The wiring alloylint uses: the core checks the config; stability and community components are left to the
// deployment rules, which know alloy.stabilityLevel and alloy.extraArgs.
const checkConfig: ConfigChecker = (files) => check(files, { stabilityLevel: "experimental", communityComponents: true }).diagnostics;

const examples = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "examples");

describe("deployment checks with the checker core", () => {
  for (const name of ["clustered-scrape", "daemonset-logs", "otlp-gateway"]) {
    it(`examples/${name}/values.yaml: no diagnostic`, () => {
      const text = readFileSync(join(examples, name, "values.yaml"), "utf8");
      expect(checkValuesFile(text, { filename: "values.yaml", checkConfig }).diagnostics).toEqual([]);
    });
  }

  for (const file of readdirSync(join(examples, "mistakes")).sort()) {
    it(`examples/mistakes/${file}: no error from the core, its deployment rule still fires`, () => {
      const text = readFileSync(join(examples, "mistakes", file), "utf8");
      const { diagnostics } = checkValuesFile(text, { filename: file, checkConfig });
      const rule = file.replace(/\.yaml$/, "");
      expect(diagnostics.some((d) => d.code.endsWith(`/${rule}`))).toBe(true);
      expect(diagnostics.filter((d) => d.severity === "error" && !d.code.endsWith(`/${rule}`))).toEqual([]);
    });
  }
});
