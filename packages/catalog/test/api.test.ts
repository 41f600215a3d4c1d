import { describe, expect, it } from "vitest";
import {
  availableAlloyVersions,
  catalogVersion,
  childBlocks,
  componentNames,
  deprecatedFunctionNames,
  findBlock,
  getCatalog,
  getComponent,
  getConfigBlock,
  getFunction,
  listComponents,
  listConfigBlocks,
  listConstants,
  listFunctions,
} from "../src/index.js";

describe("catalog API", () => {
  it("describes the Alloy release it was generated from", () => {
    const catalog = getCatalog();
    expect(catalogVersion).toBe("v1.18.1");
    expect(catalog.alloyVersion).toBe("v1.18.1");
    expect(catalog.source).toEqual({ repository: "https://github.com/grafana/alloy", tag: "v1.18.1", commit: "6012ec4ac6a541ade720777ecec2f2b02b496def" });
    expect(catalog.docsSource.tag).toBe("v1.18.1");
    expect(catalog.$comment).toMatch(/generated .* do not edit/);
    expect(catalog.generator.name).toBe("@alloy-toolkit/catalog");
  });

  it("lists active components sorted by name, removed ones on request", () => {
    const active = listComponents();
    const all = listComponents({ includeRemoved: true });
    expect(active.map((c) => c.name)).toEqual([...active.map((c) => c.name)].sort());
    expect(active.every((c) => c.status === "active")).toBe(true);
    // Removed before v1.18.1: otelcol.exporter.logging (after v1.4.3), otelcol.receiver.opencensus (after v1.12.2).
    expect(all.filter((c) => c.status === "removed").map((c) => `${c.name} ${c.removedIn}`)).toEqual([
      "otelcol.exporter.logging v1.5.0",
      "otelcol.receiver.opencensus v1.13.0",
    ]);
    expect(active.length).toBe(184);
    expect(getComponent("otelcol.receiver.opencensus")?.status).toBe("removed");
    expect(getComponent("no.such.component")).toBeUndefined();
  });

  it("builds versioned documentation URLs from the doc path", () => {
    const scrape = getComponent("prometheus.scrape")!;
    expect(scrape.docPath).toBe("reference/components/prometheus/prometheus.scrape.md");
    expect(scrape.docUrl).toBe("https://grafana.com/docs/alloy/v1.18/reference/components/prometheus/prometheus.scrape/");
    expect(scrape.namespace).toBe("prometheus");
    expect(scrape.description).toMatch(/^prometheus\.scrape/);
  });

  it("lists exactly the components with a clustering block", () => {
    const clustered = listComponents().filter((c) => c.clustering).map((c) => c.name);
    expect(clustered).toEqual([
      "loki.source.kubernetes",
      "loki.source.kubernetes_events",
      "loki.source.podlogs",
      "prometheus.operator.podmonitors",
      "prometheus.operator.probes",
      "prometheus.operator.scrapeconfigs",
      "prometheus.operator.servicemonitors",
      "prometheus.scrape",
      "pyroscope.scrape",
    ]);
  });

  it("knows the top-level config blocks and which take a label", () => {
    const names = listConfigBlocks().map((b) => b.name);
    expect(names).toEqual([
      "argument",
      "declare",
      "export",
      "foreach",
      "http",
      "import.file",
      "import.git",
      "import.http",
      "import.string",
      // A service with a config type (internal/service/labelstore): the decoder accepts an empty block.
      "labelstore",
      "livedebugging",
      "logging",
      "remotecfg",
      "tracing",
    ]);
    expect(getConfigBlock("argument")?.labelled).toBe(true);
    expect(getConfigBlock("logging")?.labelled).toBe(false);
    expect(getConfigBlock("logging")?.attributes.map((a) => a.name)).toEqual(expect.arrayContaining(["level", "format"]));
    expect(findBlock(getConfigBlock("http")!, ["tls"])?.attributes.map((a) => a.name)).toContain("cert_file");
    expect(getConfigBlock("import.git")?.attributes.filter((a) => a.required).map((a) => a.name).sort()).toEqual(["path", "repository"]);
    expect(findBlock(getConfigBlock("foreach")!, ["template"])?.required).toBe(true);
  });

  it("describes stdlib functions and resolves deprecated names", () => {
    expect(listFunctions().length).toBe(27);
    const concat = getFunction("array.concat")!;
    expect(concat.variadic).toBe(true);
    expect(concat.deprecatedAliases).toEqual(["concat"]);
    expect(getFunction("env")?.name).toBe("sys.env");
    expect(getFunction("json_decode")?.name).toBe("encoding.from_json");
    expect(getFunction("nonsensitive")?.name).toBe("convert.nonsensitive");
    expect(getFunction("array.combine_maps")?.stability).toBe("experimental");
    expect(getFunction("array.combine_maps")?.params.map((p) => p.optional)).toEqual([false, false, false, true]);
    expect(getFunction("sys.env")?.returns).toEqual({ kind: "string" });
    expect(getFunction("encoding.from_json")?.docUrl).toBe(
      "https://grafana.com/docs/alloy/v1.18/reference/stdlib/encoding/#encodingfrom_json",
    );
    expect(deprecatedFunctionNames()).toMatchObject({ env: "sys.env", concat: "array.concat", yaml_decode: "encoding.from_yaml" });
    expect(getCatalog().constants.map((c) => c.name)).toEqual(["constants.arch", "constants.hostname", "constants.os", "constants.version"]);
  });

  it("findBlock follows recursive blocks and stops at unknown names", () => {
    const process = getComponent("loki.process")!;
    const match = findBlock(process, ["stage.match"])!;
    expect(childBlocks(process, match).map((b) => b.name)).toContain("stage.json");
    expect(findBlock(process, ["stage.json", "stage.json"])).toBeUndefined();
    expect(findBlock(process, ["nope"])).toBeUndefined();
  });

  it("hands out the same objects on every call and through every function, as the whole-file loader did", () => {
    const scrape = getComponent("prometheus.scrape")!;
    expect(getComponent("prometheus.scrape")).toBe(scrape);
    expect(listComponents().find((c) => c.name === "prometheus.scrape")).toBe(scrape);
    expect(getCatalog().components.find((c) => c.name === "prometheus.scrape")).toBe(scrape);
    expect(getCatalog()).toBe(getCatalog());
    expect(getFunction("env")).toBe(getFunction("sys.env"));
    expect(listFunctions().find((f) => f.name === "sys.env")).toBe(getFunction("sys.env"));
    expect(getConfigBlock("logging")).toBe(listConfigBlocks().find((b) => b.name === "logging"));
    expect(deprecatedFunctionNames()).toBe(getCatalog().deprecatedFunctionNames);
    expect(listConstants()).toEqual(getCatalog().constants);
    listConstants().forEach((c, i) => expect(c).toBe(getCatalog().constants[i]));
    // The lists are copies: a caller sorting or filtering one does not change the next.
    expect(listComponents()).not.toBe(listComponents());
    expect(listComponents({ includeRemoved: true })).not.toBe(getCatalog().components);
    expect(listFunctions()).not.toBe(listFunctions());
  });

  it("gives every record of the whole catalog as the getters give it", () => {
    const whole = getCatalog();
    expect(whole.components).toEqual(listComponents({ includeRemoved: true }));
    expect(whole.configBlocks).toEqual(listConfigBlocks());
    expect(whole.functions).toEqual(listFunctions());
    expect(whole.constants).toEqual(listConstants());
    expect(whole.deprecatedFunctionNames).toBe(deprecatedFunctionNames());
  });

  it("answers undefined for unknown names", () => {
    for (const name of ["no.such.component", "", "prometheus", "__proto__", "constructor", "toString"]) {
      expect(getComponent(name), name).toBeUndefined();
      expect(getConfigBlock(name), name).toBeUndefined();
      expect(getFunction(name), name).toBeUndefined();
    }
  });

  it("names components without reading them, as listComponents orders them", () => {
    expect(componentNames()).toEqual(listComponents().map((c) => c.name));
    expect(componentNames({ includeRemoved: true })).toEqual(listComponents({ includeRemoved: true }).map((c) => c.name));
    expect(componentNames()).not.toContain("otelcol.receiver.opencensus");
  });

  it("takes every available version", () => {
    for (const version of availableAlloyVersions) {
      expect(getCatalog(version).alloyVersion).toBe(version);
      const scrape = getComponent("prometheus.scrape", version);
      expect(scrape?.name).toBe("prometheus.scrape");
      expect(listComponents({ version }).find((c) => c.name === "prometheus.scrape")).toBe(scrape);
      expect(componentNames({ version })).toEqual(listComponents({ version }).map((c) => c.name));
      expect(getConfigBlock("logging", version)).toBe(getCatalog(version).configBlocks.find((b) => b.name === "logging"));
      expect(getFunction("env", version)?.name).toBe("sys.env");
      expect(listFunctions(version).length).toBe(getCatalog(version).functions.length);
      expect(listConfigBlocks(version).length).toBe(getCatalog(version).configBlocks.length);
      expect(listConstants(version)).toEqual(getCatalog(version).constants);
      expect(deprecatedFunctionNames(version)).toBe(getCatalog(version).deprecatedFunctionNames);
    }
    expect(getComponent("prometheus.scrape", catalogVersion)).toBe(getComponent("prometheus.scrape"));
  });
});
