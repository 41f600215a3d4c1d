import { describe, expect, it } from "vitest";
import { analyze } from "../src/core.js";
import { derived, derivedValue } from "../src/derived.js";

const CONFIG = `prometheus.scrape "a" {
	targets    = []
	forward_to = []
}
`;

describe("derivedValue", () => {
  it("computes a derived value once per model and returns that same value afterwards", () => {
    let computed = 0;
    const count = derived((model) => {
      computed++;
      return { symbols: model.symbols.length };
    });
    const model = analyze([{ filename: "main.alloy", text: CONFIG }]);
    const first = derivedValue(model, count);
    expect(derivedValue(model, count)).toBe(first);
    expect(first).toEqual({ symbols: 1 });
    expect(computed).toBe(1);
  });

  it("computes it again for another model, and keeps different derivations apart", () => {
    const ids = derived((model) => model.symbols.map((s) => s.id).sort());
    const count = derived((model) => model.symbols.length);
    const one = analyze([{ filename: "main.alloy", text: CONFIG }]);
    const two = analyze([{ filename: "main.alloy", text: CONFIG + 'logging {\n\tlevel = "info"\n}\n' }]);
    expect(derivedValue(one, ids)).toEqual(["prometheus.scrape.a"]);
    expect(derivedValue(two, ids)).toEqual(["logging", "prometheus.scrape.a"]);
    expect(derivedValue(one, count)).toBe(1);
    expect(derivedValue(two, count)).toBe(2);
  });

  it("remembers an undefined value without computing it again", () => {
    let computed = 0;
    const nothing = derived(() => {
      computed++;
      return undefined;
    });
    const model = analyze([{ filename: "main.alloy", text: CONFIG }]);
    derivedValue(model, nothing);
    derivedValue(model, nothing);
    expect(computed).toBe(1);
  });
});
