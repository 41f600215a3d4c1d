import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** A public package of the repository (a `packages/*` folder whose package.json is not private). */
export interface PublicPackage {
  readonly dir: string;
  readonly path: string;
  readonly name: string;
  readonly manifest: Record<string, any>;
}

export function publicPackages(): PublicPackage[] {
  return readdirSync(join(repoRoot, "packages"))
    .map((dir) => ({ dir, path: join(repoRoot, "packages", dir) }))
    .filter(({ path }) => existsSync(join(path, "package.json")))
    .map(({ dir, path }) => ({ dir, path, manifest: JSON.parse(readFileSync(join(path, "package.json"), "utf8")) }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, path, manifest }) => ({ dir, path, name: manifest.name as string, manifest }));
}

/** What the global set-up hands the tests: where the tarballs are and the project they are installed in. */
export interface PackedPackages {
  readonly project: string;
  readonly tarballs: Record<string, { file: string; size: number }>;
}
