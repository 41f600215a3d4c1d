import {
  availableAlloyVersions,
  catalogVersion,
  componentAvailability,
  componentHistory,
  componentNames,
  getComponent,
  memberAvailability,
  type AlloyVersion,
} from "@alloy-toolkit/catalog";
import { describe, expect, it } from "vitest";
import { check, type CheckOptions } from "../src/index.js";

const run = (text: string, options: CheckOptions = {}) => check([{ filename: "config.alloy", text }], options).diagnostics;

/** The catalogued release just before the first one whose label (`v1.18.0`) is `label`'s line. */
function releaseBefore(label: string): AlloyVersion {
  const minor = label.replace(/\.\d+(-.*)?$/, ".");
  const index = availableAlloyVersions.findIndex((v) => v.startsWith(minor));
  return availableAlloyVersions[index - 1];
}

const everyComponent = componentNames({ includeRemoved: true, version: availableAlloyVersions[availableAlloyVersions.length - 1] });
const removedComponents = componentNames({ includeRemoved: true }).filter((name) => getComponent(name)?.status === "removed");

describe("the checked release", () => {
  it("defaults to the newest stable release", () => {
    expect(catalogVersion).toBe(availableAlloyVersions.filter((v) => !v.includes("-")).at(-1));
    const added = everyComponent.find((name) => componentHistory(name)?.addedIn === "v1.19.0-rc.3");
    if (added) expect(run(`${added} "x" {}\n`).some((d) => d.code === "check/unknown-component")).toBe(true);
  });

  it("reports a component added after it with the release that added it, and knows it from that release on", () => {
    const added = everyComponent.filter((name) => {
      const history = componentHistory(name)!;
      return history.addedIn !== "v1.0.0" && !history.addedIn.includes("-") && history.removedIn === undefined;
    });
    expect(added.length).toBeGreaterThan(10);
    for (const name of added) {
      const history = componentHistory(name)!;
      const before = releaseBefore(history.addedIn);
      const [unknown] = run(`${name} "x" {}\n`, { alloyVersion: before }).filter((d) => d.code === "check/unknown-component");
      expect(unknown.message).toBe(`${name} is not in Alloy ${before} (added in ${history.addedIn})`);
      expect(unknown.hint).toBeUndefined();
      expect(unknown.fix).toBeUndefined();
      const at = history.releases[0];
      expect(run(`${name} "x" {}\n`, { alloyVersion: at }).filter((d) => d.code === "check/unknown-component")).toEqual([]);
    }
  });

  it("reports a removed component once, with the release that removed it, not its attributes again", () => {
    expect(removedComponents.length).toBeGreaterThan(0);
    for (const name of removedComponents) {
      const removedIn = componentHistory(name)!.removedIn!;
      const diagnostics = run(`${name} "x" {\n\tno_such_attribute = 1\n\tno_such_block {\n\t\ty = 2\n\t}\n}\n`);
      expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([`check/unknown-component ${name} was removed in ${removedIn}`]);
      // The release before it still has it.
      const before = releaseBefore(removedIn);
      expect(run(`${name} "x" {}\n`, { alloyVersion: before }).filter((d) => d.code === "check/unknown-component")).toEqual([]);
    }
    expect(componentAvailability("otelcol.receiver.opencensus").status).toBe("removed");
  });

  it("reports an unknown component once, not each of its attributes", () => {
    const diagnostics = run(`foo.bar "x" {\n\ta = 1\n\tb {\n\t\tc = 2\n\t}\n}\n`);
    expect(diagnostics.map((d) => d.code)).toEqual(["check/unknown-component"]);
    expect(diagnostics[0].message).toBe('cannot find the definition of component name "foo.bar"');
  });

  it("keeps Alloy's message under alloyCompatible and gives the release as the hint", () => {
    const [unknown] = run(`discovery.aws "x" {}\n`, { alloyVersion: "v1.17.1", alloyCompatible: true }).filter(
      (d) => d.code === "check/unknown-component",
    );
    expect(unknown.message).toBe('cannot find the definition of component name "discovery.aws"');
    expect(unknown.hint).toBe("discovery.aws is not in Alloy v1.17.1 (added in v1.18.0)");
  });

  it("reports arguments added after it with the release that added them", () => {
    // Every top-level attribute the newest release has that is younger than its component.
    const cases: { component: string; attribute: string; since: string }[] = [];
    for (const name of componentNames()) {
      const schema = getComponent(name)!;
      for (const attribute of schema.attributes) {
        if (attribute.since && !attribute.since.includes("-")) cases.push({ component: name, attribute: attribute.name, since: attribute.since });
      }
    }
    expect(cases.length).toBeGreaterThan(20);
    for (const { component, attribute, since } of cases) {
      const before = releaseBefore(since);
      const text = `${component} "x" {\n\t${attribute} = null\n}\n`;
      const [unknown] = run(text, { alloyVersion: before }).filter((d) => d.code === "check/unknown-attribute");
      expect(unknown?.message, `${component} ${attribute} at ${before}`).toBe(
        `\`${attribute}\` of ${component} is not in Alloy ${before} (added in ${since})`,
      );
      expect(run(text, { alloyVersion: availableAlloyVersions.find((v) => v.startsWith(since.replace(/\.0$/, ".")))! }).some((d) => d.code === "check/unknown-attribute")).toBe(false);
    }
  });

  it("reports blocks added after it with the release that added them", () => {
    const cases: { component: string; block: string; since: string }[] = [];
    for (const name of componentNames()) {
      for (const block of getComponent(name)!.blocks) {
        if (block.since && !block.since.includes("-")) cases.push({ component: name, block: block.name, since: block.since });
      }
    }
    expect(cases.length).toBeGreaterThan(5);
    for (const { component, block, since } of cases) {
      const before = releaseBefore(since);
      // A clustering block has its own rule, which lists the components that support it.
      const code = block === "clustering" ? "cluster/block-unsupported" : "check/unknown-block";
      const [unknown] = run(`${component} "x" {\n\t${block} {\n\t}\n}\n`, { alloyVersion: before }).filter((d) => d.code === code);
      expect(unknown?.message, `${component} ${block} at ${before}`).toBe(`\`${block}\` of ${component} is not in Alloy ${before} (added in ${since})`);
    }
  });

  it("names nested blocks by their path", () => {
    const message = memberAvailability(
      { owner: "component", ownerName: "prometheus.scrape", path: [], kind: "attribute", name: "scrape_protocols" },
      "v1.1.1",
    );
    expect(message).toEqual({
      status: "not-yet-added",
      addedIn: "v1.2.0",
      message: "`scrape_protocols` of prometheus.scrape is not in Alloy v1.1.1 (added in v1.2.0)",
    });
  });

  it("says when a later release promotes a component below the stability level", () => {
    const promoted = everyComponent.flatMap((name) => {
      const stability = componentHistory(name)!.stability;
      return stability.slice(1).map((level, i) => ({ name, from: stability[i], to: level }));
    });
    const toGenerallyAvailable = promoted.filter((p) => p.to.stability === "generally-available" && p.from.stability !== "community");
    expect(toGenerallyAvailable.length).toBeGreaterThan(0);
    for (const { name, from, to } of toGenerallyAvailable) {
      const release = from.releases.at(-1)!;
      const [stability] = run(`${name} "x" {}\n`, { alloyVersion: release }).filter((d) => d.code === "check/stability");
      expect(stability.message).toContain(`is at stability level "${from.stability}"`);
      expect(stability.hint).toBe(`${name} is ${from.stability} in ${release} (generally-available from ${to.since})`);
      expect(run(`${name} "x" {}\n`, { alloyVersion: to.releases[0] }).some((d) => d.code === "check/stability")).toBe(false);
    }
    expect(toGenerallyAvailable.some((p) => p.name === "database_observability.mysql")).toBe(true);
  });
});
