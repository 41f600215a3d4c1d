import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { publicPackages, repoRoot } from "./packages.js";
import { runnableExamples } from "./readme-examples.js";

const { project } = inject("packed");
const examplesDir = join(project, "examples");
const tsc = join(repoRoot, "node_modules", "typescript", "bin", "tsc");

/** The packages whose README has no runnable example: the language server's API is a server on an LSP connection. */
const WITHOUT_EXAMPLES = new Set(["@alloy-toolkit/language-server"]);

const examples = publicPackages().flatMap((pkg) =>
  runnableExamples(readFileSync(join(pkg.path, "README.md"), "utf8")).map((example, index) => ({
    ...example,
    pkg,
    name: `${pkg.dir}-${index + 1}`,
  })),
);

function runNode(file: string): void {
  execFileSync(process.execPath, [file], { cwd: project, stdio: "pipe", encoding: "utf8" });
}

function typeCheck(name: string, compilerOptions: Record<string, unknown>): string {
  const config = join(project, `tsconfig.${name}.json`);
  writeFileSync(
    config,
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "ES2022",
        lib: ["ES2022"],
        types: ["node"],
        typeRoots: [join(repoRoot, "node_modules", "@types")],
        skipLibCheck: false,
        ...compilerOptions,
      },
      include: ["examples/*.ts"],
    }),
  );
  try {
    return execFileSync(process.execPath, [tsc, "-p", config], { cwd: project, encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}

describe("README examples, run from the installed tarballs", () => {
  beforeAll(() => {
    mkdirSync(examplesDir, { recursive: true });
    for (const example of examples) writeFileSync(join(examplesDir, `${example.name}.${example.language}`), example.code);
  });

  it("exist for every package with a library API", () => {
    const withExamples = new Set(examples.map((e) => e.pkg.name));
    expect(publicPackages().map((p) => p.name).filter((n) => !withExamples.has(n) && !WITHOUT_EXAMPLES.has(n))).toEqual([]);
  });

  for (const example of examples) {
    const where = `${example.pkg.dir}/README.md:${example.line}`;
    it(`${where} runs as an ES module`, () => {
      const file = join(examplesDir, `${example.name}.mjs`);
      writeFileSync(file, transformSync(example.code, { loader: example.language, format: "esm", target: "node20" }).code);
      runNode(file);
    });

    it(`${where} runs as CommonJS (require of the packages)`, () => {
      const file = join(examplesDir, `${example.name}.cjs`);
      const { code } = transformSync(example.code, { loader: example.language, format: "cjs", target: "node20" });
      expect(code).toContain("require(");
      writeFileSync(file, code);
      runNode(file);
    });
  }

  it("type-check with TypeScript's node16 resolution", () => {
    expect(typeCheck("node16", { module: "node16", moduleResolution: "node16" })).toBe("");
  });

  it("type-check with TypeScript's bundler resolution", () => {
    expect(typeCheck("bundler", { module: "esnext", moduleResolution: "bundler" })).toBe("");
  });

  it("every entry point and subpath resolves under TypeScript's node10 resolution (typesVersions)", () => {
    const imports = publicPackages().flatMap((pkg) =>
      Object.keys(pkg.manifest.exports)
        .filter((s) => s !== "./package.json")
        .map((s) => (s === "." ? pkg.name : `${pkg.name}/${s.slice(2)}`)),
    );
    const dir = join(project, "node10");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "imports.ts"), imports.map((name, i) => `import * as m${i} from "${name}";\nvoid m${i};\n`).join(""));
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, module: "commonjs", moduleResolution: "node10", target: "ES2022", types: ["node"], typeRoots: [join(repoRoot, "node_modules", "@types")], skipLibCheck: true },
        files: ["imports.ts"],
      }),
    );
    let output = "";
    try {
      execFileSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], { cwd: dir, encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    expect(output.split("\n").filter((l) => l.includes("TS2307"))).toEqual([]);
  });
});
