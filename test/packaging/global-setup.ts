import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { publicPackages, type PackedPackages } from "./packages.js";

declare module "vitest" {
  export interface ProvidedContext {
    packed: PackedPackages;
  }
}

/**
 * Packs every public package with `pnpm pack` (which writes the workspace dependencies' versions) and installs
 * all the tarballs together into a fresh npm project, as a user installs them from the registry; their own
 * dependencies come from the npm registry (or npm's cache). Needs `pnpm build` first, as `pnpm test` does.
 */
export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), "alloy-toolkit-packed-"));
  const tarballDir = join(root, "tarballs");
  const projectDir = join(root, "project");
  mkdirSync(tarballDir);
  mkdirSync(projectDir);
  const tarballs: PackedPackages["tarballs"] = {};
  for (const pkg of publicPackages()) {
    if (!existsSync(join(pkg.path, "dist", "index.js"))) throw new Error(`${pkg.name}: dist/index.js is missing; run pnpm build first`);
    const before = new Set(readdirSync(tarballDir));
    execFileSync("npx", ["-y", "pnpm@10", "pack", "--pack-destination", tarballDir], { cwd: pkg.path, stdio: "pipe" });
    const file = readdirSync(tarballDir).find((f) => !before.has(f));
    if (!file) throw new Error(`${pkg.name}: pnpm pack wrote no tarball`);
    tarballs[pkg.name] = { file: join(tarballDir, file), size: statSync(join(tarballDir, file)).size };
  }
  writeFileSync(join(projectDir, "package.json"), JSON.stringify({ name: "packed-consumer", private: true, type: "module" }, null, 2));
  execFileSync(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", ...Object.values(tarballs).map((t) => t.file), "prettier@3"],
    { cwd: projectDir, stdio: "pipe" },
  );
  project.provide("packed", { project: projectDir, tarballs });
  return () => rmSync(root, { recursive: true, force: true });
}
