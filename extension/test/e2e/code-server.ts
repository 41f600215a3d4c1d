import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A code-server started in its own process group, with user data and extensions in `home`. */
export interface CodeServer {
  readonly url: string;
  stop(): void;
}

export interface CodeServerOptions {
  /** The code-server executable (from scripts/prepare-code-server.sh). */
  executable: string;
  /** Scratch folder: HOME, user data and extensions go inside. */
  home: string;
  vsix: string;
  /** User settings written before start. */
  settings: Record<string, unknown>;
}

export async function startCodeServer({ executable, home, vsix, settings }: CodeServerOptions): Promise<CodeServer> {
  const userData = join(home, "user-data");
  const extensions = join(home, "extensions");
  mkdirSync(join(userData, "User"), { recursive: true });
  writeFileSync(join(userData, "User", "settings.json"), JSON.stringify(settings, null, 2));
  // HOME points into the scratch folder: code-server writes to ~/.config and ~/.local otherwise.
  const env = { ...process.env, HOME: home };
  const common = ["--config", "/dev/null", "--user-data-dir", userData, "--extensions-dir", extensions];
  await run(executable, [...common, "--install-extension", vsix], { env });

  const port = await freePort();
  const server = spawn(
    executable,
    [
      ...common,
      "--auth", "none",
      "--bind-addr", `127.0.0.1:${port}`,
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--ignore-last-opened",
    ],
    { env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  server.stdout?.on("data", (chunk) => (output += chunk));
  server.stderr?.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopGroup(server);
  try {
    await waitForHealth(url, server, () => output);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, stop };
}

/** Stops the whole process group: stopping only code-server leaves its file watchers running. */
function stopGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

async function waitForHealth(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`code-server exited with ${server.exitCode}:\n${output()}`);
    const healthy = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer ${url}/healthz within 30 s:\n${output()}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
