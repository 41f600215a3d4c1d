import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

export const testRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
export const snapshotRoot = join(testRoot, "snapshots");

/** `UPDATE_SNAPSHOTS=1` rewrites snapshot files instead of comparing with them. */
export const updatingSnapshots = process.env.UPDATE_SNAPSHOTS === "1";

/**
 * Compares `actual` with the committed text snapshot at `snapshots/<name>`, exactly.
 * A missing snapshot fails (never written silently), unless snapshots are being updated.
 */
export function expectTextSnapshot(name: string, actual: string): void {
  const path = join(snapshotRoot, name);
  if (updatingSnapshots) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  const shown = relative(join(testRoot, "..", ".."), path);
  if (!existsSync(path)) {
    throw new Error(`missing snapshot ${shown}; run UPDATE_SNAPSHOTS=1 npx vitest run grammars to write it`);
  }
  expect(actual, `tokens differ from ${shown} (UPDATE_SNAPSHOTS=1 rewrites it)`).toBe(readFileSync(path, "utf8"));
}
