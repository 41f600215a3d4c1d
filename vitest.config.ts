import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    exclude: ["**/node_modules/**", "**/dist/**"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ["default", "json"],
    outputFile: { json: ".vitest-report.json" },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["packages/*/test/**/*.test.ts", "grammars/test/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/dist/**", "test/packaging/**"],
        },
      },
      {
        // Packs every package once (global set-up), installs the tarballs in a temporary npm project, and
        // tests what a user gets from the registry: long, so its own project (still part of `pnpm test`).
        extends: true,
        test: {
          name: "packaging",
          include: ["test/packaging/**/*.test.ts"],
          globalSetup: ["test/packaging/global-setup.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
