// Preloaded into the server by `BENCH_TIMELINE=1` (lsp.mjs): prints to stderr where the cold start's time goes,
// in ms since the server process started, up to the first published diagnostics, and the CPU time spent.
// Measurement only: it wraps JSON.parse (to time the catalog and the didOpen message) and stdout writes.
"use strict";
const faults = () => process.resourceUsage().minorPageFault;
const marks = [["node started, preload runs", performance.now(), faults()]];
const mark = (name, at = performance.now()) => marks.push([name, at, faults()]);

const parse = JSON.parse;
JSON.parse = function timedParse(text, reviver) {
  if (typeof text !== "string" || text.length < 100_000) return parse(text, reviver);
  const start = performance.now();
  const result = parse(text, reviver);
  mark(`JSON.parse of ${(text.length / 1024).toFixed(0)} KB done (${(performance.now() - start).toFixed(1)} ms)`);
  return result;
};

const write = process.stdout.write;
let firstWrite = true;
process.stdout.write = function timedWrite(chunk, ...rest) {
  if (firstWrite) {
    firstWrite = false;
    mark("first message written (initialize response)");
  }
  if (String(chunk).includes("textDocument/publishDiagnostics")) {
    mark("first publishDiagnostics written");
    process.stdout.write = write;
    const cpu = process.cpuUsage();
    let previous = 0;
    let previousFaults = 0;
    const lines = marks.map(([name, at, faultsThen]) => {
      const line =
        `${at.toFixed(0).padStart(6)} ms ${`(+${(at - previous).toFixed(0)})`.padStart(7)} ` +
        `${`+${faultsThen - previousFaults}`.padStart(7)} page faults  ${name}`;
      previous = at;
      previousFaults = faultsThen;
      return line;
    });
    lines.push(`  CPU time: user ${(cpu.user / 1000).toFixed(0)} ms, system ${(cpu.system / 1000).toFixed(0)} ms`);
    process.stderr.write(`server cold start timeline:\n${lines.join("\n")}\n`);
  }
  return write.call(this, chunk, ...rest);
};
