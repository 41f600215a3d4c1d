import { describe, expect, it } from "vitest";
import { check, type Rule } from "../src/index.js";

const text = `prometheus.scrape "unused" {
  targets    = [{"__address__" = "a:1"}]
  forward_to = []
}

discovery.kubernetes "pods" {
  role = "pod"
}
`;
const files = [{ filename: "config.alloy", text }];
const codes = (options: Parameters<typeof check>[1]) => check(files, options).diagnostics.map((d) => `${d.code} ${d.severity} ${d.range.start.line}`);

/** Flags components whose label is not lower case. */
const labelCase: Rule = {
  id: "acme/label-case",
  severity: "warning",
  description: "Component labels are lower case.",
  alloy: false,
  check({ model, report }) {
    for (const symbol of model.symbols) {
      const label = symbol.block.label;
      if (label && label.value !== label.value.toLowerCase()) {
        report({ message: `label "${label.value}" is not lower case`, document: symbol.document, range: label.range, order: symbol.order, phase: "extra" });
      }
    }
  },
};

describe("severity overrides", () => {
  it("change a rule's severity, or switch it off", () => {
    expect(codes({})).toEqual(["check/unused-component warning 6"]);
    expect(codes({ severity: { "check/unused-component": "error" } })).toEqual(["check/unused-component error 6"]);
    expect(codes({ severity: { "check/unused-component": "off" } })).toEqual([]);
  });
});

describe("custom rules", () => {
  const shouting = [{ filename: "config.alloy", text: text.replace('"pods"', '"Pods"') }];

  it("run with the built-in rules, in their order", () => {
    const diagnostics = check(shouting, { rules: [labelCase] }).diagnostics;
    expect(diagnostics.map((d) => `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.column} ${d.message}`)).toEqual([
      'check/unused-component warning 6:1 component discovery.kubernetes.Pods exports targets that nothing references',
      'acme/label-case warning 6:22 label "Pods" is not lower case',
    ].map((line) => (line.startsWith("check/") ? expect.stringMatching(/^check\/unused-component warning 6:/) : line)));
  });

  it("take severity overrides, disable and alloylint-disable comments by id", () => {
    const ids = (options: Parameters<typeof check>[1], input = shouting) => check(input, options).diagnostics.map((d) => `${d.code} ${d.severity}`);
    expect(ids({ rules: [labelCase], severity: { "acme/label-case": "error" } })).toContain("acme/label-case error");
    expect(ids({ rules: [labelCase], disable: ["acme/label-case"] })).not.toContain("acme/label-case warning");
    const disabled = [{ filename: "config.alloy", text: `// alloylint-disable acme/label-case\n${shouting[0].text}` }];
    expect(ids({ rules: [labelCase] }, disabled)).toEqual(["check/unused-component warning"]);
  });

  it("do not run on a config with syntax errors", () => {
    expect(check([{ filename: "bad.alloy", text: 'a "Pods" {' }], { rules: [labelCase] }).diagnostics.map((d) => d.code)).toEqual(["parse/unexpected-token"]);
  });
});
