import { describe, expect, it } from "vitest";
import { check, type CheckDiagnostic } from "../src/index.js";
import { checkValuesFile } from "../src/deployment/index.js";

/** The text after applying a diagnostic's fix (its edits do not overlap). */
function applyFix(text: string, diagnostic: CheckDiagnostic): string {
  const edits = [...diagnostic.fix!.edits].sort((a, b) => b.range.start.offset - a.range.start.offset);
  let out = text;
  for (const edit of edits) out = out.slice(0, edit.range.start.offset) + edit.newText + out.slice(edit.range.end.offset);
  return out;
}

describe("fixes travel as data on their diagnostics", () => {
  it("an unresolved reference's fix renames the component and keeps the export after it", () => {
    const text = `prometheus.relabel "default" {
	forward_to = []
}

prometheus.scrape "x" {
	targets    = []
	forward_to = [prometheus.relabel.defualt.receiver]
}
`;
    const [unresolved] = check([{ filename: "c.alloy", text }]).diagnostics.filter((d) => d.code === "check/unresolved-reference");
    expect(unresolved.hint).toBe('did you mean "prometheus.relabel.default"?');
    expect(applyFix(text, unresolved)).toContain("forward_to = [prometheus.relabel.default.receiver]");
  });

  it("a missing required attribute gets one fix, inserted before the block's brace at the body's indentation", () => {
    const text = `declare "m" {
	prometheus.scrape "x" {
		targets = []
	}
}
`;
    const missing = check([{ filename: "c.alloy", text }]).diagnostics.filter((d) => d.code === "check/missing-required");
    expect(missing.map((d) => d.message)).toEqual(['missing required attribute "forward_to"']);
    expect(applyFix(text, missing[0])).toBe(`declare "m" {
	prometheus.scrape "x" {
		targets = []
		forward_to = 
	}
}
`);
  });

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
