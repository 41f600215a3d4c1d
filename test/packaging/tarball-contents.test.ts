import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { publicPackages, repoRoot } from "./packages.js";

const { tarballs } = inject("packed");

/** What a tarball may hold: the build, the sources its maps point at, the bins, the README, LICENSE, package.json. */
const ALLOWED = [
  /^package\/(package\.json|README\.md|LICENSE)$/,
  /^package\/dist\/.+\.(js|d\.ts|js\.map|d\.ts\.map)$/,
  /^package\/dist\/[a-z-]+\.bundle\.mjs$/,
  /^package\/dist\/alloy-language-server\.cjs$/,
  /^package\/src\/.+\.ts$/,
  /^package\/bin\/[a-z-]+\.(js|d\.ts)$/,
  /^package\/bin\/package\.json$/,
];
/** Build leftovers and tooling that must never ship. */
const FORBIDDEN = [/\.tsbuildinfo$/, /\.v8-cache$/, /\/generator\//, /generate-cli\./, /\/test\//, /\.tgz$/];

/** The entries of a tarball with their sizes (`tar -tvzf`). */
function entries(file: string): { path: string; size: number }[] {
  return execFileSync("tar", ["-tvzf", file], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => {
      const fields = line.trim().split(/\s+/);
      return { path: fields.slice(5).join(" "), size: Number(fields[2]) };
    })
    .filter((e) => !e.path.endsWith("/"));
}

function readEntry(file: string, path: string): string {
  return execFileSync("tar", ["-xzOf", file, path], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

describe("package tarballs", () => {
  const packages = publicPackages();

  it("are made for every public package, sizes printed", () => {
    expect(Object.keys(tarballs).sort()).toEqual(packages.map((p) => p.name).sort());
    const rows = packages.map((p) => {
      const list = entries(tarballs[p.name].file);
      const unpacked = list.reduce((sum, e) => sum + e.size, 0);
      return `${p.name.padEnd(32)} ${String(Math.round(tarballs[p.name].size / 1024)).padStart(6)} kB packed ${String(Math.round(unpacked / 1024)).padStart(6)} kB unpacked ${String(list.length).padStart(4)} files`;
    });
    console.log(`tarballs:\n${rows.join("\n")}`);
  });

  for (const pkg of packages) {
    describe(pkg.name, () => {
      const file = () => tarballs[pkg.name].file;

      it("holds only the allowed files, no build leftovers", () => {
        const paths = entries(file()).map((e) => e.path);
        expect(paths.filter((p) => !ALLOWED.some((a) => a.test(p)))).toEqual([]);
        expect(paths.filter((p) => FORBIDDEN.some((f) => f.test(p)))).toEqual([]);
        for (const required of ["package/package.json", "package/README.md", "package/LICENSE", "package/dist/index.js", "package/dist/index.d.ts"]) {
          expect(paths).toContain(required);
        }
      });

      it("has source maps whose sources are in the tarball", () => {
        const paths = new Set(entries(file()).map((e) => e.path));
        const maps = [...paths].filter((p) => p.endsWith(".map"));
        const dangling = maps.flatMap((map) => {
          const { sources } = JSON.parse(readEntry(file(), map)) as { sources: string[] };
          const base = map.slice(0, map.lastIndexOf("/"));
          return sources.map((s) => join(base, s)).filter((s) => !paths.has(s)).map((s) => `${map} -> ${s}`);
        });
        expect(dangling).toEqual([]);
      });

      it("carries the repository's licence and the metadata a registry shows", () => {
        expect(readEntry(file(), "package/LICENSE")).toBe(readFileSync(join(repoRoot, "LICENSE"), "utf8"));
        const manifest = JSON.parse(readEntry(file(), "package/package.json"));
        expect(manifest.license).toBe("Apache-2.0");
        expect(manifest.repository).toEqual({ type: "git", url: "git+https://github.com/alloy-toolkit/alloy-toolkit.git", directory: `packages/${pkg.dir}` });
        expect(manifest.homepage).toBe(`https://github.com/alloy-toolkit/alloy-toolkit/tree/HEAD/packages/${pkg.dir}#readme`);
        expect(manifest.bugs).toEqual({ url: "https://github.com/alloy-toolkit/alloy-toolkit/issues" });
        expect(manifest.keywords.length).toBeGreaterThan(0);
        expect(manifest.engines.node).toBe("^20.19.0 || >=22.12.0");
        expect(manifest.sideEffects === false || Array.isArray(manifest.sideEffects)).toBe(true);
        // pnpm pack replaced the workspace protocol with the versions.
        expect(JSON.stringify(manifest.dependencies ?? {})).not.toContain("workspace:");
        for (const [subpath, target] of Object.entries<any>(manifest.exports)) {
          if (subpath === "./package.json") continue;
          expect(Object.keys(target), subpath).toEqual(["types", "default"]);
          if (subpath !== ".") expect(manifest.typesVersions["*"][subpath.slice(2)], subpath).toEqual([target.types]);
        }
      });
    });
  }
});
