// Renders the pipeline graph of every config under examples/ (and the module fixture) to SVG, then to PNG with
// headless Chromium (Debian `chromium`), into packages/graph/docs/ for the READMEs. Run after `pnpm build`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { analyze } from "@alloy-toolkit/checker";
import { buildGraph, layoutGraph, toSvg } from "../dist/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../..");
const out = resolve(here, "../docs");
const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";

const inputs = [
  ...readdirSync(join(root, "examples"))
    .filter((d) => statSync(join(root, "examples", d)).isDirectory() && d !== "mistakes")
    .map((d) => join(root, "examples", d, "config.alloy")),
  join(here, "../test/fixtures/modules.alloy"),
];

for (const input of inputs) {
  const name = input.includes("/examples/") ? input.split("/").at(-2) : "modules";
  const model = analyze([{ filename: relative(root, input), text: readFileSync(input, "utf8") }], { stabilityLevel: "experimental" });
  const graph = buildGraph(model);
  const layout = layoutGraph(graph);
  const svg = toSvg(graph, layout);
  writeFileSync(join(out, `${name}.svg`), svg);
  const dir = mkdtempSync(join(tmpdir(), "alloy-graph-"));
  const html = join(dir, "page.html");
  writeFileSync(html, `<!doctype html><html><body style="margin:0;background:#fff">${svg}</body></html>`);
  const [width, height] = [Math.ceil(Math.max(layout.width, 320)), Math.max(240, Math.ceil(layout.height + 28))];
  execFileSync(chromium, [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
    `--user-data-dir=${join(dir, "profile")}`, `--window-size=${width},${height}`,
    `--screenshot=${join(out, `${name}.png`)}`, `file://${html}`,
  ], { stdio: "ignore" });
  console.log(`${name}: ${graph.nodes.length} nodes, ${graph.edges.length} edges → docs/${name}.png`);
}
