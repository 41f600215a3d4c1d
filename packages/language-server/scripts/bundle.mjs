// Bundles the server the bin runs: dist/main.js and everything it imports (the toolkit's packages,
// vscode-languageserver's CommonJS tree) into one CommonJS file, dist/alloy-language-server.cjs, as the VS Code
// extension bundles it. Node loads that one file about 100 ms faster than the ~60 ES modules of dist/ and
// their dependencies. The root `pnpm build` runs this after `tsc -b`; the library (dist/index.js) is not bundled.
//
//   node scripts/bundle.mjs   (after tsc -b)
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const serverEntry = join(packageDir, "dist", "main.js");
export const bundleFile = join(packageDir, "dist", "alloy-language-server.cjs");
const packageName = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")).name;

/**
 * A CommonJS file has no `import.meta.url`. The catalog reads its JSON data relative to its module's URL, so
 * `moduleUrls` gives every bundled module that uses it the URL it has unbundled: its file in its package,
 * found at run time from the bundle as Node finds a dependency (the workspace link, or the installed
 * package). The data stays in the catalog package and nothing names its files here. The banner starts with
 * "use strict", which esbuild's own would no longer be after it.
 */
const moduleUrlRuntime = `"use strict";
var __alloyPackageDirs = new Map();
function __alloyModuleUrl(packageName, file) {
  const path = require("node:path");
  let dir = __alloyPackageDirs.get(packageName);
  if (dir === undefined) {
    dir = packageName === ${JSON.stringify(packageName)} ? path.join(__dirname, "..") : (require.resolve.paths(packageName) ?? [])
      .map((modules) => path.join(modules, packageName))
      .find((candidate) => require("node:fs").existsSync(path.join(candidate, "package.json")));
    if (dir === undefined) throw new Error(\`alloy-language-server: \${packageName} not found from \${__dirname}\`);
    __alloyPackageDirs.set(packageName, dir);
  }
  return require("node:url").pathToFileURL(path.join(dir, file)).href;
}`;

/** The package a file belongs to (the nearest package.json above it): its name and directory. */
function owningPackage(file) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) return { name: JSON.parse(readFileSync(manifest, "utf8")).name, dir };
  }
  throw new Error(`${file} belongs to no package`);
}

/** @type {esbuild.Plugin} */
const moduleUrls = {
  name: "module-urls",
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      if (!source.includes("import.meta")) return undefined;
      const { name, dir } = owningPackage(args.path);
      const file = relative(dir, args.path).split(sep).join("/");
      const contents = source.replaceAll(/\bimport\.meta\.url\b/g, `__alloyModuleUrl(${JSON.stringify(name)}, ${JSON.stringify(file)})`);
      if (/\bimport\.meta\b/.test(contents)) {
        return { errors: [{ text: `${args.path}: only import.meta.url can be bundled into CommonJS` }] };
      }
      return { contents, loader: "js" };
    });
  },
};

/**
 * The bundle's text, built from dist/ as it is now (the test that the bin's bundle is fresh compares it with
 * the file).
 * @returns {Promise<string>}
 */
export async function buildBundle() {
  if (!existsSync(serverEntry)) throw new Error(`${serverEntry} is missing: run tsc -b first (pnpm build runs both)`);
  const result = await esbuild.build({
    absWorkingDir: realpathSync(packageDir),
    entryPoints: [serverEntry],
    outfile: bundleFile,
    write: false,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    // Whitespace and syntax minified (the bundle loads about 10 ms sooner); names kept, for stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    plugins: [moduleUrls],
    banner: { js: moduleUrlRuntime },
    legalComments: "none",
    logLevel: "warning",
  });
  return result.outputFiles[0].text;
}

/** Writes the bundle through a temporary file, so that a server starting meanwhile never reads half of it. */
export async function writeBundle() {
  const partial = `${bundleFile}.${process.pid}.tmp`;
  writeFileSync(partial, await buildBundle());
  renameSync(partial, bundleFile);
}

export const binFile = join(packageDir, "bin", "alloy-language-server.js");
const { codeCacheFile } = createRequire(import.meta.url)("../bin/run-bundle.js");
export const codeCache = codeCacheFile(bundleFile);
const examplesDir = join(packageDir, "..", "..", "examples");

/**
 * Writes the bundle's V8 code cache (bin/run-bundle.js reads it) from a warm-up run of the bin: it opens the
 * repository's example configs (or a small built-in one) over stdio, waits for their diagnostics, asks for a
 * completion and a hover, and shuts down; the bin writes the cache as it exits, with every function compiled
 * by then. Gives up after 60 s or when the bin exits early (the bin then compiles from source, as without a
 * cache).
 * @returns {Promise<boolean>} whether the cache was written
 */
export async function writeCodeCache() {
  rmSync(codeCache, { force: true });
  const configs = existsSync(examplesDir)
    ? readdirSync(examplesDir, { recursive: true })
        .filter((f) => f.endsWith(".alloy"))
        .sort()
        .map((f) => ({ uri: pathToFileURL(join(examplesDir, f)).href, text: readFileSync(join(examplesDir, f), "utf8") }))
    : [];
  if (configs.length === 0) configs.push({ uri: "file:///warm-up/config.alloy", text: WARM_UP_CONFIG });
  const server = spawn(process.execPath, [binFile, "--stdio"], {
    env: { ...process.env, ALLOY_LANGUAGE_SERVER_WRITE_CODE_CACHE: "1" },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise((resolve) => server.once("exit", (code) => resolve(code)));
  const pending = new Map();
  const diagnosed = new Set();
  let onDiagnostics = () => {};
  let buffer = Buffer.alloc(0);
  server.stdout.on("data", (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.toString("ascii", 0, headerEnd))?.[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(buffer.toString("utf8", headerEnd + 4, headerEnd + 4 + length));
      buffer = buffer.subarray(headerEnd + 4 + length);
      if (message.id !== undefined && pending.has(message.id)) {
        pending.get(message.id)(message);
        pending.delete(message.id);
      } else if (message.method === "textDocument/publishDiagnostics") {
        diagnosed.add(message.params.uri);
        onDiagnostics();
      } else if (message.id !== undefined && message.method) {
        send({ jsonrpc: "2.0", id: message.id, result: null }); // e.g. workspace/configuration
      }
    }
  });
  const send = (message) => {
    const body = Buffer.from(JSON.stringify(message), "utf8");
    server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    server.stdin.write(body);
  };
  let nextId = 1;
  const request = (method, params) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      send({ jsonrpc: "2.0", id, method, params });
    });
  /** Set once the bin was asked to exit: an exit before that is a failure of the warm-up run. */
  let finished = false;
  const warmUp = async () => {
    await request("initialize", { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { diagnosticsDelay: 0 } });
    send({ jsonrpc: "2.0", method: "initialized", params: {} });
    const allDiagnosed = new Promise((resolve) => {
      onDiagnostics = () => configs.every((c) => diagnosed.has(c.uri)) && resolve();
    });
    for (const { uri, text } of configs) send({ jsonrpc: "2.0", method: "textDocument/didOpen", params: { textDocument: { uri, languageId: "alloy", version: 1, text } } });
    await allDiagnosed;
    const { uri, text } = configs[0];
    const position = { line: text.split("\n").findIndex((line) => line.includes("{")) + 1, character: 1 };
    await request("textDocument/completion", { textDocument: { uri }, position });
    await request("textDocument/hover", { textDocument: { uri }, position: { line: position.line - 1, character: 1 } });
    await request("shutdown", null);
    finished = true;
    send({ jsonrpc: "2.0", method: "exit", params: null });
    await exited;
  };
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve("timeout"), 60_000);
  });
  const early = exited.then((code) => (finished ? undefined : `exited early (code ${code})`));
  const outcome = await Promise.race([warmUp(), timeout, early]);
  clearTimeout(timer);
  if (outcome !== undefined) {
    server.kill();
    await exited;
    rmSync(codeCache, { force: true });
    const reason = outcome === "timeout" ? "did not finish in 60 s" : outcome;
    console.warn(`alloy-language-server: the warm-up run for the code cache ${reason}; no code cache written`);
    return false;
  }
  return existsSync(codeCache);
}

/** Used for the warm-up run when the repository's examples/ folder is not there. */
const WARM_UP_CONFIG = `discovery.kubernetes "pods" {
	role = "pod"
}

prometheus.scrape "pods" {
	targets    = discovery.kubernetes.pods.targets
	forward_to = [prometheus.remote_write.default.receiver]
}

prometheus.remote_write "default" {
	endpoint {
		url = sys.env("REMOTE_WRITE_URL")
	}
}
`;

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeBundle();
  console.log(`bundled the language server into ${relative(process.cwd(), bundleFile)}`);
  if (await writeCodeCache()) console.log(`wrote its V8 code cache to ${relative(process.cwd(), codeCache)}`);
}
