// `pnpm lint` (after `tsc -b`): dependencies point one way — parser ← formatter, catalog ← checker ← deployment,
// checker ← graph ← language-server ← extension (the language server also uses deployment); the cli uses
// formatter, checker, deployment and graph — and core packages never import LSP or VS Code types. Checks both
// package.json dependencies and import specifiers in src/.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const ALLOWED = {
  parser: [],
  formatter: ["parser"],
  catalog: [],
  checker: ["parser", "catalog"],
  deployment: ["parser", "catalog", "checker"],
  "prettier-plugin": ["parser", "formatter"],
  graph: ["parser", "catalog", "checker"],
  "language-server": ["parser", "formatter", "catalog", "checker", "deployment", "graph"],
  cli: ["parser", "formatter", "catalog", "checker", "deployment", "graph"],
};
const CORE = new Set(["parser", "formatter", "catalog", "checker", "deployment", "graph", "cli", "prettier-plugin"]);
const internalName = (spec) =>
  spec.startsWith("@alloy-toolkit/") ? spec.split("/")[1] : spec === "prettier-plugin-alloy" ? "prettier-plugin" : undefined;

function* sources(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.(ts|mts|js|mjs)$/.test(entry)) yield path;
  }
}

const problems = [];
for (const pkg of readdirSync("packages").sort()) {
  const manifestPath = join("packages", pkg, "package.json");
  if (!existsSync(manifestPath)) continue;
  const allowed = ALLOWED[pkg];
  if (!allowed) {
    problems.push(`${pkg}: not in the dependency map of scripts/check-dependency-direction.mjs`);
    continue;
  }
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
    const internal = internalName(dep);
    if (internal && !allowed.includes(internal)) problems.push(`${manifestPath}: depends on ${dep}`);
  }
  const src = join("packages", pkg, "src");
  if (!existsSync(src)) continue;
  for (const file of sources(src)) {
    const text = readFileSync(file, "utf8");
    for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
      const internal = internalName(spec);
      if (internal && internal !== pkg && !allowed.includes(internal)) problems.push(`${file}: imports ${spec}`);
      if (CORE.has(pkg) && /^(vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc)(\/|$|-)/.test(spec)) {
        problems.push(`${file}: core package imports ${spec}`);
      }
    }
  }
}
for (const p of problems) console.log(p);
console.log(problems.length ? `dependency direction: ${problems.length} problems` : "dependency direction: ok");
process.exit(problems.length ? 1 : 0);
