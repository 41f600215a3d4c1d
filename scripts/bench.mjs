// `pnpm bench`: runs every package's benchmark script (packages/*/bench/*.mjs) on the built packages.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

let failed = false;
for (const pkg of readdirSync("packages").sort()) {
  const dir = join("packages", pkg, "bench");
  if (!existsSync(dir)) continue;
  for (const script of readdirSync(dir).filter((f) => f.endsWith(".mjs")).sort()) {
    console.log(`\n## ${pkg}/${script}`);
    const run = spawnSync(process.execPath, ["--expose-gc", join(dir, script)], { stdio: "inherit" });
    if (run.status !== 0) failed = true;
  }
}
process.exit(failed ? 1 : 0);
