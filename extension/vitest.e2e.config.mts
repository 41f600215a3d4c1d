import { defineConfig } from "vitest/config";

// The end-to-end test drives a real VS Code (code-server) and is kept out of the root `pnpm test`.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    reporters: ["default", "./test/e2e/summary-reporter.ts"],
  },
});
