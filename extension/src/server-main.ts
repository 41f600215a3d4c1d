// The language server process the extension starts (dist/server.js). It runs the server bundle,
// dist/server-bundle.js, compiled with a V8 code cache kept in the extension's global storage (the client
// passes the folder in ALLOY_LANGUAGE_SERVER_CODE_CACHE_DIR): compiling the bundle from its cache instead of
// its source, with the functions the last run compiled, saves 40-60 ms of every start after the first. The
// cache cannot ship in the package: it is only valid for the exact V8 that made it, and VS Code's differs
// from the build machine's Node. It is written once per bundle and V8 (10 s after start, or at exit if
// sooner), and a stale or rejected one is ignored (see run-bundle.js in the language server's bin).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { compileBundle, runCompiled, writeCodeCache } from "@alloy-toolkit/language-server/run-bundle";

const bundle = join(__dirname, "server-bundle.js");
const cacheDir = process.env.ALLOY_LANGUAGE_SERVER_CODE_CACHE_DIR;
const cacheFile = cacheDir ? join(cacheDir, `server-${process.arch}-v8-${process.versions.v8}.v8-cache`) : null;
const compiled = compileBundle(bundle, cacheFile);

if (cacheDir && cacheFile && compiled.cache !== "used") {
  let written = false;
  const write = (): void => {
    if (written) return;
    written = true;
    try {
      mkdirSync(cacheDir, { recursive: true });
      writeCodeCache(compiled, cacheFile);
    } catch (error) {
      // Only start-up time is lost: say why once, in the server's output.
      process.stderr.write(`alloy-language-server: could not write the code cache ${cacheFile}: ${(error as Error).message}\n`);
    }
  };
  setTimeout(write, 10_000).unref();
  process.once("exit", write);
}

runCompiled(compiled, bundle);
