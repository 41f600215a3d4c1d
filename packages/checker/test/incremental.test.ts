import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, reparse, type ParseResult } from "@alloy-toolkit/parser";
import { describe, expect, it } from "vitest";
import { analyzeDocuments, check, checkModel, resolveOptions, type CheckDiagnostic, type CheckOptions } from "../src/core.js";
import { seededRandom } from "../../../test/support/random.mjs";

// The checker caches per block object (reference chains, bodies found clean). After `reparse`, untouched
// blocks are the same objects at new offsets: checking the reparsed document must give exactly what a
// fresh check of the same text gives.

const FILENAME = "/config/main.alloy";

function dump(diagnostics: readonly CheckDiagnostic[]): string[] {
  const at = (r: CheckDiagnostic["range"]) => `${r.start.offset}-${r.end.offset}@${r.start.line}:${r.start.column}`;
  return diagnostics.map((d) =>
    [
      d.code,
      d.severity,
      d.message,
      at(d.range),
      d.hint ?? "",
      ...(d.fix ? [d.fix.title, ...d.fix.edits.map((e) => `${at(e.range)}=${e.newText}`)] : []),
      ...(d.related ?? []).map((r) => `${r.message} ${at(r.range)}`),
    ].join(" | "),
  );
}

function checkParsed(result: ParseResult, text: string, options: CheckOptions): string[] {
  const document = { filename: FILENAME, text, ast: result.ast, lineIndex: result.lineIndex, parseDiagnostics: result.diagnostics };
  return dump(checkModel(analyzeDocuments([document], resolveOptions(options))).diagnostics);
}

function checkFresh(text: string, options: CheckOptions): string[] {
  return dump(check([{ filename: FILENAME, text }], options).diagnostics);
}

describe("checking a reparsed document", () => {
  it("sees a reference's new type although the block holding it was reused", () => {
    const before = `declare "m" {
	prometheus.remote_write "x" {
		endpoint {
			url = "http://x"
		}
	}

	export "out" {
		value = [prometheus.remote_write.x.receiver]
	}
}

m "i" { }

prometheus.scrape "a" {
	targets    = []
	forward_to = m.i.out
}
`;
    const after = before.replace("value = [prometheus.remote_write.x.receiver]", 'value = "not a receiver"');
    const options: CheckOptions = {};
    let result = parse(before);
    expect(checkParsed(result, before, options)).toEqual(checkFresh(before, options));
    const scrape = result.ast.body[2];
    result = reparse(result, after);
    expect(result.ast.body[2]).toBe(scrape); // reused, so its cached clean/unclean state is what is tested
    expect(checkFresh(before, options)).toEqual([]);
    expect(checkFresh(after, options).some((d) => d.startsWith("check/reference-type"))).toBe(true);
    expect(checkParsed(result, after, options)).toEqual(checkFresh(after, options));
  });
});

// Configs with findings of every rule, and the examples.
const root = join(__dirname, "..", "..", "..");
const rulesDir = join(__dirname, "rules");
const pool: string[] = [
  ...readdirSync(rulesDir).flatMap((rule) =>
    readdirSync(join(rulesDir, rule))
      .filter((f) => f.endsWith(".alloy"))
      .map((f) => readFileSync(join(rulesDir, rule, f), "utf8")),
  ),
  ...["clustered-scrape", "daemonset-logs", "otlp-gateway"].map((e) => readFileSync(join(root, "examples", e, "config.alloy"), "utf8")),
];

const SNIPPETS = [
  "x",
  "_2",
  "1",
  '"v"',
  "\n",
  " ",
  "prometheus.remote_write.default.receiver",
  ".receiver",
  "[]",
  "{}",
  "// c\n",
  '\nprometheus.remote_write "default" {\n\tendpoint {\n\t\turl = "http://x"\n\t}\n}\n',
  '\nloki.write "default" {\n\tendpoint {\n\t\turl = "http://x"\n\t}\n}\n',
  "\nclustering {\n\tenabled = true\n}\n",
];

function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const choice = next();
  if (choice < 0.5) return text.slice(0, at) + SNIPPETS[Math.floor(next() * SNIPPETS.length)] + text.slice(at);
  if (choice < 0.8) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 12)));
  // Duplicate a line elsewhere (repeated attributes, duplicate labels, moved references).
  const lines = text.split("\n");
  const line = lines[Math.floor(next() * lines.length)];
  lines.splice(Math.floor(next() * lines.length), 0, line);
  return lines.join("\n");
}

describe("checking reparsed documents under random edit chains", () => {
  const CHAINS = 250;
  const STEPS = 5;
  it(`equals a fresh check after every edit (${CHAINS} chains of ${STEPS} edits, with and without alloyCompatible)`, () => {
    const failures: string[] = [];
    let compared = 0;
    for (let chain = 1; chain <= CHAINS && failures.length < 3; chain++) {
      const next = seededRandom(chain * 104729);
      const options: CheckOptions = chain % 2 === 0 ? {} : { alloyCompatible: true };
      let text = pool[Math.floor(next() * pool.length)];
      let result = parse(text);
      checkParsed(result, text, options); // fills the per-block caches
      for (let step = 0; step < STEPS; step++) {
        text = edit(text, next);
        result = reparse(result, text);
        const got = checkParsed(result, text, options);
        const want = checkFresh(text, options);
        compared += want.length;
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          failures.push(`chain ${chain} step ${step}: ${JSON.stringify({ text, got, want }, null, 1).slice(0, 3000)}`);
          break;
        }
      }
    }
    expect(failures).toEqual([]);
    expect(compared).toBeGreaterThan(CHAINS); // the chains produce findings to compare, not only empty lists
  });
});
