import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { StreamMessageReader } from "vscode-jsonrpc/node.js";
import { ensureBuilt, serverBin } from "./support/lsp-client.js";

/** A JSON-RPC message framed as the base protocol frames it. */
const frame = (message: object) => {
  const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }));
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
};

describe("the wire (stdio framing)", () => {
  it("drops a frame with a negative, malformed or missing Content-Length and answers the next request", async () => {
    ensureBuilt();
    const server = spawn(process.execPath, [serverBin, "--stdio"], { stdio: "pipe", env: { ...process.env, ALLOY_LANGUAGE_SERVER_CODE_CACHE_DIR: "" } });
    let stderr = "";
    server.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const answers = new Map<number, unknown>();
    const answered = (id: number) =>
      new Promise<unknown>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer to request ${id}; stderr: ${stderr}`)), 10_000);
        const check = setInterval(() => {
          if (!answers.has(id)) return;
          clearTimeout(timer);
          clearInterval(check);
          resolve(answers.get(id));
        }, 10);
      });
    new StreamMessageReader(server.stdout).listen((message) => {
      if ("id" in message && typeof message.id === "number") answers.set(message.id, message);
    });
    server.stdin.write(frame({ id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } }));
    await answered(1);
    server.stdin.write(frame({ method: "initialized", params: {} }));
    server.stdin.write(Buffer.from("Content-Type: application/json\r\n\r\n{}"));
    server.stdin.write(Buffer.from('Content-Length: -5\r\n\r\n{"jsonrpc":"2.0","id":2,"method":"shutdown"}'));
    server.stdin.write(Buffer.from("Content-Length: twelve\r\n\r\n{}"));
    server.stdin.write(frame({ id: 3, method: "workspace/symbol", params: { query: "" } }));
    expect(await answered(3)).toMatchObject({ id: 3, result: [] });
    expect(answers.has(2)).toBe(false);
    expect(stderr).toContain("dropped a message header with Content-Length");
    expect(stderr).toContain("dropped a message header with no Content-Length");
    server.stdin.write(frame({ id: 4, method: "shutdown" }));
    await answered(4);
    const exited = new Promise<number | null>((resolve) => server.once("exit", resolve));
    server.stdin.write(frame({ method: "exit" }));
    expect(await exited).toBe(0);
  });
});
