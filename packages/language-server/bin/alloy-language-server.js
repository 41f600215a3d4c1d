#!/usr/bin/env node
// Runs the bundled server, dist/alloy-language-server.bundle.js (`pnpm build` writes it after tsc -b; see
// scripts/bundle.mjs): it starts about 100 ms sooner than dist/main.js and the modules it imports. Without the
// bundle (only tsc -b has run) the bin says so and runs dist/main.js, the same server, unbundled.
import { existsSync } from "node:fs";

const bundle = new URL("../dist/alloy-language-server.bundle.js", import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  process.stderr.write("alloy-language-server: dist/alloy-language-server.bundle.js is missing (pnpm build writes it); running dist/main.js\n");
  await import("../dist/main.js");
}
