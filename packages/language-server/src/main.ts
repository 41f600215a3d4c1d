import type { ResponseMessage } from "vscode-languageserver";
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

const connection = createConnection(ProposedFeatures.all, {
  connectionStrategy: {
    // A request cancelled before it was dispatched gets its answer at once.
    cancelUndispatched: (message): ResponseMessage | undefined =>
      "id" in message && message.id !== undefined && message.id !== null
        ? { jsonrpc: "2.0", id: message.id as number | string, error: { code: LSPErrorCodes.RequestCancelled, message: "request cancelled" } }
        : undefined,
  },
});
startServer(connection);
