import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { GoFileReader } from "../../src/generator/go/read-go-file.js";
import { readRelease, type ReleaseStructure } from "../../src/generator/go/read-release.js";
import { buildsOnCatalogPlatform } from "../../src/generator/go/source-tree.js";
import { typeToString } from "../../src/types.js";

/** The decoder's rules on a made-up release (test/fixtures/go-release/v9.9.9), one rule per field of its Arguments. */
describe("reading a release's Go source", () => {
  let release: ReleaseStructure;
  beforeAll(async () => {
    release = readRelease(fileURLToPath(new URL("../fixtures/go-release/v9.9.9", import.meta.url)), await GoFileReader.create());
  });
  const args = () => release.components.get("demo.component")!.arguments;
  const attribute = (name: string) => args().attributes.find((a) => a.name === name);
  const block = (name: string) => args().blocks.find((b) => b.name === name);

  it("finds the registration, its constant name, stability and commit", () => {
    expect([...release.components.keys()]).toEqual(["demo.component"]);
    expect(release.components.get("demo.component")?.stability).toBe("public-preview");
    expect(release.commit).toBe("0123456789012345678901234567890123456789");
    expect(release.problems).toEqual([]);
  });

  it("reads attributes in struct order, squashed fields where they are, required unless optional", () => {
    expect(args().attributes.map((a) => `${a.name}${a.required ? "!" : ""}: ${typeToString(a.type)}`)).toEqual([
      "timeout: string",
      "mode: string",
      "targets!: list(map(string))",
      "interval: duration",
      "level: string",
    ]);
  });

  it("takes allowed values from a set lookup in UnmarshalText and from a switch in Validate", () => {
    expect(attribute("mode")?.enum).toEqual(["fast", "safe"]);
    expect(attribute("level")?.enum).toEqual(["low", "high"]);
  });

  it("repeats slice and array blocks, labels blocks with a label field, opens map blocks", () => {
    expect(block("rule")).toMatchObject({ repeatable: true, labelled: true, required: false });
    expect(block("pair")).toMatchObject({ repeatable: true, labelled: true });
    expect(block("labels")).toMatchObject({ repeatable: false, openAttributes: { kind: "string" }, attributes: [] });
    expect(block("server")).toMatchObject({ required: true, repeatable: false });
  });

  it("gives a struct met inside itself its attributes and the blocks of its first occurrence", () => {
    const nested = block("server")!.blocks.find((b) => b.name === "nested")!;
    expect(nested.attributes.map((a) => a.name)).toEqual(["address"]);
    expect(nested.inheritsBlocksFrom).toEqual(["server"]);
  });

  it("turns an enum of blocks into repeatable <enum>.<block> blocks, recursive ones inheriting", () => {
    expect(args().blocks.filter((b) => b.name.startsWith("stage.")).map((b) => `${b.name} ${b.repeatable}`)).toEqual(["stage.match true", "stage.drop true"]);
    const match = block("stage.match")!;
    expect(match.blocks).toEqual([]);
    expect(match.inheritsBlocksFrom).toEqual([]);
  });

  it("reads exports, interfaces as capsules", () => {
    expect(release.components.get("demo.component")?.exports.map((e) => `${e.name}: ${typeToString(e.type)}`)).toEqual(["receiver: capsule(interface)"]);
  });

  it("evaluates build constraints for linux/amd64 with cgo and the journal tag", () => {
    expect(buildsOnCatalogPlatform("linux && cgo && promtail_journal_enabled")).toBe(true);
    expect(buildsOnCatalogPlatform("!linux || !cgo")).toBe(false);
    expect(buildsOnCatalogPlatform("(linux && arm64) || (linux && amd64)")).toBe(true);
    expect(buildsOnCatalogPlatform("windows")).toBe(false);
    expect(buildsOnCatalogPlatform(undefined)).toBe(true);
  });
});
