import { describe, expect, it } from "vitest";
import { applyFix } from "../../../test/support/fixes.js";
import { check } from "@alloy-toolkit/checker";
import { parseDocument } from "yaml";
import { checkDeployment, checkValuesFile } from "../src/index.js";

describe("deployment fixes travel as data on their diagnostics", () => {
  it("a deployment rule's fix inside alloy.configMap.content is an edit of the values file, indented as YAML", () => {
    const text = `controller:
  type: statefulset
  replicas: 2
alloy:
  clustering:
    enabled: true
  configMap:
    content: |-
      prometheus.scrape "pods" {
        targets    = []
        forward_to = []
      }
`;
    const { diagnostics } = checkValuesFile(text, { filename: "values.yaml" });
    const missing = diagnostics.find((d) => d.code === "deploy/clustering-block-missing")!;
    expect(missing.fix?.file).toBe("values.yaml");
    const added = "        clustering {\n          enabled = true\n        }\n";
    expect(applyFix(text, missing)).toBe(text.replace("        forward_to = []\n", `        forward_to = []\n${added}`));
  });

  it("a values key misspelled from a sibling gets a rename of the key", () => {
    const text = "image:\n  tagg: v1\n";
    const [unknown] = checkValuesFile(text, { filename: "values.yaml", chart: true }).diagnostics;
    expect(unknown.fix?.title).toBe("Rename to tag");
    expect(applyFix(text, unknown)).toBe("image:\n  tag: v1\n");
  });

  it("a fix inside a config inside an Argo CD Application's values string is an edit of the Application, indented for both block scalars", () => {
    const text = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: alloy
spec:
  source:
    chart: alloy
    helm:
      values: |
        alloy:
          configMap:
            content: |
              prometheus.scrape "pods" {
                targets    = []
                forward_to = []
                job_nme    = "pods"
              }
          clustering: { enabled: true }
        controller: { type: statefulset, replicas: 2 }
`;
    const { diagnostics } = checkDeployment([{ file: "app.yaml", text }], { checkConfig: (files) => check(files).diagnostics });
    const missing = diagnostics.find((d) => d.code === "deploy/clustering-block-missing")!;
    const fixed = applyFix(text, missing);
    expect(fixed).toBe(text.replace('                job_nme    = "pods"\n', '                job_nme    = "pods"\n                clustering {\n                  enabled = true\n                }\n'));
    // The edited Application still holds the config, now with its block, as Argo CD and Helm read it.
    const values = parseDocument(String(parseDocument(fixed).getIn(["spec", "source", "helm", "values"]))).getIn(["alloy", "configMap", "content"]);
    expect(values).toContain('job_nme    = "pods"\n  clustering {\n    enabled = true\n  }\n}');
    const rename = diagnostics.find((d) => d.code === "check/unknown-attribute")!;
    expect(rename.range.start).toMatchObject({ line: 16, column: 17 });
    expect(rename.fix?.file).toBe("app.yaml");
    expect(applyFix(text, rename)).toContain('                job_name    = "pods"\n');
  });
});
