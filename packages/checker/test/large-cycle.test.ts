import { describe, expect, it } from "vitest";
import { check } from "../src/index.js";

/** `count` prometheus.relabel blocks, each forwarding to the next and the last to the first: one cycle. */
function ring(count: number): string {
  return Array.from(
    { length: count },
    (_, n) => `prometheus.relabel "r${n}" {\n\tforward_to = [prometheus.relabel.r${(n + 1) % count}.receiver]\n}\n`,
  ).join("\n");
}

const cycleDiagnostics = (count: number) =>
  check([{ filename: "ring.alloy", text: ring(count) }]).diagnostics.filter((d) => d.code === "check/cycle");

describe("check/cycle on a cycle of many components", () => {
  it("names every member, as Alloy does, when there are 50 or fewer, and relates every other when there are 11 or fewer", () => {
    const diagnostics = cycleDiagnostics(50);
    expect(diagnostics).toHaveLength(50);
    expect(diagnostics[0].message.split(", ")).toHaveLength(50);
    expect(diagnostics[0].related).toHaveLength(10);
    const small = cycleDiagnostics(11);
    expect(small.every((d) => d.related!.length === 10)).toBe(true);
  });

  it("names the first 50 members and counts the others when there are more, so the output grows with the cycle", () => {
    const diagnostics = cycleDiagnostics(3_000);
    expect(diagnostics).toHaveLength(3_000);
    for (const diagnostic of [diagnostics[0], diagnostics[2_999]]) {
      expect(diagnostic.message).toMatch(/^cycle detected: prometheus\.relabel\.r0, prometheus\.relabel\.r1, .* and 2950 more$/);
      expect(diagnostic.message.split(", ")).toHaveLength(50);
      expect(diagnostic.related).toHaveLength(10);
      expect(diagnostic.related!.every((r) => r.message.endsWith(" is part of the cycle"))).toBe(true);
    }
    // A member among the first ones is not related to itself.
    const first = diagnostics.find((d) => d.range.start.line === 1)!;
    expect(first.related!.some((r) => r.range.start.line === 1)).toBe(false);
  });
});
