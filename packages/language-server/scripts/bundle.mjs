// Bundles the server the bin runs: dist/main.js and everything it imports (the toolkit's packages,
// vscode-languageserver's CommonJS tree) into one CommonJS file, dist/alloy-language-server.cjs, as the VS Code
// extension bundles it. Node loads that one file much faster than the ~60 ES modules of dist/ and
// their dependencies. The root `pnpm build` runs this after `tsc -b`; the library (dist/index.js) is not bundled.
//
//   node scripts/bundle.mjs   (after tsc -b)
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";
import { binBundleOptions, lazyBuiltins, moduleUrlRuntime, moduleUrls, writeAtomically } from "../../../scripts/bundling.mjs";

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const serverEntry = join(packageDir, "dist", "main.js");
export const bundleFile = join(packageDir, "dist", "alloy-language-server.cjs");
const packageName = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")).name;

/**
 * A CommonJS file has no `import.meta.url`: the `moduleUrls` plugin gives every bundled module that uses it
 * (the catalog, for its JSON data) the URL it has unbundled (../../../scripts/bundling.mjs). The banner
 * starts with "use strict", which esbuild's own would no longer be after it.
 */
const banner = `"use strict";
var __alloyBundleDir = __dirname;
${moduleUrlRuntime(packageName, "alloy-language-server")}`;

/**
 * The bundle's text, built from dist/ as it is now (the test that the bin's bundle is fresh compares it with
 * the file).
 * @returns {Promise<string>}
 */
export async function buildBundle() {
  if (!existsSync(serverEntry)) throw new Error(`${serverEntry} is missing: run tsc -b first (pnpm build runs both)`);
  const result = await esbuild.build({
    ...binBundleOptions,
    absWorkingDir: realpathSync(packageDir),
    entryPoints: [serverEntry],
    outfile: bundleFile,
    format: "cjs",
    plugins: [moduleUrls, lazyBuiltins],
    banner: { js: banner },
  });
  return withHashTag(result.outputFiles[0].text);
}

/** Writes the bundle (atomically: a server starting meanwhile never reads half of it). */
export async function writeBundle() {
  writeAtomically(bundleFile, await buildBundle());
}

export const binFile = join(packageDir, "bin", "alloy-language-server.js");
const require = createRequire(import.meta.url);
const { codeCacheFile, withHashTag } = require("../bin/run-bundle.js");
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require("vscode-jsonrpc/node");
export const codeCache = codeCacheFile(bundleFile);
const examplesDir = join(packageDir, "..", "..", "examples");

/**
 * Writes the bundle's V8 code cache (bin/run-bundle.js reads it) from a warm-up run of the bin: it opens the
 * repository's example configs over stdio, waits for their diagnostics, asks for a completion and a hover,
 * and shuts down; the bin writes the cache as it exits, with every function compiled by then. Gives up after
 * 60 s or when the bin exits early (the bin then compiles from source, as without a cache).
 * @returns {Promise<boolean>} whether the cache was written
 */
export async function writeCodeCache() {
  rmSync(codeCache, { force: true });
  const configs = (existsSync(examplesDir) ? readdirSync(examplesDir, { recursive: true }) : [])
    .filter((f) => f.endsWith(".alloy"))
    .sort()
    .map((f) => ({ uri: pathToFileURL(join(examplesDir, f)).href, text: readFileSync(join(examplesDir, f), "utf8") }));
  const server = spawn(process.execPath, [binFile, "--stdio"], {
    env: { ...process.env, ALLOY_LANGUAGE_SERVER_WRITE_CODE_CACHE: "1" },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise((resolve) => server.once("exit", (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const diagnosed = new Set();
  let onDiagnostics = () => {};
  connection.onNotification("textDocument/publishDiagnostics", ({ uri }) => {
    diagnosed.add(uri);
    onDiagnostics();
  });
  connection.onRequest(() => null); // workspace/configuration and the like
  connection.listen();
  /** Set once the bin was asked to exit: an exit before that is a failure of the warm-up run. */
  let finished = false;
  const warmUp = async () => {
    await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { diagnosticsDelay: 0 } });
    await connection.sendNotification("initialized", {});
    const allDiagnosed = new Promise((resolve) => {
      onDiagnostics = () => configs.every((c) => diagnosed.has(c.uri)) && resolve();
      onDiagnostics();
    });
    for (const { uri, text } of configs) await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "alloy", version: 1, text } });
    await allDiagnosed;
    if (configs.length > 0) {
      const { uri, text } = configs[0];
      const position = { line: text.split("\n").findIndex((line) => line.includes("{")) + 1, character: 1 };
      await connection.sendRequest("textDocument/completion", { textDocument: { uri }, position });
      await connection.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line: position.line - 1, character: 1 } });
    }
    await connection.sendRequest("shutdown");
    finished = true;
    await connection.sendNotification("exit");
    await exited;
  };
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve("did not finish in 60 s"), 60_000);
  });
  const early = exited.then((code) => (finished ? undefined : `exited early (code ${code})`));
  const failed = warmUp().catch((error) => `failed: ${error instanceof Error ? error.message : error}`);
  const problem = await Promise.race([failed, timeout, early]);
  clearTimeout(timer);
  connection.dispose();
  if (problem !== undefined) {
    server.kill();
    await exited;
    rmSync(codeCache, { force: true });
    console.warn(`alloy-language-server: the warm-up run for the code cache ${problem}; no code cache written`);
    return false;
  }
  return existsSync(codeCache);
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeBundle();
  console.log(`bundled the language server into ${relative(process.cwd(), bundleFile)}`);
  if (await writeCodeCache()) console.log(`wrote its V8 code cache to ${relative(process.cwd(), codeCache)}`);
}
