import { describe, expect, it } from "vitest";
import { analyze, blocksAt, scopeAt, symbolAt, usesOf, type SemanticModel } from "../src/index.js";

/** The offset of the `n`th occurrence (0-based) of `needle` in the model's file, plus `delta`. */
function at(model: SemanticModel, file: string, needle: string, delta = 0, n = 0): number {
  const text = model.documents.find((d) => d.filename === file)?.text ?? model.modules.flatMap((m) => m.documents).find((d) => d.filename === file)!.text;
  let index = -1;
  for (let k = 0; k <= n; k++) index = text.indexOf(needle, index + 1);
  return index + delta;
}

describe("navigation over the semantic model", () => {
  it("finds a component declared inside a foreach template from its references", () => {
    const text = `foreach "each" {
	collection = [1, 2]
	var        = "item"

	template {
		prometheus.remote_write "inner" {
			endpoint {
				url = "http://x"
			}
		}

		prometheus.scrape "s" {
			targets    = []
			forward_to = [prometheus.remote_write.inner.receiver]
		}
	}
}
`;
    const model = analyze([{ filename: "c.alloy", text }]);
    const found = symbolAt(model, "c.alloy", at(model, "c.alloy", "inner.receiver", 1))!;
    expect(found.symbol.id).toBe("prometheus.remote_write.inner");
    expect(found.symbol.scope.kind).toBe("foreach");
    expect(usesOf(model, found.symbol).map((u) => u.kind)).toEqual(["reference"]);
    expect(scopeAt(model, "c.alloy", at(model, "c.alloy", "prometheus.scrape"))?.kind).toBe("foreach");
  });

  it("reads imported modules as documents of their own: instantiations, argument names and exports", () => {
    const lib = `declare "add" {
	argument "a" { }
	argument "b" {
		optional = true
	}
	export "sum" {
		value = argument.a.value + 1
	}
}
`;
    const main = `import.file "math" {
	filename = "lib.alloy"
}

math.add "x" {
	a = 1
}

local.file "f" {
	filename = string.format("%d", math.add.x.sum)
}
`;
    const model = analyze([{ filename: "main.alloy", text: main }], { resolveImport: (name) => (name === "lib.alloy" ? { filename: "lib.alloy", text: lib } : undefined) });
    expect(model.modules.map((m) => m.documents.map((d) => d.filename))).toEqual([["lib.alloy"]]);
    const declare = symbolAt(model, "main.alloy", at(model, "main.alloy", "add"))!;
    expect(declare.symbol).toMatchObject({ name: "declare", label: "add", document: { filename: "lib.alloy" } });
    const imported = symbolAt(model, "main.alloy", at(model, "main.alloy", "math.add"))!;
    expect(imported.symbol.id).toBe("import.file.math");
    const argument = symbolAt(model, "main.alloy", at(model, "main.alloy", "a = 1"))!;
    expect(argument.symbol).toMatchObject({ id: "argument.a", document: { filename: "lib.alloy" } });
    expect(usesOf(model, argument.symbol).map((u) => `${u.document.filename}:${u.kind}`).sort()).toEqual(["lib.alloy:reference", "main.alloy:argument-name"]);
    const exported = symbolAt(model, "main.alloy", at(model, "main.alloy", "sum", 1))!;
    expect(exported.symbol.id).toBe("export.sum");
    const definition = model.symbols.find((s) => s.id === "math.add.x")!.module!;
    expect(definition.arguments.map((a) => [a.name, a.required])).toEqual([["a", true], ["b", false]]);
  });

  it("gives the blocks on the way to a position with their schemas", () => {
    const text = `prometheus.remote_write "w" {
	endpoint {
		basic_auth {
			username = "u"
		}
	}
}
`;
    const model = analyze([{ filename: "c.alloy", text }]);
    const path = blocksAt(model, "c.alloy", at(model, "c.alloy", "username"));
    expect(path.map((p) => p.block.name)).toEqual(["prometheus.remote_write", "endpoint", "basic_auth"]);
    expect(path[0].symbol?.kind).toBe("component");
    expect(path[2].container?.attributes.some((a) => a.name === "password")).toBe(true);
  });
});
