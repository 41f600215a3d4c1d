import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parse } from "@alloy-toolkit/parser";
import { describe, expect, it } from "vitest";
import { analyze, analyzeDocuments, checkModel, resolveOptions } from "../src/core.js";
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

/** A config of `copies` clustered scrape pipelines (discovery, relabel, scrape), as in the language server's bench. */
function pipelines(copies: number): string {
  let text = 'prometheus.remote_write "default" {\n\tendpoint {\n\t\turl = "http://mimir/api/v1/push"\n\t}\n}\n\n';
  for (let i = 0; i < copies; i++) {
    text += `discovery.kubernetes "pods_${i}" {\n\trole = "pod"\n}\n\n`;
    text += `discovery.relabel "pods_${i}" {\n\ttargets = discovery.kubernetes.pods_${i}.targets\n\n\trule {\n\t\tsource_labels = ["__meta_kubernetes_namespace"]\n\t\ttarget_label  = "namespace"\n\t}\n}\n\n`;
    text += `prometheus.scrape "pods_${i}" {\n\ttargets    = discovery.relabel.pods_${i}.output\n\tforward_to = [prometheus.remote_write.default.receiver]\n\n\tclustering {\n\t\tenabled = true\n\t}\n}\n\n`;
  }
  return text;
}

describe("derived values and garbage collection", () => {
  it("become garbage with their model in young-generation collections (nothing of them is promoted)", () => {
    // V8 keeps the values of a WeakMap alive through young-generation collections while the key is young: caches
    // in a module-level WeakMap keyed by the model were promoted with every analysis (see derived.ts).
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as (options?: { type: "minor" | "major" }) => void;
    const text = pipelines(400);
    const parsed = parse(text, { filename: "main.alloy" });
    const document = { filename: "main.alloy", text, ast: parsed.ast, lineIndex: parsed.lineIndex, parseDiagnostics: parsed.diagnostics };
    const options = resolveOptions({});
    const analyzeAndCheck = () => checkModel(analyzeDocuments([document], options)).diagnostics.length;
    // The first runs fill the per-block caches of the (unchanging) tree and promote it with them.
    for (let k = 0; k < 5; k++) analyzeAndCheck();
    gc({ type: "major" });
    const oldSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === "old_space")!.space_used_size;
    const before = oldSpace();
    const runs = 20;
    for (let k = 0; k < runs; k++) {
      expect(analyzeAndCheck()).toBe(0);
      gc({ type: "minor" });
      gc({ type: "minor" });
    }
    const promotedPerRun = (oldSpace() - before) / runs;
    // Measured on Node 20: 30-45 KB a run, and about 420 KB a run with the values in a WeakMap keyed by the model.
    expect(promotedPerRun).toBeLessThan(150_000);
  });
});
