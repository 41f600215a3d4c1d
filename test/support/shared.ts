import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe } from "vitest";

/** `../shared` beside the project root: Alloy's docs and the conformance corpus. */
export const sharedRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared");

/**
 * The path of `sub` inside `../shared`, or `undefined` when it is missing.
 * Under `CI=true` a missing `../shared` is a failure, never a silent skip.
 */
export function sharedPath(sub: string): string | undefined {
  const path = join(sharedRoot, sub);
  if (existsSync(path)) return path;
  if (process.env.CI === "true") {
    throw new Error(`../shared/${sub} is missing (looked at ${path}); CI needs it beside the project root`);
  }
  return undefined;
}

/**
 * `describe` for suites that read `../shared/<sub>`: skipped with a clear message when it is
 * missing on a developer machine, failing under CI.
 */
export function describeShared(sub: string, name: string, body: (path: string) => void): void {
  const path = sharedPath(sub);
  if (path === undefined) {
    console.warn(`[skipped] ${name}: ../shared/${sub} not found beside the project root`);
    describe.skip(`${name} (skipped: ../shared/${sub} not found)`, () => {});
    return;
  }
  describe(name, () => body(path));
}
