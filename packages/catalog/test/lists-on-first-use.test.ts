import { describe, expect, it } from "vitest";
import { availableAlloyVersions, getCatalog, getComponent, getConfigBlock, listComponents } from "../src/index.js";

/**
 * A schema's `attributes`, `blocks` and `exports` are read from the record's body the first time one of
 * them is used; everything that looks at a schema as plain data must still see it whole.
 */
describe("schemas read their lists on first use", () => {
  it("says a component takes a clustering block exactly when its blocks have one, in every release", () => {
    let clustered = 0;
    for (const version of availableAlloyVersions) {
      for (const component of listComponents({ version, includeRemoved: true })) {
        const hasBlock = component.blocks.some((block) => block.name === "clustering");
        expect(component.clustering, `${component.name} at ${version}`).toBe(hasBlock);
        if (hasBlock) clustered++;
      }
    }
    expect(clustered).toBeGreaterThan(0);
  });

  it("keeps the lists as own enumerable properties, in the order of the other facts", () => {
    const scrape = getComponent("prometheus.scrape", "v1.10.2")!;
    const keys = Object.keys(scrape);
    expect(keys).toEqual(expect.arrayContaining(["attributes", "blocks", "exports"]));
    expect(keys.indexOf("attributes")).toBeLessThan(keys.indexOf("alloyVersion"));
    expect(keys.indexOf("description")).toBeLessThan(keys.indexOf("attributes"));
  });

  it("serializes, spreads and clones whole before and after the lists were read", () => {
    const names = ["loki.write", "otelcol.exporter.otlp"];
    for (const name of names) {
      const fresh = getComponent(name, "v1.5.1")!;
      const viaJson = JSON.parse(JSON.stringify(fresh)) as typeof fresh;
      expect(viaJson.attributes.length).toBeGreaterThan(0);
      expect(viaJson.blocks.map((b) => b.name)).toEqual(fresh.blocks.map((b) => b.name));
      const spread = { ...fresh };
      expect(Object.getOwnPropertyDescriptor(spread, "attributes")?.value).toBe(fresh.attributes);
      expect(structuredClone(fresh)).toEqual(viaJson);
      // After the first read the lists are plain data properties.
      expect(Object.getOwnPropertyDescriptor(fresh, "blocks")).toMatchObject({ value: fresh.blocks, writable: true, enumerable: true });
    }
  });

  it("gives the whole catalog's components and config blocks whole lists", () => {
    const catalog = getCatalog("v1.12.2");
    const logging = catalog.configBlocks.find((b) => b.name === "logging")!;
    expect(logging.attributes.map((a) => a.name)).toContain("level");
    expect(getConfigBlock("logging", "v1.12.2")).toBe(logging);
    const relabel = catalog.components.find((c) => c.name === "discovery.relabel")!;
    expect(relabel.attributes.find((a) => a.name === "targets")?.required).toBe(true);
    expect(relabel.exports.map((e) => e.name)).toContain("output");
  });

  it("takes a list written before it was read, and keeps the others", () => {
    const schema = getComponent("prometheus.exporter.redis", "v1.3.4")!;
    const blocks = schema.blocks;
    schema.attributes = [];
    expect(schema.attributes).toEqual([]);
    expect(schema.blocks).toBe(blocks);
    const other = getComponent("prometheus.exporter.mysql", "v1.3.4")!;
    other.exports = [];
    expect(other.exports).toEqual([]);
    expect(other.attributes.length).toBeGreaterThan(0);
  });
});

/** The minor of a release name (`v1.15.0` → 15). */
const minor = (release: string): number => Number(/^v1\.(\d+)\./.exec(release)?.[1]);

describe("blocks and fields stored once are one object", () => {
  it("hands every component the same tls_config and bearer_token when they are the same", () => {
    const http = getComponent("discovery.http", "v1.18.1")!;
    const consul = getComponent("discovery.consul", "v1.18.1")!;
    const tls = (c: typeof http) => c.blocks.find((b) => b.name === "tls_config");
    expect(tls(http)).toBeDefined();
    expect(tls(http)).toBe(tls(consul));
    const token = (c: typeof http) => c.attributes.find((a) => a.name === "bearer_token");
    expect(token(http)).toBeDefined();
    expect(token(http)).toBe(token(consul));
  });

  it("keeps a shared attribute's own releases apart per component (since where it came later than its owner)", () => {
    // Every release's schemas are compared whole with the generator's in freshness.test.ts; here, one case
    // that a shared object must not leak: `since` is set on the owner's projection, never on the shared one.
    let later = 0;
    for (const version of availableAlloyVersions) {
      for (const component of listComponents({ version })) {
        for (const attribute of component.attributes) {
          if (attribute.since === undefined) continue;
          later++;
          expect(minor(attribute.since), `${component.name} ${attribute.name}`).toBeGreaterThan(minor(component.since));
        }
      }
    }
    expect(later).toBeGreaterThan(0);
  });
});
