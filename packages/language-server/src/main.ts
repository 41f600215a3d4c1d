import type { Message, ResponseMessage } from "vscode-languageserver";
import { FramedInput } from "./framed-input.js";
import { createConnection, LSPErrorCodes, ProposedFeatures } from "./lsp.js";
import { startServer } from "./server.js";

/**
 * Entry point of `alloy-language-server`. The transport comes from the command line, as
 * vscode-languageserver reads it: `--stdio`, `--node-ipc`, `--socket=<port>` or `--pipe=<name>`.
 */
const transports = ["--stdio", "--node-ipc", "--socket", "--pipe", "--clientProcessId"];
if (process.argv.includes("--help") || !process.argv.slice(2).some((a) => transports.some((t) => a.startsWith(t)))) {
  process.stderr.write("usage: alloy-language-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>\n");
  process.exit(process.argv.includes("--help") ? 0 : 2);
}

const options = {
  connectionStrategy: {
    // A request cancelled before it was dispatched gets its answer at once.
    cancelUndispatched: (message: Message): ResponseMessage | undefined =>
      "id" in message && message.id !== undefined && message.id !== null
        ? { jsonrpc: "2.0", id: message.id as number | string, error: { code: LSPErrorCodes.RequestCancelled, message: "request cancelled" } }
        : undefined,
  },
};

/**
 * Over stdio the input goes through {@link FramedInput}, which drops a frame with a bad `Content-Length` and
 * reads on, instead of vscode-jsonrpc's reader waiting forever for its body. stdout carries the protocol:
 * anything logged goes to stderr.
 */
function stdioConnection() {
  console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);
  const input = process.stdin.pipe(new FramedInput((problem) => process.stderr.write(`alloy-language-server: ${problem}\n`)));
  return createConnection(ProposedFeatures.all, input, process.stdout, options);
}

startServer(process.argv.includes("--stdio") ? stdioConnection() : createConnection(ProposedFeatures.all, options));
