// Bundles the server the bin runs: dist/main.js and everything it imports (the toolkit's packages,
// vscode-languageserver's CommonJS tree) into one CommonJS file, dist/alloy-language-server.cjs, as the VS Code
// extension bundles it. Node loads that one file about 100 ms faster than the ~60 ES modules of dist/ and
// their dependencies. The root `pnpm build` runs this after `tsc -b`; the library (dist/index.js) is not bundled.
//
//   node scripts/bundle.mjs   (after tsc -b)
import { existsSync, readFileSync, realpathSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
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

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeBundle();
  console.log(`bundled the language server into ${relative(process.cwd(), bundleFile)}`);
}
