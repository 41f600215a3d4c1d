import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkDeployment, findDeploymentConfigs } from "../src/index.js";
import { filesOf } from "./fixtures.js";

// The configs written inside YAML, as an editor reads them (findDeploymentConfigs): the very configs the check
// finds, each mapped into its file and back, for every realistic input of `inputs/`.
const inputs = fileURLToPath(new URL("inputs/", import.meta.url));

const cases = readdirSync(inputs)
  .sort()
  .flatMap((kind) => readdirSync(join(inputs, kind)).sort().map((name) => join(kind, name)));

describe("findDeploymentConfigs", () => {
  for (const name of cases) {
    it(`${name}: the configs the check reads, each character mapped to its file and back`, () => {
      const files = filesOf(join(inputs, name));
      const readFile = (path: string) => files.find((f) => f.file === path)?.text;
      const found = findDeploymentConfigs(files, { readFile });
      expect(found.map((c) => c.name)).toEqual(checkDeployment(files, { readFile }).configs.map((c) => c.name));
      for (const config of found) {
        const host = files.find((f) => f.file === config.file)!.text;
        expect(config.exact).toBe(true);
        for (let offset = 0; offset < config.text.length; offset++) {
          const fileOffset = config.fileOffset(offset);
          // Blanked Helm actions aside, each character is written where it maps to (an escape decodes to one).
          if (config.text[offset] !== " " && host[fileOffset] !== "\\") expect(host[fileOffset]).toBe(config.text[offset]);
          expect(config.textOffset(fileOffset)).toBe(offset);
        }
      }
    });
  }

  it("finds nothing in YAML that holds no Alloy", () => {
    expect(findDeploymentConfigs(filesOf(join(inputs, "no-alloy/clean-nginx")))).toEqual([]);
  });

  it("gives the file's indentation for a line break inserted in a block scalar, even nested (Argo's values: |)", () => {
    const files = filesOf(join(inputs, "argo/mistakes-values-string"));
    const [config] = findDeploymentConfigs(files);
    const host = files.find((f) => f.file === config.file)!.text;
    const second = config.text.indexOf("\n") + 1;
    const at = config.fileOffset(second);
    const lineStart = host.lastIndexOf("\n", at - 1) + 1;
    expect(config.lineIndentation(second)).toBe(host.slice(lineStart, at));
    expect(config.lineIndentation(second)!.length).toBeGreaterThan(8);
    expect(config.textOffset(0)).toBeUndefined();
  });
});
