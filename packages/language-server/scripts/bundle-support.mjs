// What the two builds of the server bundle share: the bin's (scripts/bundle.mjs) and the VS Code extension's
// (extension/esbuild.mjs).
import { createHash } from "node:crypto";

/**
 * Node built-in modules that vscode-jsonrpc and vscode-languageserver load as they start but the server only
 * uses on paths it rarely takes: `crypto` makes random pipe names, `child_process` finds global npm and yarn
 * folders. Loading them takes 6 ms (crypto) and 5 ms (child_process, with dgram) in a fresh process here.
 */
const LAZY_BUILTINS = /^(node:)?(crypto|child_process)$/;

/**
 * An esbuild plugin that makes `require` of a {@link LAZY_BUILTINS} module return a stand-in that loads the
 * module on first use of any of its properties, then forwards everything to it.
 * @type {import("esbuild").Plugin}
 */
export const lazyBuiltins = {
  name: "lazy-builtins",
  setup(build) {
    build.onResolve({ filter: LAZY_BUILTINS }, (args) =>
      // The stand-in's own `require` of the module is the real one.
      args.namespace === "lazy-builtin" ? { path: args.path, external: true } : { path: args.path.replace(/^node:/, ""), namespace: "lazy-builtin" },
    );
    build.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, (args) => ({
      loader: "js",
      contents: `"use strict";
let loaded;
const load = () => (loaded ??= require(${JSON.stringify(`node:${args.path}`)}));
module.exports = new Proxy({}, {
  get: (_, key) => Reflect.get(load(), key),
  has: (_, key) => Reflect.has(load(), key),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor(_, key) {
    const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
    // A proxy may only report a property as non-configurable if its (empty) target has it so.
    if (descriptor) descriptor.configurable = true;
    return descriptor;
  },
});
`,
    }));
  },
};

/** The last line of a bundle built here: the SHA-256 of the text before it (bin/run-bundle.js reads it). */
export const BUNDLE_HASH_TAG = "//# alloyBundleSha256=";

/**
 * The bundle's text with its {@link BUNDLE_HASH_TAG} line appended: the code cache is tied to the bundle by
 * that hash, which the server then reads instead of hashing the 550 KB bundle with `crypto` as it starts.
 * @param {string} text
 */
export function withHashTag(text) {
  const body = text.endsWith("\n") ? text : `${text}\n`;
  return `${body}${BUNDLE_HASH_TAG}${createHash("sha256").update(body).digest("hex")}\n`;
}
