// The language server process the extension starts (dist/server.js). It runs the server bundle,
// dist/server-bundle.js, as the language server's bin runs its own (run-bundle.js): compiled with a V8 code cache
// kept in the extension's global storage (the client passes the folder in ALLOY_LANGUAGE_SERVER_CODE_CACHE_DIR).
// Compiling the bundle from its cache instead of its source, with the functions the last run compiled, shortens
// every start after the first (pnpm bench measures it for the bin). The cache cannot ship in the package: it is only valid for the exact
// V8 that made it, and VS Code's differs from the build machine's Node. It is written once per bundle and V8
// (10 s after start, or at exit if sooner), and a stale or rejected one is ignored.
import { join } from "node:path";
import { runBundle } from "@alloy-toolkit/language-server/run-bundle";

runBundle(join(__dirname, "server-bundle.js"));
