// Bundles the server the bin runs: dist/main.js and everything it imports (the toolkit's packages,
// vscode-languageserver's CommonJS tree) into one ES module, dist/alloy-language-server.bundle.js. Node loads
// that one file about 100 ms faster than the ~60 modules of dist/ and their dependencies. The root
// `pnpm build` runs this after `tsc -b`; the library exports (dist/index.js) are not bundled.
//
//   node scripts/bundle.mjs   (after tsc -b)
import { existsSync, realpathSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const serverEntry = join(packageDir, "dist", "main.js");
export const bundleFile = join(packageDir, "dist", "alloy-language-server.bundle.js");

/**
 * The catalog stays a module of its own, imported from the catalog package wherever Node resolves it from the
 * bundle (the workspace link, or the installed dependency): it reads its JSON data relative to its own module
 * URL, which a bundled copy would not have.
 */
export const externalPackages = ["@alloy-toolkit/catalog"];

/**
 * vscode-languageserver is CommonJS and `require`s Node's built-in modules, which an ES module can only do
 * through a `require` of its own.
 */
const requireShim =
  'import { createRequire as __alloyCreateRequire } from "node:module";\nconst require = __alloyCreateRequire(import.meta.url);';

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
    format: "esm",
    target: "node20",
    external: externalPackages,
    banner: { js: requireShim },
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
