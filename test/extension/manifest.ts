import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const extensionDir = join(repoDir, "extension");

/** The extension's package.json. */
export const manifest = JSON.parse(readFileSync(join(extensionDir, "package.json"), "utf8"));

export function extensionSource(path: string): string {
  return readFileSync(join(extensionDir, path), "utf8");
}
