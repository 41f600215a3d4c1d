import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from "vscode-jsonrpc/node.js";
import type { Diagnostic, Position, PublishDiagnosticsParams } from "vscode-languageserver-protocol";
import { afterAll, beforeAll } from "vitest";
import { bundleFile } from "../../scripts/bundle.mjs";

export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const fixturesRoot = join(packageRoot, "test", "fixtures");
export const serverBin = join(packageRoot, "bin", "alloy-language-server.js");

function runNode(args: string[], what: string): void {
  const run = spawnSync(process.execPath, args, { stdio: "inherit" });
  if (run.status !== 0) throw new Error(`${what} failed`);
}

/** The language server's package and the workspace packages bundled with it (its `@alloy-toolkit/` dependencies). */
function bundledPackageDirs(): string[] {
  const { dependencies } = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  const workspace = Object.keys(dependencies).filter((name) => name.startsWith("@alloy-toolkit/"));
  return [packageRoot, ...workspace.map((name) => realpathSync(join(packageRoot, "node_modules", name)))];
}

/**
 * Why the bin's bundle is not the server as built (`undefined` when it is): missing, or older than the last
 * `tsc -b` of a package it holds. The tests would otherwise drive the previous server.
 */
function bundleProblem(): string | undefined {
  if (!existsSync(bundleFile)) return `${bundleFile} is missing: run pnpm build (tsc -b alone does not bundle the server)`;
  const bundled = statSync(bundleFile).mtimeMs;
  for (const dir of bundledPackageDirs()) {
    const buildInfo = join(dir, "dist", ".tsbuildinfo");
    if (existsSync(buildInfo) && statSync(buildInfo).mtimeMs > bundled) {
      return `${relative(packageRoot, dir) || "the language server"} was built after the bin's bundle: run pnpm build (tsc -b alone does not bundle the server)`;
    }
  }
  return undefined;
}

let built = false;

/**
 * Builds the server when its `dist` is missing (a fresh checkout running the tests first) as `pnpm build`
 * does, tsc then the bundle the bin runs; fails when the bundle is missing or stale.
 */
export function ensureBuilt(): void {
  if (built) return;
  if (!existsSync(join(packageRoot, "dist", "main.js"))) {
    runNode([join(packageRoot, "..", "..", "node_modules", "typescript", "bin", "tsc"), "-b", packageRoot], "building the language server");
    runNode([join(packageRoot, "scripts", "bundle.mjs")], "bundling the language server");
  }
  const problem = bundleProblem();
  if (problem) throw new Error(problem);
  built = true;
}

/** How a test starts the server: which bin (the package's by default) and over which transport. */
export interface ServerLaunch {
  bin?: string;
  transport?: "stdio" | "node-ipc";
  env?: NodeJS.ProcessEnv;
}

/** A real `alloy-language-server` process (over stdio unless asked for node IPC) and a JSON-RPC client talking to it. */
export class LspClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** How many times diagnostics were published, per URI. */
  readonly publishCount = new Map<string, number>();
  private readonly waiters: { uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly logs: string[] = [];
  /** `window/showMessage` notifications, in order. */
  readonly messages: { type: number; message: string }[] = [];
  /** `client/registerCapability` registrations the server asked for. */
  readonly registrations: { id: string; method: string; registerOptions?: unknown }[] = [];
  /** `$/progress` notifications (and `window/workDoneProgress/create` tokens). */
  readonly progress: { token: unknown; value: { kind: string; title?: string; message?: string; percentage?: number } }[] = [];
  readonly progressTokens: unknown[] = [];
  /** What `workspace/configuration` answers for the `alloy` section (`null` until a test sets it). */
  configuration: unknown = null;
  capabilities: Record<string, unknown> = {};
  stderr = "";

  private constructor({ bin = serverBin, transport = "stdio", env: extraEnv = {} }: ServerLaunch) {
    ensureBuilt();
    // No code cache of the server's own in the user's cache folder (run-bundle.js) unless a test asks for one.
    const env = { ...process.env, ALLOY_LANGUAGE_SERVER_CODE_CACHE_DIR: "", ...extraEnv };
    if (transport === "node-ipc") {
      this.process = spawn(process.execPath, [bin, "--node-ipc"], { env, stdio: ["ignore", "pipe", "pipe", "ipc"] });
      this.connection = createMessageConnection(new IPCMessageReader(this.process), new IPCMessageWriter(this.process));
    } else {
      this.process = spawn(process.execPath, [bin, "--stdio"], { env, stdio: "pipe" });
      this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    }
    this.process.stderr!.on("data", (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      this.publishCount.set(params.uri, (this.publishCount.get(params.uri) ?? 0) + 1);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.predicate(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onNotification("window/logMessage", (params: { message: string }) => this.logs.push(params.message));
    this.connection.onNotification("window/showMessage", (params: { type: number; message: string }) => this.messages.push(params));
    this.connection.onNotification("$/progress", (params: LspClient["progress"][number]) => this.progress.push(params));
    this.connection.onRequest("window/workDoneProgress/create", (params: { token: unknown }) => {
      this.progressTokens.push(params.token);
      return null;
    });
    this.connection.onRequest("workspace/configuration", () => [this.configuration]);
    this.connection.onRequest("client/registerCapability", (params: { registrations: LspClient["registrations"] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.listen();
  }

  /**
   * Starts a server and initializes it with `rootUri` (a fixtures folder, or a URI as a client sends it) and
   * settings, as the client `profile` would (`test/fixtures/client-profiles/<profile>.json`: the capabilities
   * that editor sends; none when absent).
   */
  static async start(options: { root?: string; rootUri?: string | null; profile?: ClientProfileName; settings?: Record<string, unknown> } & ServerLaunch = {}): Promise<LspClient> {
    const client = new LspClient(options);
    const rootUri = options.rootUri !== undefined ? options.rootUri : options.root ? pathToFileURL(options.root).toString() : null;
    const initialized = client.connection.sendRequest<{ capabilities: Record<string, unknown> }>("initialize", {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: "fixtures" }] : null,
      capabilities: options.profile ? clientProfile(options.profile).capabilities : {},
      initializationOptions: { diagnosticsDelay: 0, ...options.settings },
    });
    // A server that cannot start (a broken build) fails the test at once instead of at its timeout.
    let onClose = (_code: number | null): void => {};
    const closed = new Promise<never>((_, reject) => {
      onClose = (code) => reject(new Error(`the server exited with code ${code} before answering initialize: ${client.stderr}`));
      client.process.once("close", onClose);
    });
    const result = await Promise.race([initialized, closed]).finally(() => client.process.off("close", onClose));
    client.capabilities = result.capabilities;
    client.connection.sendNotification("initialized", {});
    return client;
  }

  request<R = unknown>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  open(uri: string, text: string, version = 1, languageId = "alloy"): void {
    this.notify("textDocument/didOpen", { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): void {
    this.notify("textDocument/didChange", { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): void {
    this.notify("textDocument/didClose", { textDocument: { uri } });
  }

  lastDiagnostics(uri: string): PublishDiagnosticsParams | undefined {
    return this.diagnostics.get(uri);
  }

  /** The next diagnostics published for `uri` that satisfy `predicate` (the latest one if it already does). */
  waitForDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const current = this.diagnostics.get(uri);
    if (current && predicate(current)) return Promise.resolve(current.diagnostics);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} (stderr: ${this.stderr}; logs: ${this.logs.join("\n")})`)), timeoutMs);
      this.waiters.push({
        uri,
        predicate,
        resolve: (p) => {
          clearTimeout(timer);
          resolvePromise(p.diagnostics);
        },
      });
    });
  }

  /** shutdown + exit; resolves with the exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((r) => this.process.once("exit", (code) => r(code)));
    if (this.process.exitCode !== null) return this.process.exitCode;
    await this.request("shutdown", null);
    this.notify("exit", null);
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

/** `text` with LSP edits applied (UTF-16 positions; lines end at `\n`, `\r\n` or a lone `\r`), as an editor applies them. */
export function applyEdits(text: string, edits: readonly { range: { start: Position; end: Position }; newText: string }[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\r" && text[i + 1] === "\n") i++;
    if (text[i] === "\n" || text[i] === "\r") starts.push(i + 1);
  }
  const offset = (p: Position) => (p.line >= starts.length ? text.length : Math.min(starts[p.line] + p.character, text.length));
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const edit of sorted) out = out.slice(0, offset(edit.range.start)) + edit.newText + out.slice(offset(edit.range.end));
  return out;
}

/** The editors whose `initialize` capabilities the tests send (`test/fixtures/client-profiles/`). */
export const clientProfiles = ["vscode", "neovim-0.10", "neovim-0.11", "helix", "zed", "emacs-eglot", "sublime-lsp"] as const;
export type ClientProfileName = (typeof clientProfiles)[number];

/** A client profile: the editor, where its capabilities were read, and the capabilities. */
export function clientProfile(name: ClientProfileName): { client: string; source: string; capabilities: Record<string, unknown> } {
  return JSON.parse(readFileSync(join(fixturesRoot, "client-profiles", `${name}.json`), "utf8"));
}

/** Splits `<|>` out of a fixture: the text without the marker and the marker's LSP position. */
export function withCursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf("<|>");
  if (at < 0) throw new Error("fixture has no <|> marker");
  const text = marked.slice(0, at) + marked.slice(at + 3);
  const before = text.slice(0, at);
  const line = before.split("\n").length - 1;
  return { text, position: { line, character: at - (before.lastIndexOf("\n") + 1) } };
}

/** A fixture file's text and URI (`test/fixtures/<path>`); `<|>` markers are removed and returned as positions. */
export function fixture(path: string): { uri: string; text: string; positions: Position[]; path: string } {
  const full = join(fixturesRoot, path);
  let text = readFileSync(full, "utf8");
  const positions: Position[] = [];
  for (let at = text.indexOf("<|>"); at >= 0; at = text.indexOf("<|>")) {
    const before = text.slice(0, at);
    positions.push({ line: before.split("\n").length - 1, character: at - (before.lastIndexOf("\n") + 1) });
    text = text.slice(0, at) + text.slice(at + 3);
  }
  return { uri: pathToFileURL(full).toString(), text, positions, path: full };
}

/**
 * The server the tests of one file talk to, as the client `profile` (VS Code unless told): started before
 * them, rooted at the fixtures, and stopped after them. Read `server.client` inside the tests.
 */
export function serverForTests(profile: ClientProfileName = "vscode"): { readonly client: LspClient } {
  const server = { client: undefined as unknown as LspClient };
  beforeAll(async () => {
    server.client = await LspClient.start({ root: fixturesRoot, profile });
  });
  afterAll(async () => {
    // Undefined when the server failed to start: beforeAll's error is the one to read.
    await server.client?.stop();
  });
  return server;
}
