import type { Reporter, TestModule } from "vitest/node";

/** Prints `e2e: N passed, N failed` (and skipped, when any) after the run, for CI logs. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") count.passed++;
        else if (state === "failed") count.failed++;
        else count.skipped++;
      }
      // A failing beforeAll fails the module without failing a test: count it.
      if (module.state() === "failed" && count.failed === 0) count.failed++;
    }
    count.failed += unhandledErrors.length;
    const skipped = count.skipped > 0 ? `, ${count.skipped} skipped` : "";
    console.log(`\ne2e: ${count.passed} passed, ${count.failed} failed${skipped}`);
  }
}
