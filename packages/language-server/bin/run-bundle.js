// Runs the bundled server (dist/alloy-language-server.cjs) as Node would `require` it, but compiled with a V8
// code cache: the bundle (about 800 KB) compiles from the cache in about 15-20 ms with the functions a warm-up run
// compiled already in it, instead of compiling each of them from source as it is first called. A cache is only
// valid for the exact V8 that made it: the one `pnpm build` writes beside the bundle (scripts/bundle.mjs) serves
// the Node of the build; under any other Node a start keeps a cache of its own in a cache folder (ownCodeCacheFile).
// A cache made for another build of the bundle (its first line holds the bundle's SHA-256) or by another V8 is
// ignored: the bundle is then compiled from source, as `require` would.
"use strict";
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require("node:fs");
const Module = require("node:module");
const { basename, dirname, extname, join } = require("node:path");
const v8 = require("node:v8");
const vm = require("node:vm");

/**
 * The server starts with two V8 settings of its own and goes back to V8's when its start is over: when it has
 * published its first diagnostics (the server calls the function at END_STARTUP), or after STARTUP_LIMIT_MS at
 * the latest.
 *
 * - TurboFan, V8's optimizing compiler, is off. The start runs each function once or a few times (loading, then
 *   parsing, analysing and checking the first document), which TurboFan would optimize for runs that never
 *   come, on the core the editor and the garbage collector's helpers also need: without it the first
 *   diagnostics of a 10,000-line config come about 35 ms sooner (pnpm bench). Edits after the start are
 *   optimized as before.
 * - The young generation keeps the size V8 first gives it (2 MB). V8 doubles it whenever most of it survives a
 *   collection, as nearly all of it does while the first document's tree and model are built (to 16 MB during
 *   the start of pnpm bench), and each doubling maps memory that the process then touches for the first time:
 *   about 4 ms a MB on the machines this was measured on (the parser's `pnpm bench` prints the rate). Kept
 *   small, the start touches about 8 MB less (6,400 page faults instead of 8,600) and the first diagnostics
 *   come about 40 ms sooner; the young generation grows as before over the first edits after the start. (A factor of
 *   1 works set as here, once V8 runs; given on the command line it changes nothing.)
 *
 * V8 ties a code cache to the flags it was made under, so the bundle is always compiled and its cache always
 * written under the start's flags (compileBundle, writeCodeCache). A setting that the command line (or
 * NODE_OPTIONS) makes itself, TurboFan off or no JIT at all, or a growth factor of its own, is left alone.
 */
const STARTUP_SETTINGS = [
  { during: "--no-turbofan", after: "--turbofan", setByUser: /^--(no-opt|no-turbofan|jitless)$/ },
  // 2 is V8's own factor.
  { during: "--semi-space-growth-factor=1", after: "--semi-space-growth-factor=2", setByUser: /^--semi-space-growth-factor(=|$)/ },
];
const commandLine = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)];
const startupSettings = STARTUP_SETTINGS.filter((setting) => !commandLine.some((arg) => setting.setByUser.test(arg)));
const STARTUP_FLAGS = startupSettings.map((setting) => setting.during).join(" ");
const AFTER_STARTUP_FLAGS = startupSettings.map((setting) => setting.after).join(" ");
const STARTUP_LIMIT_MS = 2000;
const END_STARTUP = Symbol.for("alloy-language-server.endStartup");
/** "off": the start's settings; "on": V8's again; "user": the command line set them all, so they are left alone. */
let startup = startupSettings.length === 0 ? "user" : "on";

function beginStartup() {
  if (startup !== "on") return;
  startup = "off";
  v8.setFlagsFromString(STARTUP_FLAGS);
  globalThis[END_STARTUP] = endStartup;
  setTimeout(endStartup, STARTUP_LIMIT_MS).unref();
}

/** Ends the start (see STARTUP_SETTINGS): V8's settings again. Called again, does nothing. */
function endStartup() {
  if (startup !== "off") return;
  startup = "on";
  v8.setFlagsFromString(AFTER_STARTUP_FLAGS);
}

/** Calls `f` with the flags the bundle is compiled under (the start's), then restores the flags as they were. */
function underStartupFlags(f) {
  if (startup !== "on") return f();
  v8.setFlagsFromString(STARTUP_FLAGS);
  try {
    return f();
  } finally {
    v8.setFlagsFromString(AFTER_STARTUP_FLAGS);
  }
}

/** The code cache file of a bundle. */
function codeCacheFile(bundle) {
  return `${bundle}.v8-cache`;
}

/**
 * The folder a start keeps its own code caches in: ALLOY_LANGUAGE_SERVER_CODE_CACHE_DIR when set (the VS Code
 * extension sets it to its global storage; set empty, no cache is kept), else the user's cache folder.
 */
function codeCacheDir() {
  const set = process.env.ALLOY_LANGUAGE_SERVER_CODE_CACHE_DIR;
  if (set !== undefined) return set === "" ? undefined : set;
  const home = require("node:os").homedir();
  if (process.platform === "win32") return join(process.env.LOCALAPPDATA || join(home, "AppData", "Local"), "alloy-language-server", "code-cache");
  if (process.platform === "darwin") return join(home, "Library", "Caches", "alloy-language-server");
  return join(process.env.XDG_CACHE_HOME || join(home, ".cache"), "alloy-language-server");
}

/** The code cache a start keeps for a bundle under this V8, in {@link codeCacheDir}; `undefined` when none is kept. */
function ownCodeCacheFile(bundle) {
  const dir = codeCacheDir();
  return dir === undefined ? undefined : join(dir, `${basename(bundle, extname(bundle))}-${process.arch}-v8-${process.versions.v8}.v8-cache`);
}

/**
 * The first line of a code cache: the bundle's SHA-256 and the V8 that made the cache. A start only hands V8 a
 * cache whose line matches its own, so that no cache made by another V8 costs it a read and a rejection.
 */
function cacheHeader(hash) {
  return `${hash} ${process.arch} v8-${process.versions.v8}`;
}

/** How the last line of a bundle the build made starts: the SHA-256 of the bytes before it follows. */
const BUNDLE_HASH_TAG = "//# alloyBundleSha256=";
const HASH_TAG = Buffer.from(BUNDLE_HASH_TAG, "latin1");
const HEX_SHA256 = /^[0-9a-f]{64}$/;

function sha256(data) {
  return require("node:crypto").createHash("sha256").update(data).digest("hex");
}

/**
 * A bundle's text with its hash line appended, as the builds write it (scripts/bundle.mjs, the extension's
 * esbuild.mjs): the code cache is tied to the bundle by that hash, which {@link bundleHash} then reads.
 */
function withHashTag(text) {
  const body = text.endsWith("\n") ? text : `${text}\n`;
  return `${body}${BUNDLE_HASH_TAG}${sha256(body)}\n`;
}

/**
 * The bundle's SHA-256: read from its last line when the build wrote one there, else computed. Reading it
 * spares the start the hashing and, above all, loading `crypto` (about 6 ms).
 */
function bundleHash(bytes) {
  const tagAt = bytes.length - HASH_TAG.length - 64 - 1;
  if (tagAt >= 0 && bytes[bytes.length - 1] === 10 && bytes.subarray(tagAt, tagAt + HASH_TAG.length).equals(HASH_TAG)) {
    const hex = bytes.toString("latin1", tagAt + HASH_TAG.length, bytes.length - 1);
    if (HEX_SHA256.test(hex)) return hex;
  }
  return sha256(bytes);
}

/**
 * Compiles the bundle with a code cache made for this very text by this V8: the first such of `cacheFiles` (a
 * file, a list of files tried in order, or null for none; the cache beside the bundle by default). `cache`
 * tells what happened: "used", "rejected" (by V8: other flags), "stale" (made for another bundle or by another
 * V8) or "missing"; `cacheFile` is the file handed to V8. Begins the start (see STARTUP_SETTINGS).
 */
function compileBundle(bundle, cacheFiles = codeCacheFile(bundle)) {
  beginStartup();
  const bytes = readFileSync(bundle);
  const hash = bundleHash(bytes);
  const source = bytes.toString("utf8");
  const header = cacheHeader(hash);
  let cachedData;
  let cacheFile;
  let cache = "missing";
  for (const file of cacheFiles === null ? [] : [cacheFiles].flat()) {
    let data;
    try {
      data = readFileSync(file);
    } catch (error) {
      if (error.code === "ENOENT") continue;
      throw error;
    }
    const newline = data.indexOf(10);
    if (newline > 0 && data.toString("latin1", 0, newline) === header) {
      cachedData = data.subarray(newline + 1);
      cacheFile = file;
      break;
    }
    cache = "stale";
  }
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  if (cachedData) cache = script.cachedDataRejected ? "rejected" : "used";
  return { script, hash, cache, cacheFile };
}

/**
 * Writes the code cache of a compiled bundle, with every function compiled so far, through a temporary file
 * (a process starting meanwhile reads the old cache or the new one, never half of one).
 */
function writeCodeCache({ script, hash }, cacheFile) {
  const partial = `${cacheFile}.${process.pid}.tmp`;
  const data = underStartupFlags(() => script.createCachedData());
  writeFileSync(partial, Buffer.concat([Buffer.from(`${cacheHeader(hash)}\n`, "latin1"), data]));
  renameSync(partial, cacheFile);
}

/** When a start writes its own code cache: once this long after it began, or at exit if sooner. */
const OWN_CACHE_AFTER_MS = 10_000;

/**
 * Writes the code cache of a start that had none fitting (see {@link ownCodeCacheFile}), with the functions
 * compiled by then, so that the next start under this V8 compiles from it. A cache that cannot be written
 * costs only start-up time: the server says why once on stderr.
 */
function keepOwnCodeCache(compiled, cacheFile) {
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    try {
      mkdirSync(dirname(cacheFile), { recursive: true });
      writeCodeCache(compiled, cacheFile);
    } catch (error) {
      process.stderr.write(`alloy-language-server: could not write the code cache ${cacheFile}: ${error.message}\n`);
    }
  };
  setTimeout(write, OWN_CACHE_AFTER_MS).unref();
  process.once("exit", write);
}

/** Runs a compiled bundle as Node runs a CommonJS main module. */
function runCompiled({ script }, bundle) {
  const module = new Module(bundle, null);
  module.filename = bundle;
  // What `require` would set (an internal of Node's; the bundle resolves through createRequire either way).
  module.paths = typeof Module._nodeModulePaths === "function" ? Module._nodeModulePaths(dirname(bundle)) : [];
  module.loaded = true;
  const wrapper = script.runInThisContext();
  wrapper.call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, dirname(bundle));
}

/**
 * Runs the bundle as the main module, compiled with the code cache beside the bundle or else the start's own
 * (the one beside it is read first: where it fits, a stale cache of the start's own is not read at all); when
 * neither fits, the start keeps a cache of its own for the next (keepOwnCodeCache). A cache beside the bundle
 * that V8 rejects (other V8 flags) is not replaced by one of the start's own, which no start would read. With
 * ALLOY_LANGUAGE_SERVER_WRITE_CODE_CACHE=1 (the build's warm-up run) the cache beside the bundle is written
 * when the process exits, with every function compiled by then.
 */
function runBundle(bundle) {
  if (process.env.ALLOY_LANGUAGE_SERVER_WRITE_CODE_CACHE === "1") {
    const compiled = compileBundle(bundle, null);
    process.once("exit", () => writeCodeCache(compiled, codeCacheFile(bundle)));
    runCompiled(compiled, bundle);
    return;
  }
  const beside = codeCacheFile(bundle);
  const own = ownCodeCacheFile(bundle);
  const compiled = compileBundle(bundle, own === undefined ? beside : [beside, own]);
  if (own !== undefined && compiled.cache !== "used" && compiled.cacheFile !== beside) keepOwnCodeCache(compiled, own);
  runCompiled(compiled, bundle);
}

module.exports = {
  BUNDLE_HASH_TAG,
  END_STARTUP,
  bundleHash,
  cacheHeader,
  codeCacheFile,
  compileBundle,
  ownCodeCacheFile,
  runBundle,
  runCompiled,
  withHashTag,
  writeCodeCache,
};
