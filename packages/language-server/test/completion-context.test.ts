import { describe, expect, it } from "vitest";
import type { CompletionItem, CompletionList } from "vscode-languageserver-protocol";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { fixturesRoot, serverForTests, withCursor } from "./support/lsp-client.js";

/**
 * The syntactic contexts completion tells apart (`src/completion-context.ts`, from the parser's content assist),
 * each asked of the real server:
 * what it offers shows which context it saw.
 */
const server = serverForTests();
let counter = 0;

async function complete(marked: string): Promise<CompletionItem[]> {
  const { text, position } = withCursor(marked);
  const uri = pathToFileURL(join(fixturesRoot, "scratch", `context${++counter}`, "config.alloy")).toString();
  server.client.open(uri, text);
  return (await server.client.request<CompletionList>("textDocument/completion", { textDocument: { uri }, position })).items;
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const replaced = (items: CompletionItem[], label: string) => {
  const edit = items.find((i) => i.label === label)?.textEdit;
  return edit && "range" in edit ? edit.range : undefined;
};

describe("completion contexts", () => {
  it("statement position: at the top level, and on a new line of a block body after a finished value", async () => {
    expect(labels(await complete("<|>"))).toContain("prometheus.scrape");
    const body = await complete('prometheus.scrape "x" {\n\ttargets = []\n\t<|>\n}\n');
    expect(labels(body)).toContain("forward_to");
    expect(labels(body)).not.toContain("prometheus.scrape");
    expect(labels(await complete('logging {\n\tlevel = "info"\n}\n<|>'))).toContain("prometheus.scrape");
  });

  it("replaces the whole dotted name being typed", async () => {
    const items = await complete("prometheus.scr<|>");
    expect(replaced(items, "prometheus.scrape")).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 14 } });
  });

  it("expression position: after =, inside a list, and in a value continued on the next line", async () => {
    const after = await complete('logging {\n\tlevel = <|>\n}\n');
    expect(labels(after)).toContain("sys.env");
    expect(labels(after)).not.toContain("format");
    const list = await complete('prometheus.remote_write "w" {\n}\nprometheus.scrape "x" {\n\tforward_to = [\n\t\t<|>\n\t]\n}\n');
    expect(labels(list)).toContain("prometheus.remote_write.w.receiver");
    const continued = await complete('logging {\n\tlevel = "a" +\n\t\t<|>\n}\n');
    expect(labels(continued)).toContain("sys.env");
  });

  it("an object's field value is not the attribute's value", async () => {
    const items = await complete('prometheus.remote_write "w" {\n}\nprometheus.scrape "x" {\n\ttargets = [{ a = <|> }]\n}\n');
    expect(labels(items)).toContain("sys.env");
  });

  it("inside strings: the attribute's allowed values, replacing what is typed after the quote", async () => {
    const items = await complete('discovery.dockerswarm "x" {\n\trole = "ta<|>\n}\n');
    expect(labels(items)).toEqual(["services", "nodes", "tasks"]);
    expect(replaced(items, "tasks")).toEqual({ start: { line: 1, character: 9 }, end: { line: 1, character: 11 } });
  });

  it("nothing inside line and block comments, or after a block comment's end", async () => {
    expect(await complete("// prometheus.<|>\n")).toEqual([]);
    expect(await complete("/* prometheus.<|> */\n")).toEqual([]);
    expect(labels(await complete("/* note */ <|>"))).toContain("prometheus.scrape");
  });

  it("nothing after a block's name, where its label or `{` goes", async () => {
    expect(await complete('prometheus.scrape <|>')).toEqual([]);
    expect(await complete('prometheus.scrape "x" <|>')).toEqual([]);
  });

  it("nothing after a complete value on the same line, where only an operator, `,` or the line's end goes", async () => {
    expect(await complete('logging {\n\tlevel = "info" <|>\n}\n')).toEqual([]);
    expect(await complete('prometheus.scrape "x" {\n\ttargets = [] <|>\n}\n')).toEqual([]);
  });

  it("nothing where an object's key goes; values again after its `=`", async () => {
    expect(await complete('prometheus.scrape "x" {\n\ttargets = [{ <|> }]\n}\n')).toEqual([]);
    expect(labels(await complete('prometheus.scrape "x" {\n\ttargets = [{ a = "b", c = <|> }]\n}\n'))).toContain("sys.env");
  });

  it("a list's elements while the list is still open, after a finished element", async () => {
    const items = await complete('prometheus.remote_write "w" {\n}\nprometheus.scrape "x" {\n\ttargets = []\n\tforward_to = [prometheus.remote_write.w.receiver, <|>\n}\n');
    expect(labels(items)).toContain("prometheus.remote_write.w.receiver");
  });
});
