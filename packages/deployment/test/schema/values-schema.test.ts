import { describe, expect, it } from "vitest";
import { chartValuesSchema } from "../../src/index.js";
import { schemaAt } from "../../src/schema/values-schema.js";
import { suggestKey } from "../../src/rules/values-unknown-key.js";

describe("chart values schema", () => {
  it("has the keys the deployment rules read, with their types", () => {
    expect(schemaAt(chartValuesSchema, ["alloy", "clustering", "enabled"])?.type).toBe("bool");
    expect(schemaAt(chartValuesSchema, ["controller", "replicas"])?.type).toBe("int");
    expect(schemaAt(chartValuesSchema, ["controller", "type"])?.enum).toEqual(["daemonset", "deployment", "statefulset"]);
    expect(schemaAt(chartValuesSchema, ["alloy", "stabilityLevel"])?.enum).toEqual(["experimental", "public-preview", "generally-available"]);
    expect(schemaAt(chartValuesSchema, ["controller", "volumeClaimTemplates"])?.type).toBe("list");
  });

  it("free-form objects accept any key", () => {
    expect(schemaAt(chartValuesSchema, ["alloy", "resources", "limits", "memory"])?.open).toBe(true);
    expect(schemaAt(chartValuesSchema, ["configReloader", "resources", "limits"])?.open).toBe(true);
  });

  it("marks deprecated keys with their replacement", () => {
    expect(schemaAt(chartValuesSchema, ["controller", "autoscaling", "enabled"])?.deprecated?.replacement).toBe(
      "controller.autoscaling.horizontal.enabled",
    );
    expect(schemaAt(chartValuesSchema, ["agent"])?.deprecated?.replacement).toBe("alloy");
  });

  it("suggests a sibling for a typo and the right section for a misplaced key", () => {
    expect(suggestKey(["controller", "mounts"])).toBe("alloy.mounts");
    expect(suggestKey(["alloy", "clusterng"])).toBe("alloy.clustering");
    expect(suggestKey(["alloy", "storagepath"])).toBe("alloy.storagePath");
    expect(suggestKey(["controller", "replica"])).toBe("controller.replicas");
    expect(suggestKey(["controller", "volumeClaimTemplate"])).toBe("controller.volumeClaimTemplates");
    expect(suggestKey(["alloy", "zzzzzzzz"])).toBeUndefined();
  });
});
