import { describe, expect, it } from "vitest";
import { findAttribute, findBlock, getComponent, typeToString, type ComponentSchema } from "../src/index.js";

function component(name: string): ComponentSchema {
  const found = getComponent(name);
  if (!found) throw new Error(`${name} is not in the catalog`);
  return found;
}

/** The false errors issue #19 names: facts the docs got wrong or left out, which the code settles. */
describe("what the docs got wrong and the decoder accepts (issue #19)", () => {
  it("otelcol.processor.k8sattributes: filter > field repeats", () => {
    const field = findBlock(component("otelcol.processor.k8sattributes"), ["filter", "field"]);
    expect(field?.repeatable).toBe(true);
    expect(findBlock(component("otelcol.processor.k8sattributes"), ["filter", "label"])?.repeatable).toBe(true);
  });

  it("otelcol.receiver.filelog: operators is a list of objects, not of strings", () => {
    const operators = findAttribute(component("otelcol.receiver.filelog"), "operators");
    expect(operators && typeToString(operators.type)).toBe("list(map(any))");
  });

  it("prometheus.exporter.windows: deprecated arguments it still accepts", () => {
    const windows = component("prometheus.exporter.windows");
    expect(findBlock(windows, ["service"])?.attributes.map((a) => a.name)).toEqual(expect.arrayContaining(["where_clause", "use_api", "enable_v2_collector"]));
    for (const block of ["process", "smtp"]) {
      expect(findBlock(windows, [block])?.attributes.map((a) => a.name), block).toEqual(expect.arrayContaining(["blacklist", "whitelist"]));
    }
  });

  it("prometheus.exporter.postgres: the stat_statements block", () => {
    const statements = findBlock(component("prometheus.exporter.postgres"), ["stat_statements"]);
    expect(statements?.repeatable).toBe(false);
    expect(statements?.attributes.map((a) => a.name)).toContain("include_query");
  });

  it("beyla.ebpf: discovery > services", () => {
    const services = findBlock(component("beyla.ebpf"), ["discovery", "services"]);
    expect(services?.repeatable).toBe(true);
    expect(services?.attributes.map((a) => a.name)).toEqual(expect.arrayContaining(["open_ports", "exe_path"]));
  });
});
