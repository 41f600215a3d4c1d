import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node.js";
import type { PublishDiagnosticsParams } from "vscode-languageserver-protocol";
import { ensureBuilt, packageRoot } from "./support/lsp-client.js";

/**
 * The server as users of other editors install it: `npx -y @alloy-toolkit/language-server --stdio`. The
 * packages it needs are packed as npm would publish them (pnpm turns their `workspace:*` ranges into
 * versions), installed with npm from those tarballs in a project of their own (third-party dependencies come
 * from the npm registry), and the installed bin is started through npx.
 */

/** The language server and the workspace packages it depends on, directly or not. */
function packagesToPack(): string[] {
  const dirs = new Set<string>();
  const visit = (dir: string) => {
    if (dirs.has(dir)) return;
    dirs.add(dir);
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
    for (const name of Object.keys(manifest.dependencies ?? {})) {
      if (name.startsWith("@alloy-toolkit/")) visit(realpathSync(join(dir, "node_modules", name)));
    }
  };
  visit(packageRoot);
  return [...dirs];
}

const npmEnv = { ...process.env, npm_config_yes: "true", npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };

describe("the npm package", () => {
  let scratch: string;
  let project: string;
  beforeAll(() => {
    ensureBuilt();
    scratch = mkdtempSync(join(tmpdir(), "alloy-npm-package-"));
    const tarballs = join(scratch, "tarballs");
    mkdirSync(tarballs);
    for (const dir of packagesToPack()) {
      execFileSync("npx", ["-y", "pnpm@10", "pack", "--pack-destination", tarballs], { cwd: dir, env: npmEnv, stdio: "pipe" });
    }
    project = join(scratch, "project");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({ private: true }));
    const files = readdirSync(tarballs).map((name) => join(tarballs, name));
    execFileSync("npm", ["install", "--no-save", ...files], { cwd: project, env: npmEnv, stdio: "pipe" });
  }, 300_000);
  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it("installs from its tarball and serves over stdio with npx -y @alloy-toolkit/language-server --stdio", async () => {
    const server = spawn("npx", ["-y", "@alloy-toolkit/language-server", "--stdio"], { cwd: project, env: npmEnv, stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    server.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    const uri = pathToFileURL(join(project, "config.alloy")).toString();
    const published = new Promise<PublishDiagnosticsParams>((resolve) =>
      connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
        if (params.uri === uri && params.diagnostics.length > 0) resolve(params);
      }),
    );
    connection.listen();
    const result = await connection.sendRequest<{ serverInfo: { name: string } }>("initialize", { processId: process.pid, rootUri: null, capabilities: {} });
    expect(result.serverInfo.name).toBe("alloy-language-server");
    connection.sendNotification("initialized", {});
    connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "alloy", version: 1, text: 'prometheus.scrap "x" {\n}\n' } });
    // The did-you-mean needs the catalog's data, read from the installed catalog package.
    expect((await published).diagnostics[0].message, stderr).toContain('did you mean "prometheus.scrape"');
    const exited = new Promise<number | null>((resolve) => server.once("exit", resolve));
    await connection.sendRequest("shutdown");
    connection.sendNotification("exit");
    expect(await exited).toBe(0);
    connection.dispose();
  });
});
