import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";

/** A minimal JSON-RPC client speaking LSP over a child process's stdio, for tests. */
export class StdioLspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private readonly listeners: ((method: string, params: any) => void)[] = [];
  /** Every notification received so far, oldest first. */
  private readonly notifications: { method: string; params: any }[] = [];
  stderr = "";

  /** `env` defaults to this process's, without a code cache of the server's own (run-bundle.js). */
  constructor(serverModule: string, env: NodeJS.ProcessEnv = { ...process.env, ALLOY_LANGUAGE_SERVER_CODE_CACHE_DIR: "" }) {
    this.child = spawn(process.execPath, [serverModule, "--stdio"], { env });
    this.child.stderr.on("data", (chunk) => (this.stderr += chunk));
    this.child.stdout.on("data", (chunk: Buffer) => this.receive(chunk));
    this.child.on("exit", (code) => {
      for (const { reject } of this.pending.values()) reject(new Error(`server exited (${code}): ${this.stderr}`));
    });
  }

  request<R = any>(method: string, params: unknown): Promise<R> {
    const id = this.nextId++;
    this.send({ jsonrpc: "2.0", id, method, params });
    return new Promise<R>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: "2.0", method, params });
  }

  /** Resolves with the params of the first notification `method` (received or to come) satisfying `accept`. */
  waitForNotification<P = any>(method: string, accept: (params: P) => boolean = () => true): Promise<P> {
    const received = this.notifications.find((n) => n.method === method && accept(n.params));
    if (received) return Promise.resolve(received.params);
    return new Promise((resolve) => {
      const listener = (m: string, params: P) => {
        if (m !== method || !accept(params)) return;
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        resolve(params);
      };
      this.listeners.push(listener);
    });
  }

  /** Asks the server to shut down and exit, and resolves with its exit code (killing it after 5 s). */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    const exited = new Promise<number | null>((resolve) => this.child.once("exit", (code) => resolve(code)));
    await this.request("shutdown", null).catch(() => undefined);
    this.notify("exit", null);
    const timer = setTimeout(() => this.child.kill(), 5_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  }

  private send(message: unknown): void {
    const body = Buffer.from(JSON.stringify(message), "utf8");
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString("utf8"));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: any): void {
    if (message.id !== undefined && message.method !== undefined) {
      // A request from the server (workspace/configuration, client/registerCapability …): answer empty.
      const result = message.method === "workspace/configuration" ? message.params.items.map(() => null) : null;
      this.send({ jsonrpc: "2.0", id: message.id, result });
    } else if (message.id !== undefined) {
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve(message.result);
    } else {
      this.notifications.push({ method: message.method, params: message.params });
      for (const listener of [...this.listeners]) listener(message.method, message.params);
    }
  }
}
