/**
 * The end of the server's start. The bin (bin/run-bundle.js) starts the server with V8's optimizing compiler
 * off, so that the one-off work of the start (loading, then the first document's parse, analysis and checks) is
 * not optimized for runs that never come, and turns it on when told the start is over: here, once the first
 * diagnostics are out. Run any other way (dist/main.js, tests), there is nothing to end.
 */
const END_STARTUP = Symbol.for("alloy-language-server.endStartup");

export function endStartup(): void {
  const end = (globalThis as Record<symbol, unknown>)[END_STARTUP];
  if (typeof end === "function") end();
}
