import { describe, expect, it } from "vitest";
import { Document, isScalar, parseDocument, Scalar } from "yaml";
import { parse, walk, type Diagnostic } from "@alloy-toolkit/parser";
import { checkValuesFile, scalarContentMap, type ConfigChecker } from "../src/index.js";

const config = `logging {
	level  = "info"
	format = "logfmt"
}

discovery.kubernetes "pods" {
	role = "pod"
}

prometheus.scrape "pods" {
	targets    = discovery.kubernetes.pods.targets
	forward_to = [prometheus.remote_write.default.receiver]

	clustering {
		enabled = true
	}
}

prometheus.remote_write "default" {
	endpoint {
		url = "https://prometheus.example.com/api/v1/write"
	}
}
`;

/** A config checker that reports every leaf node, its message being the node's text as the checker saw it. */
const everyToken: ConfigChecker = (files) =>
  files.flatMap(({ filename, text }) => {
    const found: (Diagnostic & { file: string })[] = [];
    walk(parse(text, { filename }).ast, {
      enter(node) {
        if (["Identifier", "StringLiteral", "NumberLiteral", "BoolLiteral"].includes(node.kind)) {
          const s = node.range.start.offset;
          const e = node.range.end.offset;
          found.push({ code: "test/token", severity: "information", message: text.slice(s, e), range: node.range, file: filename });
        }
        return undefined;
      },
    });
    return found;
  });

function embed(header: string, body: string, indent: string): string {
  const lines = body.replace(/\n$/, "").split("\n").map((l) => (l === "" ? "" : indent + l.replace(/\t/g, "  ")));
  return `controller:\n  type: statefulset\nalloy:\n  configMap:\n    content: ${header}\n${lines.join("\n")}\n`;
}

/** The token diagnostics of a values file, checked to point at the very text the checker saw. */
function expectTokensMapped(yaml: string, options: { mayDiffer?: (token: string) => boolean } = {}): number {
  const { diagnostics } = checkValuesFile(yaml, { filename: "values.yaml", checkConfig: everyToken });
  const tokens = diagnostics.filter((d) => d.code === "test/token");
  expect(tokens.length).toBeGreaterThan(20);
  for (const d of tokens) {
    const seen = yaml.slice(d.range.start.offset, d.range.end.offset);
    if (options.mayDiffer?.(d.message)) continue;
    expect({ at: `${d.range.start.line}:${d.range.start.column}`, seen }).toEqual({
      at: `${d.range.start.line}:${d.range.start.column}`,
      seen: d.message,
    });
  }
  return tokens.length;
}

describe("positions inside alloy.configMap.content", () => {
  for (const header of ["|", "|-", "|+", ">-", ">", "|2", ">-2", "| # the config"]) {
    for (const indent of ["      ", "          "]) {
      it(`${header} with ${indent.length}-space indentation: every token points at its text`, () => {
        // An explicit indentation indicator counts from the parent's indentation (4 here).
        const effectiveIndent = /\d/.test(header) ? " ".repeat(4 + Number(/\d/.exec(header)![0])) : indent;
        if (/\d/.test(header) && effectiveIndent !== indent) return;
        expectTokensMapped(embed(header, config, indent));
      });
    }
  }

  it("a literal scalar whose first line is more indented (indentation indicator)", () => {
    const yaml = embed("|2", "  // leading indented comment\nlogging {\n\tlevel = \"info\"\n}\n", "      ");
    const { diagnostics } = checkValuesFile(yaml, { filename: "v.yaml", checkConfig: everyToken });
    const level = diagnostics.find((d) => d.message === "level")!;
    expect(yaml.slice(level.range.start.offset, level.range.end.offset)).toBe("level");
  });

  it("a double-quoted scalar with escapes: tokens without escapes map exactly, escaped quotes map to the escape", () => {
    const yaml = `alloy:\n  configMap:\n    content: ${JSON.stringify(config)}\n`;
    expectTokensMapped(yaml, { mayDiffer: (token) => token.includes('"') });
    const { diagnostics } = checkValuesFile(yaml, { filename: "v.yaml", checkConfig: everyToken });
    const url = diagnostics.find((d) => d.message.startsWith('"https'))!;
    expect(yaml.slice(url.range.start.offset, url.range.end.offset)).toBe('\\"https://prometheus.example.com/api/v1/write\\"');
  });

  it("a single-quoted multi-line scalar (flow folding)", () => {
    const body = "logging {\n\n  level = \"info\"\n\n}\n";
    const yaml = `alloy:\n  configMap:\n    content: '${body.replace(/\n/g, "\n    ")}'\n`;
    const doc = parseDocument(yaml, { keepSourceTokens: true });
    const node = doc.getIn(["alloy", "configMap", "content"], true) as Scalar;
    const map = scalarContentMap(node);
    expect(map.exact).toBe(true);
    const i = map.value.indexOf("level");
    expect(yaml.slice(map.yamlOffset(i), map.yamlOffset(i) + 5)).toBe("level");
  });

  it("reports at the scalar's start when the mapping cannot be exact (CRLF line ends)", () => {
    const yaml = embed("|", config, "      ").replace(/\n/g, "\r\n");
    const { diagnostics } = checkValuesFile(yaml, { filename: "v.yaml", checkConfig: everyToken });
    const tokens = diagnostics.filter((d) => d.code === "test/token");
    expect(tokens.length).toBeGreaterThan(0);
    const scalarStart = yaml.indexOf("|");
    for (const d of tokens) expect(d.range.start.offset).toBe(scalarStart);
  });

  it("parse errors inside the content point into the YAML file", () => {
    const yaml = embed("|-", 'logging {\n\tlevel = "info"\n\tformat = \n}\n', "      ");
    const { diagnostics } = checkValuesFile(yaml, { filename: "v.yaml" });
    const error = diagnostics.find((d) => d.code.startsWith("parse/"))!;
    expect(error).toBeDefined();
    // The parser reports the missing expression at the closing brace, line 4 of the content.
    expect(error.range.start.line).toBe(9);
    expect(yaml.slice(error.range.start.offset, error.range.start.offset + 1)).toBe("}");
  });
});

/** A small deterministic PRNG (mulberry32) so the generated cases are the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const styles = [Scalar.BLOCK_LITERAL, Scalar.BLOCK_FOLDED, Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE] as const;

describe("scalarContentMap over generated scalars", () => {
  const next = random(42);
  const pieces = ["a", "b = 1", "  x", "\t\"s\"", "", "}", "é", "{", "// c", "  ", "\\", "a  b", "x "];
  for (const style of styles) {
    it(`${style}: 300 generated values rebuild exactly and map every character to its source`, () => {
      let exact = 0;
      for (let n = 0; n < 300; n++) {
        const lines = Array.from({ length: 1 + Math.floor(next() * 6) }, () => pieces[Math.floor(next() * pieces.length)]);
        let value = lines.join("\n");
        if (next() < 0.5) value += "\n";
        const scalar = new Scalar(value);
        scalar.type = style;
        const path = ["alloy", "configMap", "content"];
        for (let d = Math.floor(next() * 3); d > 0; d--) path.unshift(`level${d}`);
        const tree: Record<string, unknown> = {};
        let cursor = tree;
        for (const key of path.slice(0, -1)) cursor = (cursor[key] = {}) as Record<string, unknown>;
        cursor[path[path.length - 1]] = scalar;
        const source = new Document(tree).toString({ lineWidth: 0 });
        const doc = parseDocument(source, { keepSourceTokens: true });
        const node = doc.getIn(path, true);
        expect(isScalar(node)).toBe(true);
        const map = scalarContentMap(node as Scalar);
        expect({ exact: map.exact, source }).toEqual({ exact: true, source });
        exact++;
        for (let i = 0; i < map.value.length; i++) {
          const ch = map.value[i];
          const at = source[map.yamlOffset(i)];
          const folded = (ch === " " || ch === "\n") && at === "\n";
          const escaped = at === "\\" || (style === Scalar.QUOTE_SINGLE && at === "'");
          if (!folded && !escaped) expect({ i, ch, source }).toEqual({ i, ch: at, source });
        }
      }
      expect(exact).toBe(300);
    });
  }
});
