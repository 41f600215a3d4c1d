import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBundle, bundleFile, codeCache } from "../scripts/bundle.mjs";
import { BUNDLE_HASH_TAG, cacheHeader, withHashTag } from "../bin/run-bundle.js";
import { ensureBuilt, LspClient, packageRoot, serverBin } from "./support/lsp-client.js";

const misspelled = 'prometheus.scrap "x" {\n}\n';

/** Opens a config with a misspelled component and returns the message of its first diagnostic (which needs the catalog). */
async function firstDiagnostic(client: LspClient, dir: string): Promise<string> {
  const uri = pathToFileURL(join(dir, "config.alloy")).toString();
  client.open(uri, misspelled);
  const diagnostics = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
  return diagnostics[0].message;
}

/**
 * Starts the bin of the package copy `dir`, checks it reports the misspelled component (reading the catalog)
 * and exits with 0 when stopped; returns what it wrote on stderr.
 */
async function servesFrom(dir: string, transport: "stdio" | "node-ipc" = "stdio"): Promise<string> {
  const client = await LspClient.start({ bin: join(dir, "bin", basename(serverBin)), transport });
  expect(await firstDiagnostic(client, dir)).toContain('did you mean "prometheus.scrape"');
  expect(await client.stop()).toBe(0);
  return client.stderr;
}

/**
 * A copy of the package's layout in a temporary folder: package.json, bin/, and in dist/ copies of the files
 * `copy` and links to the entries `link` of the package's dist/; node_modules holds links to the workspace's
 * `dependencies`.
 */
function packageLayout({ copy = [], link = [], dependencies = [] }: { copy?: string[]; link?: string[]; dependencies?: string[] }): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "alloy-language-server-")));
  copyFileSync(join(packageRoot, "package.json"), join(dir, "package.json"));
  cpSync(join(packageRoot, "bin"), join(dir, "bin"), { recursive: true });
  mkdirSync(join(dir, "dist"));
  for (const entry of copy) copyFileSync(join(packageRoot, "dist", entry), join(dir, "dist", entry));
  for (const entry of link) symlinkSync(join(packageRoot, "dist", entry), join(dir, "dist", entry));
  for (const name of dependencies) {
    mkdirSync(join(dir, "node_modules", name, ".."), { recursive: true });
    symlinkSync(realpathSync(join(packageRoot, "node_modules", name)), join(dir, "node_modules", name), "dir");
  }
  return dir;
}

describe("the bin runs the bundled server", () => {
  beforeAll(() => ensureBuilt());

  it("bundle is what scripts/bundle.mjs makes of dist/ as it is now", async () => {
    const fresh = readFileSync(bundleFile, "utf8") === (await buildBundle());
    expect(fresh, `${bundleFile} is stale: run pnpm build`).toBe(true);
  });

  describe("from a copy of the package holding the bundle but not dist/main.js", () => {
    let dir: string;
    beforeAll(() => {
      // The catalog is bundled, its JSON data is read from the catalog package.
      dir = packageLayout({ copy: [basename(bundleFile)], dependencies: ["@alloy-toolkit/catalog"] });
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("serves over --stdio, with the catalog data read from the catalog package", async () => {
      expect(await servesFrom(dir)).toBe("");
    });

    it("serves over --node-ipc", async () => {
      await servesFrom(dir, "node-ipc");
    });

    it("starts and serves without loading crypto or child_process (only rarely taken paths use them)", async () => {
      const preload = join(packageRoot, "test", "fixtures", "preload", "report-builtins.cjs");
      const client = await LspClient.start({ bin: join(dir, "bin", basename(serverBin)), env: { NODE_OPTIONS: `--require ${preload}` } });
      expect(await firstDiagnostic(client, dir)).toContain('did you mean "prometheus.scrape"');
      expect(await client.stop()).toBe(0);
      expect(client.stderr).toBe("loaded built-ins: []\n");
    });

    it("prints its usage for --help and without a transport", () => {
      const bin = join(dir, "bin", basename(serverBin));
      const options = { encoding: "utf8", env: { ...process.env, ALLOY_LANGUAGE_SERVER_CODE_CACHE_DIR: "" } } as const;
      const help = spawnSync(process.execPath, [bin, "--help"], options);
      expect([help.status, help.stderr]).toEqual([0, expect.stringContaining("usage: alloy-language-server --stdio")]);
      expect(spawnSync(process.execPath, [bin], options).status).toBe(2);
    });
  });

  describe("with the V8 code cache the build writes", () => {
    /** What bin/run-bundle.js makes of a bundle's code cache, asked in a fresh node process (V8 checks its flags). */
    const cacheState = (bundle: string): string =>
      spawnSync(process.execPath, ["-e", `process.stdout.write(require(${JSON.stringify(join(packageRoot, "bin", "run-bundle.js"))}).compileBundle(${JSON.stringify(bundle)}).cache)`], {
        encoding: "utf8",
      }).stdout;
    const dirs: string[] = [];
    afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

    /** A package copy with the bundle changed by `editBundle` and the cache changed by `editCache`. */
    function layoutWith(editBundle: (text: string) => string, editCache: (bytes: Buffer) => Buffer): string {
      const dir = packageLayout({ dependencies: ["@alloy-toolkit/catalog"] });
      dirs.push(dir);
      writeFileSync(join(dir, "dist", basename(bundleFile)), editBundle(readFileSync(bundleFile, "utf8")));
      writeFileSync(join(dir, "dist", basename(codeCache)), editCache(readFileSync(codeCache)));
      return dir;
    }

    it("is used for the bundle it was made from", async () => {
      expect(cacheState(bundleFile)).toBe("used");
      expect(await servesFrom(layoutWith((text) => text, (bytes) => bytes))).toBe("");
    });

    it("is tied to the bundle by the SHA-256 on the bundle's last line, that of the bytes before it, and to this V8", () => {
      const bundle = readFileSync(bundleFile, "utf8");
      const tagAt = bundle.lastIndexOf(BUNDLE_HASH_TAG);
      expect(withHashTag(bundle.slice(0, tagAt))).toBe(bundle);
      const cache = readFileSync(codeCache);
      const hash = bundle.slice(tagAt + BUNDLE_HASH_TAG.length, -1);
      expect(cache.toString("latin1", 0, cache.indexOf(10))).toBe(`${hash} ${process.arch} v8-${process.versions.v8}`);
      expect(cacheHeader(hash)).toBe(`${hash} ${process.arch} v8-${process.versions.v8}`);
    });

    it("is ignored when another V8 made it (its first line says so): the start keeps its own cache, which the next start uses", async () => {
      const otherV8 = (bytes: Buffer) => {
        const newline = bytes.indexOf(10);
        const header = bytes.toString("latin1", 0, newline).replace(/ v8-[^ ]+$/, " v8-0.0.0.0-other");
        return Buffer.concat([Buffer.from(header, "latin1"), bytes.subarray(newline)]);
      };
      const dir = layoutWith((text) => text, otherV8);
      const bundle = join(dir, "dist", basename(bundleFile));
      const own = join(dir, "own-cache");
      const state = (env: NodeJS.ProcessEnv) =>
        spawnSync(
          process.execPath,
          ["-e", `const rb = require(${JSON.stringify(join(dir, "bin", "run-bundle.js"))}); const c = rb.compileBundle(${JSON.stringify(bundle)}, [rb.ownCodeCacheFile(${JSON.stringify(bundle)}), rb.codeCacheFile(${JSON.stringify(bundle)})].filter(Boolean)); process.stdout.write(c.cache + " " + c.cacheFile)`],
          { encoding: "utf8", env: { ...process.env, ...env } },
        ).stdout;
      expect(state({ ALLOY_LANGUAGE_SERVER_CODE_CACHE_DIR: own })).toBe("stale undefined");
      // The first start serves (compiled from source) and writes its own cache as it exits.
      const client = await LspClient.start({ bin: join(dir, "bin", basename(serverBin)), env: { ALLOY_LANGUAGE_SERVER_CODE_CACHE_DIR: own } });
      expect(await firstDiagnostic(client, dir)).toContain('did you mean "prometheus.scrape"');
      expect(await client.stop()).toBe(0);
      expect(client.stderr).toBe("");
      const written = readdirSync(own);
      expect(written).toEqual([`alloy-language-server-${process.arch}-v8-${process.versions.v8}.v8-cache`]);
      expect(state({ ALLOY_LANGUAGE_SERVER_CODE_CACHE_DIR: own })).toBe(`used ${join(own, written[0])}`);
      // Set empty, no folder: the start keeps no cache.
      expect(state({ ALLOY_LANGUAGE_SERVER_CODE_CACHE_DIR: "" })).toBe("stale undefined");
    });

    it("keeps its own cache in the user's cache folder when no folder is set (XDG_CACHE_HOME here)", () => {
      const home = realpathSync(mkdtempSync(join(tmpdir(), "alloy-cache-home-")));
      dirs.push(home);
      const { ALLOY_LANGUAGE_SERVER_CODE_CACHE_DIR: _, ...env } = process.env;
      const file = spawnSync(process.execPath, ["-e", `process.stdout.write(require(${JSON.stringify(join(packageRoot, "bin", "run-bundle.js"))}).ownCodeCacheFile("/x/dist/alloy-language-server.cjs"))`], {
        encoding: "utf8",
        env: { ...env, XDG_CACHE_HOME: home },
      }).stdout;
      const expected =
        process.platform === "linux" ? join(home, "alloy-language-server", `alloy-language-server-${process.arch}-v8-${process.versions.v8}.v8-cache`) : undefined;
      if (expected) expect(file).toBe(expected);
      else expect(file).toMatch(/alloy-language-server.*\.v8-cache$/);
    });

    it("is ignored for a rebuilt bundle of the same length (another hash on its last line)", async () => {
      const dir = layoutWith((text) => {
        const body = text.slice(0, text.lastIndexOf(BUNDLE_HASH_TAG));
        // One character changed in a string the server never shows: the same length, another text.
        const changed = body.replace("request cancelled", "request canceled!");
        expect(changed).not.toBe(body);
        return withHashTag(changed);
      }, (bytes) => bytes);
      expect(cacheState(join(dir, "dist", basename(bundleFile)))).toBe("stale");
      expect(await servesFrom(dir)).toBe("");
    });

    it("is ignored for another bundle, which compiles from source and serves", async () => {
      const dir = layoutWith((text) => `${text}// changed\n`, (bytes) => bytes);
      expect(cacheState(join(dir, "dist", basename(bundleFile)))).toBe("stale");
      expect(await servesFrom(dir)).toBe("");
    });

    it("is ignored when V8 rejects it, and the bundle still serves", async () => {
      const dir = layoutWith(
        (text) => text,
        (bytes) => Buffer.concat([bytes.subarray(0, bytes.indexOf(10) + 1), Buffer.alloc(bytes.length - bytes.indexOf(10) - 1, 7)]),
      );
      expect(cacheState(join(dir, "dist", basename(bundleFile)))).toBe("rejected");
      expect(await servesFrom(dir)).toBe("");
    });
  });

  describe("from a copy of the package without the bundle", () => {
    let dir: string;
    beforeAll(() => {
      const unbundled = readdirSync(join(packageRoot, "dist")).filter((entry) => entry !== basename(bundleFile) && !entry.startsWith("."));
      dir = packageLayout({ link: unbundled });
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("says so on stderr and runs dist/main.js", async () => {
      expect(await servesFrom(dir)).toContain("dist/alloy-language-server.cjs is missing");
    });
  });
});
