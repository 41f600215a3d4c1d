import { describe, expect, it } from "vitest";
import {
  availableAlloyVersions,
  catalogVersion,
  componentAvailability,
  componentHistory,
  componentNames,
  configBlockReleases,
  findAttribute,
  findBlock,
  getComponent,
  getConfigBlock,
  memberAvailability,
  releaseLineName,
  resolveAlloyVersion,
} from "../src/index.js";

describe("releases", () => {
  it("are the last patch of every minor from v1.0 to v1.18, and v1.19.0-rc.3; v1.18.1 is the default", () => {
    expect(availableAlloyVersions.length).toBe(20);
    expect(availableAlloyVersions[0]).toBe("v1.0.0");
    expect(availableAlloyVersions.slice(-3)).toEqual(["v1.17.1", "v1.18.1", "v1.19.0-rc.3"]);
    expect(catalogVersion).toBe("v1.18.1");
  });

  it("resolve versions as users write them to the catalogued release of the same minor", () => {
    expect(resolveAlloyVersion("v1.15.1")).toEqual({ version: "v1.15.1", exact: true });
    expect(resolveAlloyVersion("1.15.0")).toEqual({ version: "v1.15.1", exact: false });
    expect(resolveAlloyVersion("v1.7")).toEqual({ version: "v1.7.5", exact: false });
    expect(resolveAlloyVersion("v1.19.0-rc.1")).toEqual({ version: "v1.19.0-rc.3", exact: false });
    // v1.19.0 itself is not released in the snapshot: no guess.
    expect(resolveAlloyVersion("v1.19.0")).toBeUndefined();
    expect(resolveAlloyVersion("v2.0.0")).toBeUndefined();
    expect(resolveAlloyVersion("latest")).toBeUndefined();
  });

  it("are named in messages by the first release of their line", () => {
    expect(releaseLineName("v1.15.1")).toBe("v1.15.0");
    expect(releaseLineName("v1.0.0")).toBe("v1.0.0");
    expect(releaseLineName("v1.19.0-rc.3")).toBe("v1.19.0-rc.3");
    expect(componentHistory("discovery.aws")?.addedIn).toBe(releaseLineName("v1.18.1"));
  });
});

describe("components across releases", () => {
  it("discovery.aws was added in v1.18.0", () => {
    expect(getComponent("discovery.aws", "v1.17.1")).toBeUndefined();
    expect(componentNames({ version: "v1.17.1", includeRemoved: true })).not.toContain("discovery.aws");
    expect(getComponent("discovery.aws", "v1.18.1")?.since).toBe("v1.18.0");
    expect(componentAvailability("discovery.aws", "v1.17.1")).toEqual({
      status: "not-yet-added",
      addedIn: "v1.18.0",
      message: "discovery.aws is not in Alloy v1.17.1 (added in v1.18.0)",
    });
  });

  it("database_observability.mysql went from experimental to public preview to generally available", () => {
    expect(getComponent("database_observability.mysql", "v1.14.2")?.stability).toBe("public-preview");
    expect(getComponent("database_observability.mysql", "v1.15.1")?.stability).toBe("generally-available");
    expect(componentAvailability("database_observability.mysql", "v1.14.2")).toMatchObject({
      status: "available",
      message: "database_observability.mysql is public-preview in v1.14.2 (generally-available from v1.15.0)",
    });
    expect(componentAvailability("database_observability.mysql", "v1.15.1")).toEqual({ status: "available", stability: "generally-available" });
    expect(componentHistory("database_observability.mysql")?.stability.map((s) => `${s.stability} ${s.since}`)).toEqual([
      "experimental v1.6.0",
      "public-preview v1.12.0",
      "generally-available v1.15.0",
    ]);
  });

  it("otelcol.receiver.opencensus was last in v1.12.2", () => {
    expect(getComponent("otelcol.receiver.opencensus", "v1.12.2")?.status).toBe("active");
    const removed = getComponent("otelcol.receiver.opencensus", "v1.13.2")!;
    expect([removed.status, removed.removedIn, removed.alloyVersion]).toEqual(["removed", "v1.13.0", "v1.13.2"]);
    expect(findAttribute(findBlock(removed, ["output"])!, "traces")).toBeDefined();
    expect(componentAvailability("otelcol.receiver.opencensus", "v1.18.1")).toEqual({
      status: "removed",
      removedIn: "v1.13.0",
      message: "otelcol.receiver.opencensus was removed in v1.13.0",
    });
    expect(componentHistory("otelcol.receiver.opencensus")).toMatchObject({ addedIn: "v1.0.0", removedIn: "v1.13.0" });
  });

  it("names changes in a release candidate by its tag", () => {
    const before = componentNames({ version: "v1.18.1" });
    const after = componentNames({ version: "v1.19.0-rc.3" });
    expect(after.filter((n) => !before.includes(n))).toEqual(["otelcol.processor.redaction"]);
    expect(before.filter((n) => !after.includes(n))).toEqual(["prometheus.write.queue"]);
    expect(componentHistory("otelcol.processor.redaction")?.addedIn).toBe("v1.19.0-rc.3");
    expect(componentAvailability("prometheus.write.queue", "v1.19.0-rc.3")).toMatchObject({ status: "removed", removedIn: "v1.19.0-rc.3" });
    expect(findAttribute(getComponent("prometheus.scrape", "v1.19.0-rc.3")!, "start_timestamp_zero_ingestion")?.since).toBe("v1.19.0-rc.3");
  });

  it("unknown names have no history", () => {
    expect(componentHistory("no.such.component")).toBeUndefined();
    expect(componentAvailability("no.such.component")).toEqual({ status: "unknown" });
  });
});

describe("arguments and blocks across releases", () => {
  it("know the release that added them", () => {
    // prometheus.scrape's scrape_protocols came after v1.0.0; in older releases it is not there at all.
    const history = availableAlloyVersions.map((v) => findAttribute(getComponent("prometheus.scrape", v)!, "scrape_protocols") !== undefined);
    const first = history.indexOf(true);
    expect(first).toBeGreaterThan(0);
    expect(history.slice(first).every(Boolean)).toBe(true);
    const since = findAttribute(getComponent("prometheus.scrape", availableAlloyVersions[first])!, "scrape_protocols")?.since;
    expect(since).toBe(availableAlloyVersions[first].replace(/\.\d+$/, ".0"));
    expect(findAttribute(getComponent("prometheus.scrape")!, "targets")?.since).toBeUndefined();
  });

  it("follow the code's changes of a block's shape between releases", () => {
    // The stat_statements block of prometheus.exporter.postgres is newer than the component.
    const releases = availableAlloyVersions.filter((v) => findBlock(getComponent("prometheus.exporter.postgres", v)!, ["stat_statements"]));
    expect(releases.length).toBeGreaterThan(0);
    expect(releases[0]).not.toBe("v1.0.0");
    expect(findBlock(getComponent("prometheus.exporter.postgres", releases[0])!, ["stat_statements"])?.since).toBe(releases[0].replace(/\.\d+$/, ".0"));
  });

  it("config blocks came in their own releases", () => {
    expect(configBlockReleases("logging")).toEqual([...availableAlloyVersions]);
    const foreach = configBlockReleases("foreach");
    expect(foreach[0]).not.toBe("v1.0.0");
    expect(getConfigBlock("foreach", "v1.0.0")).toBeUndefined();
    expect(getConfigBlock("foreach", foreach[0])?.since).toBe(foreach[0].replace(/\.\d+$/, ".0"));
    expect(getConfigBlock("foreach")?.stability).toBe("experimental");
    expect(findAttribute(getConfigBlock("logging")!, "level")?.enum).toEqual(["debug", "info", "warn", "error"]);
  });

  it("say which release has an attribute or block the asked release lacks", () => {
    const at = (name: string, kind: "attribute" | "block", path: string[], version: (typeof availableAlloyVersions)[number]) =>
      memberAvailability({ owner: "component", ownerName: "prometheus.exporter.postgres", path, kind, name }, version);
    const first = availableAlloyVersions.find((v) => findBlock(getComponent("prometheus.exporter.postgres", v)!, ["stat_statements"]))!;
    const before = availableAlloyVersions[availableAlloyVersions.indexOf(first) - 1];
    const label = first.replace(/\.\d+$/, ".0");
    expect(at("stat_statements", "block", [], before)).toEqual({
      status: "not-yet-added",
      addedIn: label,
      message: `\`stat_statements\` of prometheus.exporter.postgres is not in Alloy ${before} (added in ${label})`,
    });
    expect(at("stat_statements", "block", [], first)).toEqual({ status: "available" });
    expect(at("no_such_thing", "attribute", [], first)).toEqual({ status: "unknown" });
    // An attribute of a block the newest release dropped: found by walking every release's components.
    const removed = findRemovedAttribute();
    expect(removed, "some top-level attribute was removed between releases").toBeDefined();
    const { component, attribute, removedAt } = removed!;
    const label2 = removedAt.replace(/\.\d+$/, ".0");
    expect(
      memberAvailability({ owner: "component", ownerName: component, path: [], kind: "attribute", name: attribute }, removedAt),
    ).toEqual({ status: "removed", removedIn: label2, message: `\`${attribute}\` of ${component} was removed in ${label2}` });
    expect(getConfigBlock("foreach")).toBeDefined();
    expect(memberAvailability({ owner: "config", ownerName: "logging", path: [], kind: "attribute", name: "level" })).toEqual({ status: "available" });
  });
});

/** A top-level attribute of a component that one release has and the next does not, while the component stays. */
function findRemovedAttribute(): { component: string; attribute: string; removedAt: (typeof availableAlloyVersions)[number] } | undefined {
  for (let i = 1; i < availableAlloyVersions.length; i++) {
    const previous = availableAlloyVersions[i - 1];
    const current = availableAlloyVersions[i];
    for (const name of componentNames({ version: previous })) {
      const now = getComponent(name, current);
      if (now?.status !== "active") continue;
      const gone = getComponent(name, previous)!.attributes.find((a) => !findAttribute(now, a.name));
      if (gone && !availableAlloyVersions.slice(i).some((v) => findAttribute(getComponent(name, v) ?? { attributes: [], blocks: [] }, gone.name))) {
        return { component: name, attribute: gone.name, removedAt: current };
      }
    }
  }
  return undefined;
}
