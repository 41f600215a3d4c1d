// What both bins do: run the command's bundle, dist/<command>.bundle.mjs, which `pnpm build` writes after
// tsc -b (scripts/bundle.mjs) and which Node loads faster than dist/<command>.js and the modules it imports;
// without it (only tsc -b has run), dist/<command>.js itself.
import { existsSync } from "node:fs";

/**
 * The exit status of a process killed by SIGPIPE (128 + 13): what the shell sees from a command whose reader
 * went away, such as `alloy fmt … | head` (Go dies of the signal). Node ignores SIGPIPE, so it says so itself.
 */
const CLOSED_PIPE_STATUS = 141;

/**
 * When the reader of our output goes away (`alloylint … | head`), a write fails with EPIPE: stop at once and
 * quietly, with the status a closed pipe gives, instead of Node's trace for an unhandled 'error' event.
 */
function exitQuietlyWhenOutputCloses(stream) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") process.exit(CLOSED_PIPE_STATUS);
    throw error;
  });
}

/** Runs a command (`alloyfmt`, `alloylint`): its bundle when there is one. */
export async function run(command) {
  exitQuietlyWhenOutputCloses(process.stdout);
  exitQuietlyWhenOutputCloses(process.stderr);
  const bundle = new URL(`../dist/${command}.bundle.mjs`, import.meta.url);
  await import(existsSync(bundle) ? bundle.href : new URL(`../dist/${command}.js`, import.meta.url).href);
}
