import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";

/**
 * The runtime uses no Node built-in at any time: bundled for a browser, the package resolves without one,
 * and the bundle answers as the package does. The generator (dist/generator) is dev-time only and not part
 * of the runtime's import graph.
 */
describe("the runtime bundled for a browser", () => {
  const entry = fileURLToPath(new URL("../src/index.ts", import.meta.url));

  it("bundles with esbuild for the browser platform, without Node built-ins", async () => {
    const result = await esbuild.build({ entryPoints: [entry], bundle: true, write: false, platform: "browser", format: "esm", logLevel: "silent", metafile: true });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => i.includes("generator"))).toBe(false);
    expect(inputs.filter((i) => /^node:|^(fs|url|path|module)$/.test(i))).toEqual([]);
    const bundle = result.outputFiles[0].text;
    const catalog = await import(`data:text/javascript;base64,${Buffer.from(bundle).toString("base64")}`);
    expect(catalog.getComponent("prometheus.scrape").name).toBe("prometheus.scrape");
    expect(catalog.componentAvailability("discovery.aws", "v1.17.1").status).toBe("not-yet-added");
  });
});
