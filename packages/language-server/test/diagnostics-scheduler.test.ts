import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DiagnosticsScheduler } from "../src/diagnostics-scheduler.js";
import type { Workspace } from "../src/workspace.js";

/**
 * A workspace whose analysis fails at once: a scheduled run starts, ends (through the scheduler's error
 * handler) and counts as activity, which is all `whenQuiet` looks at.
 */
function failingWorkspace(): Workspace {
  return {
    settings: { diagnosticsDelay: 0 },
    configKeyOf: (uri: string) => uri,
    isAlloy: () => true,
    isYamlCandidate: () => false,
    inputsAffectedBy: () => [],
    documents: { get: () => undefined },
    analysis: () => {
      throw new Error("no analysis here");
    },
  } as unknown as Workspace;
}

describe("DiagnosticsScheduler.whenQuiet", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setImmediate", "clearImmediate", "Date"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("calls back once nothing was scheduled for the quiet time", async () => {
    const scheduler = new DiagnosticsScheduler(failingWorkspace(), () => {});
    const callback = vi.fn();
    scheduler.whenQuiet(1_000, callback);
    await vi.advanceTimersByTimeAsync(999);
    expect(callback).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(callback).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it("waits while runs keep being scheduled, then the quiet time after the last one", async () => {
    const errors: unknown[] = [];
    const scheduler = new DiagnosticsScheduler(failingWorkspace(), () => {});
    scheduler.onError = (error) => errors.push(error);
    const callback = vi.fn();
    scheduler.whenQuiet(1_000, callback);
    // Typing: an edit every 300 ms for 3 s.
    for (let k = 0; k < 10; k++) {
      scheduler.schedule("file:///a.alloy");
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(errors).toHaveLength(10);
    expect(callback).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(650);
    expect(callback).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it("never calls back after dispose", async () => {
    const scheduler = new DiagnosticsScheduler(failingWorkspace(), () => {});
    const callback = vi.fn();
    scheduler.whenQuiet(1_000, callback);
    scheduler.dispose();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(callback).not.toHaveBeenCalled();
  });
});
