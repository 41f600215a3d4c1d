import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { check } from "@alloy-toolkit/checker";
import { checkDeployment, checkValuesFile, deploymentRules, type ConfigChecker } from "../src/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const examples = join(root, "examples");

// The wiring alloylint uses: the core checks each config (a deployed one with the image's catalog, without the
// stability and community gates the deployment rules own).
const checkConfig: ConfigChecker = (files, { alloyVersion, deployed }) =>
  check(files, { ...(alloyVersion ? { alloyVersion } : {}), ...(deployed ? { stabilityLevel: "experimental", communityComponents: true } : {}) }).diagnostics;

/** The files of a folder (and its subfolders), named relative to the repository root as alloylint is run there. */
function filesOf(folder: string): { file: string; text: string }[] {
  return readdirSync(folder, { recursive: true })
    .map(String)
    .filter((f) => /\.(ya?ml|alloy)$/.test(f) && statSync(join(folder, f)).isFile())
    .sort()
    .map((f) => ({ file: relative(root, join(folder, f)), text: readFileSync(join(folder, f), "utf8") }));
}

const readFile = (path: string) => {
  const full = join(root, path);
  return statSync(full, { throwIfNoEntry: false })?.isFile() ? readFileSync(full, "utf8") : undefined;
};

describe("examples/*/values.yaml", () => {
  for (const name of ["clustered-scrape", "daemonset-logs", "otlp-gateway"]) {
    const text = readFileSync(join(examples, name, "values.yaml"), "utf8");

    it(`${name}: no diagnostic at all, with and without the config checker`, () => {
      const { diagnostics, isChartValues } = checkValuesFile(text, { filename: `${name}/values.yaml` });
      expect(isChartValues).toBe(true);
      expect(diagnostics).toEqual([]);
      expect(checkValuesFile(text, { filename: `${name}/values.yaml`, checkConfig }).diagnostics).toEqual([]);
    });

    it(`${name}: the inline config is config.alloy, byte for byte`, () => {
      const content = parseDocument(text).getIn(["alloy", "configMap", "content"]);
      expect(content).toBe(readFileSync(join(examples, name, "config.alloy"), "utf8"));
    });
  }
});

describe("examples/kubernetes: a worked example of each input kind", () => {
  const kinds = readdirSync(join(examples, "kubernetes")).sort();

  it("has every input kind", () => {
    expect(kinds).toEqual(["argocd", "configmap-from-file", "flux", "helm-template", "k8s-monitoring", "kubectl", "kustomize", "operator"]);
  });

  for (const kind of kinds) {
    it(`${kind}: its deployments are found, with no diagnostic at all`, () => {
      const result = checkDeployment(filesOf(join(examples, "kubernetes", kind)), { checkConfig, readFile });
      expect(result.diagnostics).toEqual([]);
      expect(result.deployments.length).toBeGreaterThan(0);
      expect(result.deployments.some((d) => d.config !== undefined)).toBe(true);
    });
  }
});

describe("examples/mistakes", () => {
  const files = readdirSync(join(examples, "mistakes")).filter((f) => f.endsWith(".yaml")).sort();

  it("has a file per deployment rule", () => {
    expect(files.map((f) => f.replace(/\.yaml$/, "")).sort()).toEqual(deploymentRules.map((r) => r.id.split("/")[1]).sort());
  });

  for (const file of files) {
    const text = readFileSync(join(examples, "mistakes", file), "utf8");
    const rule = file.replace(/\.yaml$/, "");

    it(`${file} shows exactly its rule`, () => {
      const { diagnostics } = checkDeployment([{ file, text }]);
      expect(diagnostics.length).toBeGreaterThan(0);
      expect([...new Set(diagnostics.map((d) => d.code.split("/")[1]))]).toEqual([rule]);
    });

    it(`${file}: no error from the config checker, its deployment rule still fires`, () => {
      const { diagnostics } = checkDeployment([{ file, text }], { checkConfig });
      expect(diagnostics.some((d) => d.code.endsWith(`/${rule}`))).toBe(true);
      expect(diagnostics.filter((d) => d.severity === "error" && !d.code.endsWith(`/${rule}`))).toEqual([]);
    });
  }
});
