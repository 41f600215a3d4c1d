// What both bins do: run the command's bundle, dist/<command>.bundle.mjs, which `pnpm build` writes after
// tsc -b (scripts/bundle.mjs) and which Node loads faster than dist/<command>.js and the modules it imports;
// without it (only tsc -b has run), dist/<command>.js itself.
import { existsSync } from "node:fs";

/** Runs a command (`alloyfmt`, `alloylint`): its bundle when there is one. */
export async function run(command) {
  const bundle = new URL(`../dist/${command}.bundle.mjs`, import.meta.url);
  await import(existsSync(bundle) ? bundle.href : new URL(`../dist/${command}.js`, import.meta.url).href);
}
