import { describe, expect, it } from "vitest";
import { check } from "../src/index.js";

const unknown = (text: string) =>
  check([{ filename: "config.alloy", text }]).diagnostics.filter((d) => d.code === "check/unknown-component");

describe("components removed from Alloy", () => {
  it("keeps Alloy's message and points River configs at the replacement instead of a did-you-mean", () => {
    const [classic] = unknown('module.git "legacy" {\n\trepository = "r"\n}\n');
    expect(classic.message).toBe('cannot find the definition of component name "module.git"');
    expect(classic.hint).toBe('the classic module "module.git" was removed in Alloy 1.0: use the import.git config block');
    expect(classic.fix).toBeUndefined();
    const [vsphere] = unknown('prometheus.exporter.vsphere "x" {\n\tvsphere_url = "u"\n}\n');
    expect(vsphere.hint).toBe("prometheus.exporter.vsphere was removed in Alloy 1.0: use otelcol.receiver.vcenter");
  });

  it("still suggests the closest name for a misspelling", () => {
    const [typo] = unknown('prometheus.scrapee "x" {\n\ttargets = []\n\tforward_to = []\n}\n');
    expect(typo.hint).toBe('did you mean "prometheus.scrape"?');
  });
});
