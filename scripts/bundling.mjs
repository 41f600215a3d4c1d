// What the esbuild bundles of the toolkit share (the hash line of the language server's bundles is
// bin/run-bundle.js's, beside the code that reads it): the language server's bin bundle
// (packages/language-server/scripts/bundle.mjs), the VS Code extension's server bundle (extension/esbuild.mjs)
// and the alloyfmt and alloylint bundles (packages/cli/scripts/bundle.mjs). Build tooling only: no package
// imports it at run time.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, relative, sep } from "node:path";

/**
 * The esbuild options the bins' bundles share (the language server's, alloyfmt's and alloylint's): built in
 * memory for Node 20, whitespace and syntax minified (a bundle loads sooner), names kept for stack
 * traces.
 * @type {import("esbuild").BuildOptions}
 */
export const binBundleOptions = {
  write: false,
  bundle: true,
  platform: "node",
  target: "node20",
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  logLevel: "warning",
};

/** Writes a file through a temporary one beside it, so that a process starting meanwhile never reads half of it. */
export function writeAtomically(file, text) {
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, text);
  renameSync(partial, file);
}

/**
 * Node built-in modules that vscode-jsonrpc and vscode-languageserver load as they start but the server only
 * uses on paths it rarely takes: `crypto` makes random pipe names, `child_process` finds global npm and yarn
 * folders. Loading them takes the start several ms each in a fresh process.
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

/** The package a file belongs to (the nearest package.json above it): its name and directory. */
function owningPackage(file) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = `${dir}${sep}package.json`;
    if (existsSync(manifest)) return { name: JSON.parse(readFileSync(manifest, "utf8")).name, dir };
  }
  throw new Error(`${file} belongs to no package`);
}

/**
 * An esbuild plugin for bundles of modules that read files beside them through `import.meta.url` (alloyfmt
 * its worker and package.json): each bundled module's `import.meta.url` becomes
 * the URL the module has unbundled, `__alloyModuleUrl(package, file)`, which {@link moduleUrlRuntime} finds
 * at run time. Nothing names the files read here, and the data stays in its package.
 * @type {import("esbuild").Plugin}
 */
export const moduleUrls = {
  name: "module-urls",
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      if (!source.includes("import.meta")) return undefined;
      const { name, dir } = owningPackage(args.path);
      const file = relative(dir, args.path).split(sep).join("/");
      const contents = source.replaceAll(/\bimport\.meta\.url\b/g, `__alloyModuleUrl(${JSON.stringify(name)}, ${JSON.stringify(file)})`);
      if (/\bimport\.meta\b/.test(contents)) {
        return { errors: [{ text: `${args.path}: only import.meta.url can be bundled` }] };
      }
      return { contents, loader: "js" };
    });
  },
};

/**
 * The definition of `__alloyModuleUrl` for a bundle of the package `ownPackage` (see {@link moduleUrls}): the
 * bundle's own package is the folder above the bundle's; another package is found from the bundle as Node
 * finds a dependency (the workspace link, or the installed package). Expects `require` and
 * `__alloyBundleDir` (the bundle's folder) to be defined before it. `program` starts the error message.
 * @param {string} ownPackage
 * @param {string} program
 */
export function moduleUrlRuntime(ownPackage, program) {
  return `var __alloyPackageDirs = new Map();
function __alloyModuleUrl(packageName, file) {
  const path = require("node:path");
  let dir = __alloyPackageDirs.get(packageName);
  if (dir === undefined) {
    dir = packageName === ${JSON.stringify(ownPackage)} ? path.join(__alloyBundleDir, "..") : (require.resolve.paths(packageName) ?? [])
      .map((modules) => path.join(modules, packageName))
      .find((candidate) => require("node:fs").existsSync(path.join(candidate, "package.json")));
    if (dir === undefined) throw new Error(\`${program}: \${packageName} not found from \${__alloyBundleDir}\`);
    __alloyPackageDirs.set(packageName, dir);
  }
  return require("node:url").pathToFileURL(path.join(dir, file)).href;
}`;
}
