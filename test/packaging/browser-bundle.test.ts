import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { repoRoot } from "./packages.js";

const { project } = inject("packed");
const CHROMIUM = "/usr/bin/chromium";

/** A config with a wiring mistake, checked in the page and in Node. */
const config = `prometheus.scrape "pods" {
  targets    = [{"__address__" = "app:8080"}]
  forward_to = [loki.write.logs.receiver]
}

loki.write "logs" {
  endpoint {
    url = "http://loki:3100/loki/api/v1/push"
  }
}
`;

/** Bundles `entry` (source text) for the browser from the installed tarballs; fails on any Node built-in. */
async function bundleForBrowser(name: string, entry: string): Promise<string> {
  const file = join(project, `${name}.browser-entry.js`);
  writeFileSync(file, entry);
  const result = await build({
    entryPoints: [file],
    absWorkingDir: project,
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "chrome120",
    write: false,
    logLevel: "silent",
    metafile: true,
  });
  expect(Object.keys(result.metafile.inputs).filter((input) => input.startsWith("node:") || !input.includes("node_modules") && input !== `${name}.browser-entry.js`)).toEqual([]);
  return result.outputFiles[0].text;
}

/** Chromium: Debian's. Under CI it is installed (the e2e's set-up step); elsewhere the browser run is skipped. */
function chromiumPath(): string | undefined {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.env.CI === "true") {
    execFileSync(join(repoRoot, ".ci", "install-debian-packages"), ["chromium"], { stdio: "inherit" });
    return CHROMIUM;
  }
  return undefined;
}

describe("bundled for the browser", () => {
  for (const [pkg, entry] of [
    ["parser", `import { parse } from "@alloy-toolkit/parser"; globalThis.out = parse("a = 1\\n").diagnostics.length;`],
    ["formatter", `import { format } from "@alloy-toolkit/formatter"; globalThis.out = format("a=1\\n");`],
    ["deployment", `import { checkValuesFile } from "@alloy-toolkit/deployment"; globalThis.out = checkValuesFile("alloy: {}\\n", {}).isChartValues;`],
  ] as const) {
    it(`@alloy-toolkit/${pkg} bundles with esbuild for the browser, no Node built-in`, async () => {
      expect((await bundleForBrowser(pkg, entry)).length).toBeGreaterThan(0);
    });
  }

  it("the checker runs in headless Chromium and reports the diagnostics Node reports", async (context) => {
    const bundle = await bundleForBrowser(
      "checker",
      `import { check } from "@alloy-toolkit/checker";
globalThis.checkConfig = (text) => check([{ filename: "config.alloy", text }]).diagnostics.map((d) => ({ code: d.code, message: d.message, line: d.range.start.line, column: d.range.start.column }));`,
    );
    const executablePath = chromiumPath();
    if (executablePath === undefined) {
      console.warn(`[skipped] the checker in headless Chromium: ${CHROMIUM} not found (install Debian's chromium; under CI=true the test installs it)`);
      context.skip();
      return;
    }
    const browser = await chromium.launch({ executablePath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.setContent("<!doctype html><title>checker</title>");
      await page.addScriptTag({ content: bundle });
      const inBrowser = await page.evaluate((text) => (globalThis as any).checkConfig(text), config);
      // The installed package in Node (required: Node's require(esm)), for comparison.
      const { check } = createRequire(join(project, "package.json"))("@alloy-toolkit/checker");
      const inNode = check([{ filename: "config.alloy", text: config }]).diagnostics.map((d: any) => ({ code: d.code, message: d.message, line: d.range.start.line, column: d.range.start.column }));
      expect(errors).toEqual([]);
      expect(inBrowser).toEqual(inNode);
      expect(inBrowser.map((d: { code: string }) => d.code)).toContain("check/reference-type");
    } finally {
      await browser.close();
    }
  });
});
