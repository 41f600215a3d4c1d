import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { format } from "../src/index.js";

const fixturesDir = fileURLToPath(new URL("./fixtures", import.meta.url));

describe("formatter fixtures (input.alloy → output.alloy)", () => {
  const cases = readdirSync(fixturesDir).sort();

  it("has fixtures", () => {
    expect(cases.length).toBeGreaterThan(5);
  });

  it.each(cases)("%s", (name) => {
    const input = readFileSync(join(fixturesDir, name, "input.alloy"), "utf8");
    const output = readFileSync(join(fixturesDir, name, "output.alloy"), "utf8");
    expect(format(input)).toBe(output);
    expect(format(output)).toBe(output);
  });
});
