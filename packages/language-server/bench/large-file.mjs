// `pnpm bench` (language server, large file): drives the built server over stdio on the corpus's 4 MB
// `large.alloy` (../shared/corpus/bench) as an editor would, and prints: open → first diagnostics; hover and
// completion latency while typing (p50/p95/max, edits at a typing pace with the default diagnostics delay,
// requests right after edits and in pauses); edit → diagnostics reported; Format Document, documentSymbol,
// semantic tokens and folding ranges (time and answer size); the pipeline graph of its 14,000 components and of
// a generated 15,000-component config. BENCH_SERVER=<bin> runs another build (e.g. main's, for before/after).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, kb, ms, serverBin, start, stop, timed, typeAndAsk, openAndWait, hoverAndComplete } from "./support/session.mjs";

const here = dirname(fileURLToPath(import.meta.url));

const largeFile = join(here, "..", "..", "..", "..", "shared", "corpus", "bench", "large.alloy");
if (!existsSync(largeFile)) {
  if (process.env.CI === "true") throw new Error(`${largeFile} is missing: CI needs ../shared beside the project root`);
  console.log(`skipped: ${largeFile} not found (../shared beside the project root)`);
  process.exit(0);
}
const EDITS = Number(process.env.BENCH_EDITS ?? 150);

const text = readFileSync(largeFile, "utf8");
const lines = text.split("\n");
const uri = pathToFileURL(join(here, "..", "test", "fixtures", "scratch", "bench-large", "large.alloy")).toString();
const session = await start();
const { connection, diagnosticsFor } = session;

const { first, openTime } = await openAndWait(session, uri, "alloy", text);
let t0;

// Typing: an edit every 60 ms, a pause of 400 ms every fifth edit; after each edit (once the 60 ms or the
// pause elapsed) a hover on a component name or a completion in a block body, alternately.
const editable = lines.flatMap((line, n) => (line.includes(" = ") ? [n] : []));
const componentLines = lines.flatMap((line, n) => (/^[a-z_]+(\.[a-z_]+)+ "[^"]*" \{$/.test(line) ? [n] : []));
const { ask, hoverTimes, completionTimes } = hoverAndComplete(session, uri, componentLines, { hoverCharacter: 2, completionCharacter: 1 });
const typing = await typeAndAsk(session, { uri, lines, editable, edits: EDITS, ask });
const { editToDiagnostics } = typing;
let { version } = typing;

const formatting = await timed(connection, "textDocument/formatting", { textDocument: { uri }, options: { tabSize: 4, insertSpaces: false } });
const symbols = await timed(connection, "textDocument/documentSymbol", { textDocument: { uri } });
const tokens = await timed(connection, "textDocument/semanticTokens/full", { textDocument: { uri } });
const folding = await timed(connection, "textDocument/foldingRange", { textDocument: { uri } });
const graph = await timed(connection, "alloy/graph", { uri, format: "svg" });
// The panel asks again after each edit: an edit inside a block changes positions, not the picture.
const typed = editable[0];
version++;
connection.sendNotification("textDocument/didChange", {
  textDocument: { uri, version },
  contentChanges: [{ range: { start: { line: typed, character: lines[typed].length }, end: { line: typed, character: lines[typed].length } }, text: " " }],
});
const graphAfterEdit = await timed(connection, "alloy/graph", { uri, format: "svg" });

// 15,000 components in one connected pipeline (every scrape and log source writes to the same two components).
let generated = 'prometheus.remote_write "default" {\n\tendpoint {\n\t\turl = "http://mimir"\n\t}\n}\n\nloki.write "default" {\n\tendpoint {\n\t\turl = "http://loki"\n\t}\n}\n';
for (let i = 0; i * 5 < 15_000; i++) {
  generated += `discovery.kubernetes "k${i}" {\n\trole = "pod"\n}\n\ndiscovery.relabel "r${i}" {\n\ttargets = discovery.kubernetes.k${i}.targets\n}\n\n`;
  generated += `prometheus.scrape "s${i}" {\n\ttargets    = discovery.relabel.r${i}.output\n\tforward_to = [prometheus.remote_write.default.receiver]\n}\n\n`;
  generated += `loki.source.kubernetes "l${i}" {\n\ttargets    = discovery.relabel.r${i}.output\n\tforward_to = [loki.process.p${i}.receiver]\n}\n\n`;
  generated += `loki.process "p${i}" {\n\tforward_to = [loki.write.default.receiver]\n}\n\n`;
}
const generatedUri = pathToFileURL(join(here, "..", "test", "fixtures", "scratch", "bench-graph", "config.alloy")).toString();
const generatedOpened = diagnosticsFor(generatedUri, 1);
connection.sendNotification("textDocument/didOpen", { textDocument: { uri: generatedUri, languageId: "alloy", version: 1, text: generated } });
await generatedOpened;
const generatedGraph = await timed(connection, "alloy/graph", { uri: generatedUri, format: "svg" });
const hoverMeanwhile = timed(connection, "textDocument/hover", { textDocument: { uri: generatedUri }, position: { line: 0, character: 3 } });
const graphAgain = timed(connection, "alloy/graph", { uri: generatedUri, format: "svg" });
const [hoverDuringGraph] = await Promise.all([hoverMeanwhile, graphAgain]);

await stop(session);

const nodes = (result) => result?.graph?.nodes?.length ?? 0;
const aggregated = (result) => (result?.aggregated ? `, aggregated from ${result.aggregated.components} components` : "");
console.log(`large.alloy: ${lines.length} lines, ${kb(text.length)}, ${first.diagnostics.length} diagnostics published; server ${serverBin}`);
console.log(`open → first diagnostics: ${ms(openTime)}`);
console.log(`while typing (${EDITS} edits, 60 ms apart, a 400 ms pause every fifth; default diagnosticsDelay):`);
console.log(`  hover (${hoverTimes.length}): ${describe(hoverTimes)} (target p95 ≤ 100 ms)`);
console.log(`  completion (${completionTimes.length}): ${describe(completionTimes)} (target p95 ≤ 100 ms)`);
console.log(`  hover and completion together: ${describe([...hoverTimes, ...completionTimes])}`);
console.log(`  edit → diagnostics reported (after the edits followed by a pause, ${editToDiagnostics.length}): ${describe(editToDiagnostics)}`);
console.log(`Format Document: ${ms(formatting.time)}, ${Array.isArray(formatting.result) ? formatting.result.length : 0} edits, ${kb(formatting.bytes)}`);
console.log(`documentSymbol: ${ms(symbols.time)}, ${kb(symbols.bytes)}`);
console.log(`semanticTokens/full: ${ms(tokens.time)}, ${kb(tokens.bytes)}`);
console.log(`foldingRange: ${ms(folding.time)}, ${kb(folding.bytes)}`);
console.log(`alloy/graph of large.alloy: ${ms(graph.time)}, ${nodes(graph.result)} nodes${aggregated(graph.result)}, ${kb(graph.bytes)}`);
console.log(`  again after an edit inside a block (same picture, layout kept): ${ms(graphAfterEdit.time)}`);
console.log(`alloy/graph of 15,000 components in one pipeline: ${ms(generatedGraph.time)}, ${nodes(generatedGraph.result)} nodes${aggregated(generatedGraph.result)}; a hover sent with a second graph request: ${ms(hoverDuringGraph.time)}`);
