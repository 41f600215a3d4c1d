import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { checkValuesFile } from "../src/index.js";

const examples = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "examples");

describe("examples/*/values.yaml", () => {
  for (const name of ["clustered-scrape", "daemonset-logs", "otlp-gateway"]) {
    const text = readFileSync(join(examples, name, "values.yaml"), "utf8");

    it(`${name}: no diagnostic at all`, () => {
      const { diagnostics, isChartValues } = checkValuesFile(text, { filename: `${name}/values.yaml` });
      expect(isChartValues).toBe(true);
      expect(diagnostics).toEqual([]);
    });

    it(`${name}: the inline config is config.alloy, byte for byte`, () => {
      const content = parseDocument(text).getIn(["alloy", "configMap", "content"]);
      expect(content).toBe(readFileSync(join(examples, name, "config.alloy"), "utf8"));
    });
  }
});

describe("examples/mistakes", () => {
  const files = readdirSync(join(examples, "mistakes")).filter((f) => f.endsWith(".yaml")).sort();

  it("has a file per deployment rule", () => {
    expect(files.length).toBe(19);
  });

  for (const file of files) {
    it(`${file} shows exactly its rule`, () => {
      const { diagnostics } = checkValuesFile(readFileSync(join(examples, "mistakes", file), "utf8"), { filename: file });
      expect(diagnostics.length).toBeGreaterThan(0);
      expect([...new Set(diagnostics.map((d) => d.code.split("/")[1]))]).toEqual([file.replace(/\.yaml$/, "")]);
    });
  }
});
