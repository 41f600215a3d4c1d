// Types of run-bundle.js (CommonJS, run by the bin as it is; the VS Code extension's server loader imports it).
import type { Script } from "node:vm";

/** A bundle compiled by {@link compileBundle}, and what became of its code cache. */
export interface CompiledBundle {
  readonly script: Script;
  /** The bundle's SHA-256 ({@link bundleHash}), on the first line of its code cache ({@link cacheHeader}). */
  readonly hash: string;
  readonly cache: "used" | "rejected" | "stale" | "missing";
  /** The code cache file handed to V8, if one fitted. */
  readonly cacheFile: string | undefined;
}

/** How the last line of a bundle the build made starts (the SHA-256 of the bytes before it follows). */
export const BUNDLE_HASH_TAG: string;
/** A bundle's text with its hash line appended, as the builds write it. */
export function withHashTag(text: string): string;
/**
 * The SHA-256 of a bundle: the one its last line records (`//# alloyBundleSha256=<hex>`, written by the build
 * for the bytes before that line), else that of all its bytes.
 */
export function bundleHash(bytes: Buffer): string;
/** The code cache file `pnpm build` writes beside a bundle. */
export function codeCacheFile(bundle: string): string;
/**
 * The code cache a start keeps for a bundle under this V8 when none other fits: in
 * ALLOY_LANGUAGE_SERVER_CODE_CACHE_DIR when set (empty: none is kept), else in the user's cache folder.
 */
export function ownCodeCacheFile(bundle: string): string | undefined;
/** The first line of a code cache made by this process's V8 for the bundle of SHA-256 `hash`. */
export function cacheHeader(hash: string): string;
/**
 * Compiles a bundle with the first of `cacheFiles` (the cache beside it by default; `null`: none) made for it by
 * this V8.
 */
export function compileBundle(bundle: string, cacheFiles?: string | readonly string[] | null): CompiledBundle;
/** Writes a compiled bundle's code cache, with every function compiled so far (atomically). */
export function writeCodeCache(compiled: CompiledBundle, cacheFile: string): void;
/** Runs a compiled bundle as Node runs a CommonJS main module. */
export function runCompiled(compiled: CompiledBundle, bundle: string): void;
/**
 * What the bin (and the VS Code extension's server) does: compiles the bundle with the code cache beside it or
 * else its own, keeps a cache of its own when neither fits this V8, and runs the bundle.
 */
export function runBundle(bundle: string): void;
