import { describe, expect, it } from "vitest";
import { mergedOrder, toRanges, versionRecord } from "../../src/generator/versioning.js";
import { projectRecord } from "../../src/versioned.js";

describe("versioned records", () => {
  it("store releases as flattened inclusive ranges", () => {
    expect(toRanges([0, 1, 2, 5, 7, 8])).toEqual([0, 2, 5, 5, 7, 8]);
  });

  it("keep the newest order and place names only older lists have after their predecessor", () => {
    expect(mergedOrder([["a", "old", "b"], ["a", "b", "new"]])).toEqual(["a", "old", "b", "new"]);
  });

  it("hold the newest facts, older differences as `was`, children only where they differ from their parent", () => {
    const v1 = { name: "c", stability: "experimental", attributes: [{ name: "x", required: true }] };
    const v2 = { name: "c", stability: "generally-available", attributes: [{ name: "x", required: false }, { name: "y", required: false }] };
    const record = versionRecord([
      { release: 0, item: v1 },
      { release: 1, item: v2 },
      { release: 2, item: v2 },
    ]);
    expect(record).toEqual({
      name: "c",
      in: [0, 2],
      stability: "generally-available",
      was: [{ in: [0, 0], set: { stability: "experimental" } }],
      attributes: [
        { name: "x", required: false, was: [{ in: [0, 0], set: { required: true } }] },
        { name: "y", in: [1, 2], required: false },
      ],
    });
    const at = (release: number) => projectRecord(record, release, () => {});
    expect(at(0)).toEqual(v1);
    expect(at(2)).toEqual(v2);
    expect(at(3)).toBeUndefined();
  });
});
