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

/**
 * Typing as a user types: `edits` edits of `uri` (version 1 open), one every 60 ms with a pause of 400 ms every
 * fifth, each a space typed at the end of one of the `editable` lines, then deleted again; after each (once the
 * 60 ms or the pause elapsed) `ask(k)` sends the requests to time. Returns the last version sent and, for the
 * edits followed by a pause, the time from the edit to its diagnostics.
 */
export async function typeAndAsk({ connection, diagnosticsFor }, { uri, lines, editable, edits, ask }) {
  let version = 1;
  const editToDiagnostics = [];
  for (let k = 0; k < edits; k++) {
    const line = editable[(Math.floor(k / 2) * 7919) % editable.length];
    const character = lines[line].length;
    version++;
    const pause = k % 5 === 4;
    const change =
      k % 2 === 0
        ? { range: { start: { line, character }, end: { line, character } }, text: " " }
        : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: "" };
    const sent = performance.now();
    const reported = pause ? diagnosticsFor(uri, version) : undefined;
    connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [change] });
    await sleep(pause ? 400 : 60);
    await ask(k);
    if (reported) editToDiagnostics.push((await reported, performance.now() - sent));
  }
  return { version, editToDiagnostics };
}

/** Opens a document and waits for its first diagnostics; the time that took, and those diagnostics. */
export async function openAndWait({ connection, diagnosticsFor }, uri, languageId, text) {
  const t0 = performance.now();
  const opened = diagnosticsFor(uri, 1);
  connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version: 1, text } });
  const first = await opened;
  return { first, openTime: performance.now() - t0 };
}

/**
 * The `ask` of {@link typeAndAsk} that the benches use: a hover on a component's name and a completion in its
 * body, alternately, on a component line picked by the edit's number; with the times it measured.
 */
export function hoverAndComplete({ connection }, uri, componentLines, { hoverCharacter, completionCharacter }) {
  const asked = { hoverTimes: [], completionTimes: [], hoversAnswered: 0 };
  asked.ask = async (k) => {
    const target = componentLines[(k * 104729) % componentLines.length];
    if (k % 2 === 0) {
      const hover = await timed(connection, "textDocument/hover", { textDocument: { uri }, position: { line: target, character: hoverCharacter } });
      asked.hoverTimes.push(hover.time);
      if (hover.result) asked.hoversAnswered++;
    } else {
      const completion = await timed(connection, "textDocument/completion", { textDocument: { uri }, position: { line: target + 1, character: completionCharacter } });
      asked.completionTimes.push(completion.time);
    }
  };
  return asked;
}
