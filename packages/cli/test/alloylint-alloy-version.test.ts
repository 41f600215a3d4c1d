import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { availableAlloyVersions, componentHistory, componentNames, getComponent, releaseLineName } from "@alloy-toolkit/catalog";
import { describe, expect, it } from "vitest";
import { runAlloylint } from "../src/lint/run.js";

function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = runAlloylint(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, "test");
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), "alloylint-version-"));
const rel = (p: string) => relative(process.cwd(), p);
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return rel(join(dir, name));
};

// A generally-available component added after v1.0.0 and still there, taken from the catalog's history.
const added = componentNames().find((name) => {
  const history = componentHistory(name)!;
  return history.addedIn !== "v1.0.0" && history.stability.every((s) => s.stability === "generally-available") && ![...getComponent(name)!.attributes, ...getComponent(name)!.blocks].some((a) => a.required);
})!;
const addedIn = componentHistory(added)!.addedIn;
const lineOf = (label: string) => availableAlloyVersions.find((v) => releaseLineName(v) === label)!;
const before = availableAlloyVersions[availableAlloyVersions.indexOf(lineOf(addedIn)) - 1];
const removed = componentNames({ includeRemoved: true }).find((name) => getComponent(name)?.status === "removed")!;

const oldConfig = write("old.alloy", `logging {\n\tlevel = "info"\n}\n`);
const newConfig = write("new.alloy", `logging {\n\tlevel = "info"\n}\n\n${added} "x" {\n}\n`);
const impossible = write("impossible.alloy", `${added} "x" {\n}\n\n${removed} "y" {\n}\n`);

describe("alloylint --alloy-version", () => {
  it("checks against the release, written as v1.15.1, 1.15.1 or v1.15", () => {
    const [, minor] = /^v1\.(\d+)\./.exec(before)!;
    const expected = `${added} is not in Alloy ${before} (added in ${addedIn})`;
    for (const form of [before, before.slice(1), `v1.${minor}`]) {
      const result = run(["--alloy-version", form, newConfig]);
      expect(result.code, form).toBe(1);
      expect(result.stdout, form).toContain(`new.alloy:5:1: ${expected}`);
    }
    expect(run(["--alloy-version", lineOf(addedIn), newConfig]).code).toBe(0);
    expect(run([newConfig]).code).toBe(0);
  });

  it("wins over the release a deployment's YAML names (the chart values' image.tag)", () => {
    const values = write("values.yaml", `image:\n  tag: ${before}\n`);
    const expected = `${added} is not in Alloy ${before} (added in ${addedIn})`;
    expect(run(["--values", values, newConfig]).stdout).toContain(expected);
    expect(run(["--values", values, "--alloy-version", lineOf(addedIn), newConfig]).stdout).not.toContain(expected);
  });

  it("rejects a release the catalog does not have with a usage error listing those it has", () => {
    for (const bad of ["v2.0.0", "latest", "1"]) {
      const result = run(["--alloy-version", bad, oldConfig]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain(`alloylint: unknown --alloy-version "${bad}": give a release as v1.15.1, 1.15.1 or v1.15`);
      expect(result.stderr).toContain(`the catalog has ${availableAlloyVersions.join(", ")}`);
    }
  });
});

describe("alloylint --min-version", () => {
  it("prints the lowest release that accepts the config and the statement that sets it", () => {
    const result = run(["--min-version", newConfig, oldConfig]);
    expect(result).toEqual({
      code: 0,
      stdout: [
        `${newConfig}: ${addedIn}, set by:`,
        `  ${newConfig}:5:1: ${added} is not in Alloy ${before} (added in ${addedIn})`,
        `${oldConfig}: v1.0.0 (the oldest catalogued release accepts it)`,
        "",
      ].join("\n"),
      stderr: "",
    });
  });

  it("names an argument added later, at its line and column", () => {
    const config = write(
      "argument.alloy",
      `prometheus.scrape "s" {\n\ttargets          = []\n\tforward_to       = []\n\tscrape_protocols = ["PrometheusText0.0.4"]\n}\n`,
    );
    const since = getComponent("prometheus.scrape")!.attributes.find((a) => a.name === "scrape_protocols")!.since!;
    const previous = availableAlloyVersions[availableAlloyVersions.indexOf(lineOf(since)) - 1];
    expect(run(["--min-version", config]).stdout).toBe(
      `${config}: ${since}, set by:\n  ${config}:4:2: \`scrape_protocols\` of prometheus.scrape is not in Alloy ${previous} (added in ${since})\n`,
    );
  });

  it("says so when no release accepts the config, and exits 1", () => {
    const result = run(["--min-version", impossible]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      `${impossible}: no Alloy release from v1.0.0 to ${availableAlloyVersions.at(-1)} accepts this config (alloylint without --min-version shows its errors)\n`,
    );
  });

  it("checks a folder as one config and writes json", () => {
    const folder = join(dir, "folder");
    mkdirSync(folder);
    writeFileSync(join(folder, "a.alloy"), `${added} "x" {\n}\n`);
    writeFileSync(join(folder, "b.alloy"), `logging {\n}\n`);
    const [answer] = JSON.parse(run(["--format", "json", "--min-version", rel(folder)]).stdout);
    expect(answer).toMatchObject({ path: rel(folder), release: lineOf(addedIn), name: addedIn });
    expect(answer.setBy).toEqual([
      { file: rel(join(folder, "a.alloy")), line: 1, column: 1, code: "check/unknown-component", message: `${added} is not in Alloy ${before} (added in ${addedIn})` },
    ]);
  });

  it("takes no --alloy-version, --values, sarif or github", () => {
    expect(run(["--min-version", "--alloy-version", "v1.15.1", oldConfig]).code).toBe(2);
    expect(run(["--min-version", "--values", "values.yaml", oldConfig]).code).toBe(2);
    expect(run(["--min-version", "--format", "sarif", oldConfig]).code).toBe(2);
  });
});
