// Runs the bundled server (dist/alloy-language-server.cjs) as Node would `require` it, but compiled with a V8
// code cache: the bundle compiles from the cache with the functions a warm-up run compiled already in it, instead
// of compiling each of them from source as it is first called (pnpm bench measures what that saves). A cache is only
// valid for the exact V8 that made it: the one `pnpm build` writes beside the bundle (scripts/bundle.mjs) serves
// the Node of the build; under any other Node a start keeps a cache of its own in a cache folder (ownCodeCacheFile).
// A cache made for another build of the bundle (its first line holds the bundle's SHA-256) or by another V8 is
// ignored: the bundle is then compiled from source, as `require` would.
"use strict";
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require("node:fs");
const Module = require("node:module");
const { basename, dirname, extname, join } = require("node:path");
const vm = require("node:vm");

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
 * spares the start the hashing and, above all, loading `crypto`.
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
 * V8) or "missing"; `cacheFile` is the file handed to V8.
 */
function compileBundle(bundle, cacheFiles = codeCacheFile(bundle)) {
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
  const data = script.createCachedData();
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
