import { describe, expect, it } from "vitest";
import { findAttribute, findBlock, getComponent, getConfigBlock, listComponents, listConfigBlocks, type BlockContainer } from "../src/index.js";

function countEnums(body: BlockContainer): number {
  return body.attributes.filter((a) => a.enum).length + body.blocks.reduce((n, b) => n + countEnums(b), 0);
}

describe("allowed values", () => {
  it("come from the code's checks: relabel actions (a set in UnmarshalText), logging.level (a switch), snmp's merge strategy (comparisons)", () => {
    const action = findAttribute(findBlock(getComponent("discovery.relabel")!, ["rule"])!, "action");
    expect(action?.enum).toEqual(expect.arrayContaining(["replace", "keep", "drop", "hashmod", "labelmap", "labeldrop", "labelkeep", "lowercase", "uppercase", "keepequal", "dropequal"]));
    expect(findAttribute(getConfigBlock("logging")!, "level")?.enum).toEqual(["debug", "info", "warn", "error"]);
    expect(findAttribute(getComponent("prometheus.exporter.snmp")!, "config_merge_strategy")?.enum).toEqual(["replace", "merge"]);
    expect(findAttribute(getComponent("discovery.dockerswarm")!, "role")?.enum).toEqual(["services", "nodes", "tasks"]);
  });

  it("come from the docs' prose where the code has no check: sentences and bullet lists", () => {
    expect(findAttribute(getComponent("discovery.kubernetes")!, "role")?.enum).toEqual(["node", "pod", "service", "endpoints", "endpointslice", "ingress"]);
    const operator = findAttribute(findBlock(getComponent("prometheus.operator.podmonitors")!, ["selector", "match_expression"])!, "operator");
    expect(operator?.enum).toEqual(["In", "NotIn", "Exists", "DoesNotExist"]);
    expect(findAttribute(getComponent("discovery.scaleway")!, "role")?.enum).toEqual(["baremetal", "instance"]);
    expect(findAttribute(getComponent("prometheus.scrape")!, "scrape_protocols")?.enum).toContain("PrometheusProto");
  });

  it("leave out values a page only gives as an example", () => {
    const timestamp = findBlock(getComponent("loki.process")!, ["stage.timestamp"])!;
    expect(findAttribute(timestamp, "format")?.enum).toBeUndefined();
  });

  it("cover far more attributes than the 20 the docs' tables listed", () => {
    const total = [...listComponents(), ...listConfigBlocks()].reduce((n, c) => n + countEnums(c), 0);
    expect(total).toBeGreaterThan(200);
  });
});
