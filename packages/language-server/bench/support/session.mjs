// Shared by the language server's benches: the built server over stdio, as VS Code starts it.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require("vscode-jsonrpc/node");

/** The server a bench drives: BENCH_SERVER=<bin> runs another build (e.g. main's, for before/after). */
export const serverBin = process.env.BENCH_SERVER ?? join(here, "..", "..", "bin", "alloy-language-server.js");

export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
export const ms = (n) => `${Math.round(n)} ms`;
export const kb = (n) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`);
export const sleep = (duration) => new Promise((resolve) => setTimeout(resolve, duration));
export const describe = (values) => `p50 ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))}, max ${ms(Math.max(...values))}`;

/** Starts the server as VS Code would (its capabilities: snippets, semantic tokens, watchers). */
export async function start(rootUri = null) {
  const server = spawn(process.execPath, [serverBin, "--stdio"], { stdio: ["pipe", "pipe", "inherit"], env: { ...process.env, ALLOY_LANGUAGE_SERVER_CODE_CACHE_DIR: "" } });
  const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const published = new Map();
  const waiters = [];
  connection.onNotification("textDocument/publishDiagnostics", (params) => {
    published.set(params.uri, params);
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && (params.version ?? 0) >= waiter.version) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  connection.onRequest("workspace/configuration", () => [null]);
  connection.onRequest("client/registerCapability", () => null);
  connection.onRequest("window/workDoneProgress/create", () => null);
  connection.listen();
  const capabilities = JSON.parse(readFileSync(join(here, "..", "..", "test", "fixtures", "client-profiles", "vscode.json"), "utf8")).capabilities;
  await connection.sendRequest("initialize", { processId: process.pid, rootUri, capabilities, initializationOptions: {} });
  connection.sendNotification("initialized", {});
  /** Diagnostics of `uri` for `version` or a later one. */
  const diagnosticsFor = (uri, version) => new Promise((resolve) => waiters.push({ uri, version, resolve }));
  return { server, connection, diagnosticsFor };
}

export async function stop({ server, connection }) {
  const exited = new Promise((resolve) => server.once("exit", resolve));
  await connection.sendRequest("shutdown");
  connection.sendNotification("exit");
  await exited;
  connection.dispose();
}

/** Times a request and measures its answer. */
export async function timed(connection, method, params) {
  const t0 = performance.now();
  const result = await connection.sendRequest(method, params);
  return { time: performance.now() - t0, bytes: Buffer.byteLength(JSON.stringify(result ?? null)), result };
}

