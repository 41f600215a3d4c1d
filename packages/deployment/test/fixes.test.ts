import { describe, expect, it } from "vitest";
import { applyFix } from "../../../test/support/fixes.js";
import { checkValuesFile } from "../src/index.js";

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
});
