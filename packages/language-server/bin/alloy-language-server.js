#!/usr/bin/env node
// Runs the bundled server, dist/alloy-language-server.cjs (`pnpm build` writes it after tsc -b; see
// scripts/bundle.mjs): it starts sooner than dist/main.js and the modules it imports. This file is
// CommonJS (bin/package.json) because an ES module entry point costs the start-up more. Without the
// bundle (only tsc -b has run) the bin says so and runs dist/main.js, the same server, unbundled.
"use strict";
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const bundle = join(__dirname, "..", "dist", "alloy-language-server.cjs");
if (existsSync(bundle)) {
  // With the V8 code cache the build writes beside the bundle (run-bundle.js).
  require("./run-bundle.js").runBundle(bundle);
} else {
  process.stderr.write("alloy-language-server: dist/alloy-language-server.cjs is missing (pnpm build writes it); running dist/main.js\n");
  import("../dist/main.js");
}
