import { describe, expect, it } from "vitest";
import { applyFix } from "../../../test/support/fixes.js";
import { check } from "../src/index.js";

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
});
