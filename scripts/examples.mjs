// `pnpm run examples`: the toolkit's main job over examples/ — every config parses.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { formatDiagnostic, parse } from "@alloy-toolkit/parser";

function* configs(dir) {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* configs(path);
    else if (/\.(alloy|river)$/.test(entry)) yield path;
  }
}

let errors = 0;
let files = 0;
for (const path of configs("examples")) {
  files++;
  const { ast, diagnostics } = parse(readFileSync(path, "utf8"), { filename: path });
  for (const d of diagnostics) console.log(formatDiagnostic(path, d));
  errors += diagnostics.length;
  console.log(`${path}: ${ast.body.length} top-level statements, ${ast.comments.length} comments`);
}
console.log(`${files} files, ${errors} errors`);
process.exit(errors ? 1 : 0);
