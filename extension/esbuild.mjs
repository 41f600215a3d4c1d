// Builds the extension into dist/: the client (src/extension.ts, with the graph webview's script inlined),
// the bundled language server (the catalog's data is a module, bundled with it), and the grammars copied
// from ../grammars.
//
//   node esbuild.mjs               development build (with source maps)
//   node esbuild.mjs --production  minified, no source maps (what `pnpm package` ships)
//   node esbuild.mjs --production --sourcemap   minified with source maps, when asked for
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";
// What the bin's bundle and this one share: built-ins loaded on first use, and the hash line the loader reads.
import { lazyBuiltins } from "../scripts/bundling.mjs";
const { withHashTag } = createRequire(import.meta.url)("@alloy-toolkit/language-server/run-bundle");

const extensionDir = dirname(fileURLToPath(import.meta.url));
const repoDir = join(extensionDir, "..");

/** The language server package, through the workspace link in extension/node_modules. */
export const languageServerDir = realpathSync(join(extensionDir, "node_modules/@alloy-toolkit/language-server"));
const defaultServerEntry = join(languageServerDir, "dist/main.js");
const catalogDir = realpathSync(join(languageServerDir, "node_modules/@alloy-toolkit/catalog"));

/** The Alloy release the catalog answers for by default (its `catalogVersion`). */
export async function defaultCatalogVersion() {
  const { catalogVersion } = await import(pathToFileURL(join(catalogDir, "dist/index.js")).href);
  return catalogVersion;
}

/**
 * A CommonJS bundle has no `import.meta`: the server bundle defines `import.meta.url` as the URL of a module
 * at `dist/catalog/index.js`, for the modules that still ask for it (the language server's `lsp.ts`, which
 * only uses it when `require` is missing).
 */
const importMetaUrlShim =
  '"use strict";\nvar __alloyImportMetaUrl = require("node:url").pathToFileURL(require("node:path").join(__dirname, "catalog", "index.js")).href;';

/**
 * The pipeline graph webview's script (src/webview/graph-view.ts), bundled for the browser and returned as
 * text: the extension inlines it into the webview's HTML under a nonce, so the webview loads no files.
 */
async function buildGraphViewScript({ minify }) {
  const result = await esbuild.build({
    entryPoints: [join(extensionDir, "src/webview/graph-view.ts")],
    bundle: true,
    write: false,
    platform: "browser",
    format: "iife",
    target: "es2022",
    minify,
    legalComments: "none",
    logLevel: "warning",
  });
  return result.outputFiles[0].text;
}

/**
 * Builds everything into `outDir` (default `dist/`).
 * `serverEntry` is the server module to bundle (the language server's `dist/main.js` unless given).
 * @param {{ production?: boolean, sourcemap?: boolean, outDir?: string, serverEntry?: string }} options
 */
export async function build({
  production = false,
  sourcemap = !production,
  outDir = join(extensionDir, "dist"),
  serverEntry = defaultServerEntry,
} = {}) {
  if (!existsSync(serverEntry)) {
    throw new Error(`${serverEntry} is missing: build the language server first (pnpm build)`);
  }
  rmSync(outDir, { recursive: true, force: true });
  const graphViewScript = await buildGraphViewScript({ minify: production });
  const common = {
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    minify: production,
    sourcemap,
    legalComments: "none",
    logLevel: "warning",
  };
  const serverBundle = join(outDir, "server-bundle.js");
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: [join(extensionDir, "src/extension.ts")],
      outfile: join(outDir, "extension.js"),
      external: ["vscode"],
      define: {
        __ALLOY_CATALOG_VERSION__: JSON.stringify(await defaultCatalogVersion()),
        __ALLOY_GRAPH_VIEW_SCRIPT__: JSON.stringify(graphViewScript),
      },
    }),
    // The server: dist/server-bundle.js, run by the loader dist/server.js with a code cache (src/server-main.ts).
    esbuild.build({
      ...common,
      entryPoints: [serverEntry],
      outfile: serverBundle,
      define: { "import.meta.url": "__alloyImportMetaUrl" },
      banner: { js: importMetaUrlShim },
      plugins: [lazyBuiltins],
    }),
    esbuild.build({
      ...common,
      entryPoints: [join(extensionDir, "src/server-main.ts")],
      outfile: join(outDir, "server.js"),
    }),
  ]);
  // The loader ties the code cache to the bundle by the SHA-256 on its last line.
  writeFileSync(serverBundle, withHashTag(readFileSync(serverBundle, "utf8")));
  copyGrammars(join(outDir, "grammars"));
}

/** The grammar files the manifest's `contributes.grammars` points at. */
export const grammarFiles = ["alloy.tmLanguage.json", "alloy-markdown-injection.tmLanguage.json"];

function copyGrammars(to) {
  mkdirSync(to, { recursive: true });
  for (const name of grammarFiles) copyFileSync(join(repoDir, "grammars", name), join(to, name));
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const production = process.argv.includes("--production");
  const sourcemap = process.argv.includes("--sourcemap") || !production;
  await build({ production, sourcemap });
  const manifest = JSON.parse(readFileSync(join(extensionDir, "package.json"), "utf8"));
  console.log(`built ${manifest.name} ${manifest.version} into dist/ (${production ? "production" : "development"})`);
}
