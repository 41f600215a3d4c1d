import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { rules } from "@alloy-toolkit/checker";
import { deploymentRules } from "@alloy-toolkit/deployment";
import { describe, expect, it } from "vitest";
import { runAlloylint } from "../src/lint/run.js";

const require = createRequire(import.meta.url);
// The SARIF 2.1.0 schema (draft-04, the OASIS release as published by Microsoft's SARIF SDK, MIT) from the
// npm package that ships it: nothing is downloaded when the tests run.
const schema = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
// The schema's language pattern (`^[a-zA-Z]{2}|…]?$`) is not valid with the `u` flag, which Ajv uses by default.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

const fixtures = join(import.meta.dirname, "fixtures", "lint");
const rel = (p: string) => relative(process.cwd(), p);
const config = join(fixtures, "sarif", "config.alloy");

function sarifOf(args: string[]) {
  let stdout = "";
  runAlloylint(["--format", "sarif", ...args], { stdout: (t) => (stdout += t), stderr: () => {} }, "1.2.3");
  return JSON.parse(stdout);
}

function expectValid(log: unknown) {
  const valid = validateSarif(log);
  expect(valid ? [] : validateSarif.errors).toEqual([]);
}

describe("alloylint --format sarif", () => {
  const log = sarifOf([rel(config)]);
  const run = log.runs[0];
  const result = (ruleId: string) => run.results.find((r: { ruleId: string }) => r.ruleId === ruleId);

  it("is valid SARIF 2.1.0", () => {
    expect(log.version).toBe("2.1.0");
    expectValid(log);
    expectValid(sarifOf([rel(join(fixtures, "k8s")), rel(join(fixtures, "inline-values.yaml"))]));
    expectValid(sarifOf([join(fixtures, "sarif")]));
  });

  it("lists every config and deployment rule with its documentation and default level", () => {
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual([...rules, ...deploymentRules].map((r) => r.id));
    expect(ids.some((id: string) => id.startsWith("deploy/"))).toBe(true);
    expect(ids.some((id: string) => id.startsWith("values/"))).toBe(true);
    const unknown = run.tool.driver.rules.find((r: { id: string }) => r.id === "check/unknown-attribute");
    expect(unknown).toMatchObject({
      helpUri: "https://github.com/alloy-toolkit/alloy-toolkit/blob/main/packages/checker/README.md#check-unknown-attribute",
      defaultConfiguration: { level: "error" },
    });
    const deployRule = run.tool.driver.rules.find((r: { id: string }) => r.id.startsWith("deploy/"));
    expect(deployRule.helpUri).toBe(`https://github.com/alloy-toolkit/alloy-toolkit/blob/main/packages/deployment/README.md#${deployRule.id.replace("/", "-")}`);
    expect(ids[result("check/duplicate-block").ruleIndex]).toBe("check/duplicate-block");
  });

  it("counts columns in UTF-16 code units, relative to the working folder", () => {
    expect(run.columnKind).toBe("utf16CodeUnits");
    expect(run.originalUriBaseIds["%SRCROOT%"].uri).toBe(pathToFileURL(process.cwd() + "/").href);
    // `filenam  = "🚀"`: the emoji is two code units, so the attribute ends at column 18 (17 in code points).
    expect(result("check/unknown-attribute").locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: rel(config), uriBaseId: "%SRCROOT%" },
      region: { startLine: 3, startColumn: 3, endLine: 3, endColumn: 18 },
    });
  });

  it("gives a diagnostic's fix as replacements", () => {
    expect(result("check/unknown-attribute").fixes).toEqual([
      {
        description: { text: 'Rename to "filename"' },
        artifactChanges: [
          {
            artifactLocation: { uri: rel(config), uriBaseId: "%SRCROOT%" },
            replacements: [{ deletedRegion: { startLine: 3, startColumn: 3, endLine: 3, endColumn: 10 }, insertedContent: { text: "filename" } }],
          },
        ],
      },
    ]);
  });

  it("gives related information as related locations", () => {
    // The first `local.file "a"` block, lines 1 to 4.
    expect(result("check/duplicate-block").relatedLocations).toEqual([
      {
        id: 0,
        message: { text: "first declared here" },
        physicalLocation: { artifactLocation: { uri: rel(config), uriBaseId: "%SRCROOT%" }, region: { startLine: 1, startColumn: 1, endLine: 4, endColumn: 2 } },
      },
    ]);
  });

  it("names absolute paths by file URI, and escapes what a URI cannot hold", () => {
    const absolute = sarifOf([config]).runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    expect(absolute).toEqual({ uri: pathToFileURL(config).href });
    let stdout = "";
    runAlloylint(["--format", "sarif", "--stdin-filename", "my config.alloy", "-"], {
      stdout: (t) => (stdout += t),
      stderr: () => {},
      readStdin: () => 'local.file "a" {\n}\n',
    });
    const named = JSON.parse(stdout);
    expectValid(named);
    expect(named.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: "my%20config.alloy", uriBaseId: "%SRCROOT%" });
  });
});
