// End to end: installs the packaged .vsix into code-server, opens a Helm values file with a mistake (no Alloy
// file open yet) and an example with a mistake in headless Chromium, and checks diagnostics, hover,
// completion, the commands, Format Document and format on save against the toolkit's own packages. Run with `pnpm --filter alloy-vscode test:e2e` after `pnpm package`
// (see .ci/e2e). One server and one window for the whole file; the tests run in order on the same editor.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCodeServer, type CodeServer } from "./code-server";
import { Workbench } from "./workbench";

const extensionDir = join(dirname(fileURLToPath(import.meta.url)), "../..");
const repoDir = join(extensionDir, "..");
const screenshots = join(extensionDir, "test/screenshots");
const fileName = "mistake.alloy";

// The expectations come from the toolkit's own packages, not from strings copied into this test.
const alloyfmt = join(repoDir, "packages/cli/bin/alloyfmt.js");
const catalog = (await import(join(repoDir, "packages/catalog/dist/index.js"))) as {
  catalogVersion: string;
  getComponent(name: string): { description: string; docUrl: string; attributes: { name: string }[] } | undefined;
};
const scrape = catalog.getComponent("prometheus.scrape")!;

const manifest = JSON.parse(readFileSync(join(extensionDir, "package.json"), "utf8"));
const vsix = join(extensionDir, `${manifest.name}-${manifest.version}.vsix`);

let scratch: string;
let codeServer: CodeServer | undefined;
let browser: BrowserContext | undefined;
let page: Page;
let workbench: Workbench;
let workspaceFile: string;
let original: string;

beforeAll(async () => {
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`pnpm package\` first`);
  const executable = execFileSync(join(extensionDir, "scripts/prepare-code-server.sh"), { encoding: "utf8" }).trim();
  scratch = mkdtempSync(join(process.env.TMPDIR ?? tmpdir(), "alloy-e2e-run-"));
  const workspace = join(scratch, "workspace");
  cpSync(join(extensionDir, "test/e2e/workspace"), workspace, { recursive: true });
  workspaceFile = join(workspace, fileName);
  original = readFileSync(workspaceFile, "utf8");

  codeServer = await startCodeServer({
    executable,
    home: scratch,
    vsix,
    settings: {
      "workbench.startupEditor": "none",
      "telemetry.telemetryLevel": "off",
      "workbench.tips.enabled": false,
      "workbench.colorTheme": "Default Dark Modern",
      "extensions.ignoreRecommendations": true,
      "window.restoreWindows": "none",
      // VS Code for the web saves after a delay by default; the test saves explicitly.
      "files.autoSave": "off",
      // No fade-ins: screenshots show widgets fully drawn.
      "workbench.reduceMotion": "on",
    },
  });
  browser = await chromium.launchPersistentContext(join(scratch, "chromium"), {
    executablePath: "/usr/bin/chromium",
    viewport: { width: 1280, height: 720 },
    env: { ...process.env, HOME: scratch },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(20_000);
  await page.goto(`${codeServer.url}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator(".monaco-workbench").waitFor({ timeout: 60_000 });
  workbench = new Workbench(page);
});

afterAll(async () => {
  await browser?.close();
  codeServer?.stop();
  // Retries: the stopped server's processes may still be writing into the scratch folder.
  if (scratch) rmSync(scratch, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

/** 1-based line and column of `needle` in `text`, plus `offset` characters. */
function positionOf(text: string, needle: string, offset = 0): { line: number; column: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${JSON.stringify(needle)} not in the text`);
  const before = text.slice(0, index + offset).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The extension's status bar item: the catalog release, then the errors and warnings the server reports. */
const statusBarItem = (errors: number, warnings: number) =>
  page.locator(".statusbar-item", { hasText: new RegExp(`Alloy ${catalog.catalogVersion.replace(/\./g, "\\.")}\\s*${errors}\\s*${warnings}$`) }).first();

/** The editor tab of the example while it has unsaved changes. */
const dirtyTab = () => page.locator(".tab.dirty", { hasText: fileName });

// First, with no Alloy file open: a Helm values file of the grafana/alloy chart in the same workspace.
describe("alloy-vscode on a Helm values file (values.yaml), no Alloy file open", () => {
  const valuesFile = () => join(scratch, "workspace", "values.yaml");

  it("checks the values file's inline config and counts its problem in the status bar", async () => {
    await workbench.openFromExplorer("values.yaml");
    await workbench.waitForLanguage("YAML");
    await expect(page.locator(".tab", { hasText: fileName }).count()).resolves.toBe(0);
    await page.locator(".view-overlays .squiggly-error").first().waitFor({ timeout: 30_000 });
    await workbench.runCommand("View: Focus Problems (Errors, Warnings, Infos)");
    await page.locator(".markers-panel .monaco-list-row", { hasText: 'did you mean "prometheus.scrape"' }).first().waitFor();
    // The workspace is checked too: the values file's problem, mistake.alloy's and alloy-manifest.yaml's.
    await statusBarItem(3, 0).waitFor();
    await workbench.runCommand("View: Hide Panel");
  });

  it("clears the problem once the fixed values file is saved", async () => {
    const text = readFileSync(valuesFile(), "utf8");
    const { line, column } = positionOf(text, "prometheus.scrap", "prometheus.scrap".length);
    await workbench.editor.click();
    await workbench.goTo(line, column);
    await page.keyboard.type("e");
    await page.keyboard.press("Control+S");
    await page.locator(".tab.dirty", { hasText: "values.yaml" }).waitFor({ state: "hidden" });
    expect(readFileSync(valuesFile(), "utf8")).toBe(text.replace("prometheus.scrap ", "prometheus.scrape "));
    await page.locator(".view-overlays .squiggly-error").first().waitFor({ state: "detached" });
    await workbench.runCommand("View: Close All Editors");
  });
});

describe(`alloy-vscode in code-server (${fileName})`, () => {
  it("shows the misspelt attribute as a problem", async () => {
    await workbench.openFromExplorer(fileName);
    await workbench.waitForLanguage("Alloy");
    await workbench.editor.click();
    await page.locator(".view-overlays .squiggly-error").first().waitFor({ timeout: 30_000 });
    await workbench.runCommand("View: Focus Problems (Errors, Warnings, Infos)");
    const problem = page.locator(".markers-panel .monaco-list-row", { hasText: "scrape_intervall" });
    await problem.first().waitFor();
    // The status bar item: catalog release, then errors and warnings in Alloy files and values files (the
    // values file's problem, fixed above, is no longer counted; alloy-manifest.yaml's is).
    await statusBarItem(2, 0).waitFor();
    await workbench.screenshot(join(screenshots, "problem.png"));
    await workbench.runCommand("View: Hide Panel");
    await workbench.editor.click();
  });

  it("shows the component's documentation on hover", async () => {
    const { line, column } = positionOf(original, "prometheus.scrape", "prometheus.".length + 1);
    await workbench.goTo(line, column);
    await workbench.runCommand("Show or Focus Hover");
    // A few words of the catalog's description of prometheus.scrape, after its leading name.
    const words = scrape.description.split(/\s+/).slice(1, 6).join(" ");
    const hover = page.locator(".monaco-hover-content", { hasText: words });
    await hover.first().waitFor();
    await workbench.screenshot(join(screenshots, "hover.png"));
    await page.keyboard.press("Escape");
  });

  it("offers the component's arguments as completions", async () => {
    const expected = ["scrape_interval", "scrape_timeout"];
    expect(scrape.attributes.map((a) => a.name)).toEqual(expect.arrayContaining(expected));
    const { line } = positionOf(original, 'prometheus.scrape "node" {');
    await workbench.goTo(line, 1);
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("scrape_");
    await page.keyboard.press("Control+Space");
    for (const name of expected) {
      await page.locator(".suggest-widget .monaco-list-row", { hasText: name }).first().waitFor();
    }
    await workbench.screenshot(join(screenshots, "completion.png"));
    await page.keyboard.press("Escape");
    await workbench.runCommand("File: Revert File");
    await dirtyTab().waitFor({ state: "hidden" });
    expect(readFileSync(workspaceFile, "utf8")).toBe(original);
  });

  it("opens the documentation of the component under the cursor", async () => {
    await browser!.route("https://grafana.com/**", (route) => route.fulfill({ status: 200, body: "docs" }));
    const { line, column } = positionOf(original, "prometheus.scrape", 1);
    await workbench.goTo(line, column);
    await workbench.runCommand("Alloy: Open Component Documentation");
    // VS Code asks before it opens an external website; the dialog names the URL.
    const dialog = page.locator(".monaco-dialog-box");
    await dialog.locator(".dialog-message-detail", { hasText: scrape.docUrl }).waitFor();
    const opened = browser!.waitForEvent("page");
    await dialog.locator(".monaco-button", { hasText: /^Open$/ }).click();
    const docs = await opened;
    await expect.poll(() => docs.url()).toBe(scrape.docUrl);
    await docs.close();
  });

  it("restarts the server and shows its output", async () => {
    await workbench.runCommand("Alloy: Restart Language Server");
    await page.locator(".statusbar-item", { hasText: "Alloy language server restarted" }).waitFor();
    await page.locator(".view-overlays .squiggly-error").first().waitFor();
    await workbench.runCommand("Alloy: Show Output");
    // The output view's channel picker shows the channel on display.
    const channel = page.locator(".panel .composite.title select.monaco-select-box").first();
    await expect.poll(() => channel.inputValue()).toBe("Alloy");
    await workbench.runCommand("View: Hide Panel");
    await workbench.editor.click();
  });

  it("keeps the server's code cache in the extension's global storage, made for the installed bundle", async () => {
    // The first server wrote it as it exited on the restart (or 10 s after it started).
    const manifest = JSON.parse(readFileSync(join(extensionDir, "package.json"), "utf8")) as { publisher: string; name: string; version: string };
    const id = `${manifest.publisher}.${manifest.name}`;
    const cacheDir = join(scratch, "user-data", "User", "globalStorage", id, "code-cache");
    const caches = () => (existsSync(cacheDir) ? readdirSync(cacheDir).filter((f) => f.endsWith(".v8-cache")) : []);
    await expect.poll(caches, { timeout: 15_000 }).toHaveLength(1);
    // The bundle's last line records the SHA-256 of the bytes before it; the cache's first line is that hash
    // and the V8 that made the cache (code-server's Node), which the file's name also carries.
    const bundle = readFileSync(join(scratch, "extensions", `${id}-${manifest.version}`, "dist", "server-bundle.js"), "latin1");
    const tag = /\/\/# alloyBundleSha256=([0-9a-f]{64})\n$/.exec(bundle);
    expect(tag?.[1]).toBe(createHash("sha256").update(bundle.slice(0, tag!.index), "latin1").digest("hex"));
    const made = /^server-bundle-(\w+)-v8-(.+)\.v8-cache$/.exec(caches()[0]);
    expect(made, caches()[0]).not.toBeNull();
    const cache = readFileSync(join(cacheDir, caches()[0]));
    expect(cache.toString("latin1", 0, cache.indexOf(10))).toBe(`${tag![1]} ${made![1]} v8-${made![2]}`);
  });

  let formatted: string;

  it('"Format Document" changes the text exactly as alloyfmt does', async () => {
    // What `alloyfmt mistake.alloy` prints (the file on disk is still the original here).
    formatted = execFileSync(process.execPath, [alloyfmt, workspaceFile], { encoding: "utf8" });
    expect(formatted).not.toBe(original);
    await workbench.runCommand("Format Document");
    await dirtyTab().waitFor();
    // Format on save is on (the extension's default): save without it to see what Format Document did.
    await workbench.runCommand("File: Save without Formatting");
    await dirtyTab().waitFor({ state: "hidden" });
    await workbench.screenshot(join(screenshots, "format.png"));
    expect(readFileSync(workspaceFile, "utf8")).toBe(formatted);
  });

  it("formats on save", async () => {
    await page.keyboard.press("Control+Z"); // the unformatted text again
    await dirtyTab().waitFor();
    await page.keyboard.press("Control+S");
    await dirtyTab().waitFor({ state: "hidden" });
    expect(readFileSync(workspaceFile, "utf8")).toBe(formatted);
  });

  // Last, on the formatted example: the graph panel stays open beside the editor.
  const graphNode = (id: string) => workbench.webview.locator(`g.node[data-id="${id}"]`);

  it('"Alloy: Show Pipeline Graph" shows the example\'s components in a webview beside it', async () => {
    await workbench.runCommand("Alloy: Show Pipeline Graph");
    await graphNode("prometheus.scrape.node").waitFor({ timeout: 30_000 });
    await graphNode("prometheus.remote_write.default").waitFor();
    await expect.poll(() => workbench.webview.locator("g.node").count()).toBe(2);
    await expect(workbench.webview.locator("#notice").isHidden()).resolves.toBe(true);
    // One panel per config: the command again reveals the open one.
    await workbench.runCommand("Alloy: Show Pipeline Graph");
    await expect(page.locator(".tab", { hasText: "Alloy graph: workspace" }).count()).resolves.toBe(1);
  });

  let addedLine: number;

  it("updates the graph after an edit that adds a component, with a notice while it does not parse", async () => {
    const text = readFileSync(workspaceFile, "utf8");
    const lastLine = text.split("\n").length; // the empty line after the final newline
    addedLine = lastLine + 1;
    await workbench.editor.click();
    await workbench.goTo(lastLine, 1);
    await page.keyboard.insertText('\nprometheus.relabel "added" {\n\tforward_to = [prometheus.remote_write.default.receiver]\n');
    // Unclosed so far: the panel says the graph shows what parsed, and already has the new component.
    const notice = workbench.webview.locator("#notice");
    await notice.filter({ hasText: "syntax error" }).waitFor();
    await graphNode("prometheus.relabel.added").waitFor();
    await page.keyboard.press("Shift+Tab"); // the editor kept the indentation of the line above
    await page.keyboard.type("}");
    await notice.waitFor({ state: "hidden" });
    await expect.poll(() => workbench.webview.locator("g.node").count()).toBe(3);
    await workbench.runCommand("View: Close Primary Side Bar");
    await workbench.screenshot(join(screenshots, "graph.png"));
  });

  it("reveals a component's block when its node is clicked", async () => {
    await workbench.goTo(1, 1);
    await workbench.cursorPosition.filter({ hasText: "Ln 1, Col 1" }).waitFor();
    await graphNode("prometheus.relabel.added").click();
    await workbench.cursorPosition.filter({ hasText: `Ln ${addedLine}, Col 1` }).waitFor();
    await page.locator(".editor-instance .view-line", { hasText: 'prometheus.relabel "added" {' }).waitFor();
  });
});

// A Kubernetes manifest of the workspace (test/e2e/workspace/alloy-manifest.yaml): a ConfigMap holding a config
// with a misspelled component.
describe("alloy-vscode on a Kubernetes manifest (alloy-manifest.yaml)", () => {
  const manifestName = "alloy-manifest.yaml";

  it("shows the misspelled component of the ConfigMap's config at its YAML line", async () => {
    const manifest = readFileSync(join(scratch, "workspace", manifestName), "utf8");
    // The graph steps above closed the side bar.
    await workbench.runCommand("View: Show Explorer");
    await workbench.openFromExplorer(manifestName);
    await workbench.waitForLanguage("YAML");
    await page.locator(".view-overlays .squiggly-error").first().waitFor({ timeout: 30_000 });
    await workbench.runCommand("View: Focus Problems (Errors, Warnings, Infos)");
    const { line, column } = positionOf(manifest, "prometheus.exporter.unx");
    const row = page.locator(".markers-panel .monaco-list-row", { hasText: 'did you mean "prometheus.exporter.unix"' }).first();
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(`[Ln ${line}, Col ${column}]`);
    await workbench.runCommand("View: Hide Panel");
    await workbench.runCommand("View: Close All Editors");
  });
});
