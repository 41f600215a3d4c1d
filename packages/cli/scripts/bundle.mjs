// Bundles each command, dist/alloyfmt.js and dist/alloylint.js with everything they import (the toolkit's
// packages, diff, tinyglobby), into one ES module: dist/alloyfmt.bundle.mjs and dist/alloylint.bundle.mjs,
// which the bins run; and alloyfmt's formatting thread, dist/fmt/format-worker.js, into
// dist/format-worker.bundle.mjs, which alloyfmt's bundle starts its threads from (each thread then loads one
// file, not the packages and Chevrotain module by module). Node loads one file sooner than the modules of dist/ and their dependencies: alloyfmt
// starts about 50 ms sooner, alloylint about 90 ms. The root `pnpm build` runs this after `tsc -b`.
//
//   node scripts/bundle.mjs   (after tsc -b)
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { binBundleOptions, moduleUrlRuntime, moduleUrls, writeAtomically } from "../../../scripts/bundling.mjs";

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const packageName = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")).name;

/** The commands bundled, by name: `bin/<name>.js` runs `dist/<name>.bundle.mjs`. */
export const commands = ["alloyfmt", "alloylint"];

/** Every bundle, by name, and the module of dist/ it bundles: the commands' and alloyfmt's formatting thread's. */
const entries = { alloyfmt: "alloyfmt.js", alloylint: "alloylint.js", "format-worker": "fmt/format-worker.js" };
export const bundles = Object.keys(entries);

/** Where alloyfmt's bundle finds the formatting thread's bundle, from dist/fmt/parallel.js (whose URL it keeps). */
const WORKER_FROM_PARALLEL = "../format-worker.bundle.mjs";

/** The file of a bundle (all in dist/, where the banner's package directory is found from). */
export const bundleFile = (command) => join(packageDir, "dist", `${command}.bundle.mjs`);

/**
 * The banner of a bundle: `require` for the bundled CommonJS code, and `__alloyModuleUrl` for the modules that
 * read files beside them through `import.meta.url` (alloyfmt its worker thread and package.json): each gets
 * the URL it has unbundled, in its own package (../../../scripts/bundling.mjs).
 */
const banner = (command) => `import { createRequire as __alloyCreateRequire } from "node:module";
import { dirname as __alloyDirname } from "node:path";
import { fileURLToPath as __alloyFileURLToPath } from "node:url";
const require = __alloyCreateRequire(import.meta.url);
const __alloyBundleDir = __alloyDirname(__alloyFileURLToPath(import.meta.url));
${moduleUrlRuntime(packageName, command)}`;

/**
 * The text of a command's bundle, built from dist/ as it is now (the test that the bundles are fresh compares
 * it with the file).
 * @returns {Promise<string>}
 */
export async function buildBundle(command) {
  const entry = join(packageDir, "dist", entries[command]);
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run tsc -b first (pnpm build runs both)`);
  const result = await esbuild.build({
    ...binBundleOptions,
    absWorkingDir: realpathSync(packageDir),
    entryPoints: [entry],
    outfile: bundleFile(command),
    format: "esm",
    plugins: [moduleUrls],
    banner: { js: banner(command) },
    ...(command === "alloyfmt" ? { define: { __ALLOYFMT_WORKER__: JSON.stringify(WORKER_FROM_PARALLEL) } } : {}),
  });
  return result.outputFiles[0].text;
}

/** Writes each bundle (atomically: a command starting meanwhile never reads half of one). */
export async function writeBundles() {
  for (const name of bundles) writeAtomically(bundleFile(name), await buildBundle(name));
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeBundles();
  console.log(`bundled ${commands.join(" and ")} and alloyfmt's formatting thread into ${bundles.map((c) => relative(process.cwd(), bundleFile(c))).join(", ")}`);
}
