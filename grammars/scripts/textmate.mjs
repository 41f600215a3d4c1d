// Loads the generated grammars into vscode-textmate with vscode-oniguruma, the
// engine VS Code itself uses, and turns tokens into readable text. Shared by the
// tests and by scripts/bench.mjs.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import oniguruma from "vscode-oniguruma";
import textmate from "vscode-textmate";
import { grammarsRoot } from "./build.mjs";

const require = createRequire(import.meta.url);

let onigLib;

/** vscode-oniguruma's wasm is loaded once per process. */
function loadOnigLib() {
  onigLib ??= (async () => {
    const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    };
  })();
  return onigLib;
}

function readGrammar(file) {
  return JSON.parse(readFileSync(join(grammarsRoot, file), "utf8"));
}

/**
 * A registry holding the committed Alloy grammar and its Markdown injection.
 * `extraGrammars` adds hosts (keyed by scope name), e.g. a Markdown grammar for
 * testing the injection, which the registry injects into `text.html.markdown`.
 */
export async function createRegistry({ extraGrammars = {} } = {}) {
  const alloy = readGrammar("alloy.tmLanguage.json");
  const injection = readGrammar("alloy-markdown-injection.tmLanguage.json");
  const grammars = { [alloy.scopeName]: alloy, [injection.scopeName]: injection, ...extraGrammars };
  return new textmate.Registry({
    onigLib: loadOnigLib(),
    loadGrammar: async (scopeName) => grammars[scopeName] ?? null,
    getInjections: (scopeName) => (scopeName === "text.html.markdown" ? [injection.scopeName] : undefined),
  });
}

/** @returns {Promise<import("vscode-textmate").IGrammar>} */
export async function loadAlloyGrammar() {
  const registry = await createRegistry();
  const grammar = await registry.loadGrammar("source.alloy");
  if (!grammar) throw new Error("source.alloy did not load: is alloy.tmLanguage.json generated?");
  return grammar;
}

/**
 * One token: 1-based `line`, 0-based `start`/`end` columns (end exclusive) in
 * UTF-16 units, its text and its scopes from the root outwards in.
 * @typedef {{ line: number, start: number, end: number, text: string, scopes: string[] }} Token
 */

/**
 * Tokenises `text` line by line, carrying the rule stack from line to line.
 * @param {import("vscode-textmate").IGrammar} grammar
 * @param {string} text
 * @returns {Token[]}
 */
export function tokenize(grammar, text) {
  /** @type {Token[]} */
  const tokens = [];
  let state = textmate.INITIAL;
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  lines.forEach((lineText, index) => {
    const result = grammar.tokenizeLine(lineText, state);
    for (const token of result.tokens) {
      const end = Math.min(token.endIndex, lineText.length);
      if (token.startIndex >= end) continue;
      tokens.push({ line: index + 1, start: token.startIndex, end, text: lineText.slice(token.startIndex, end), scopes: token.scopes });
    }
    state = result.ruleStack;
  });
  return tokens;
}

/**
 * The snapshot format: one line per token, `line:startCol-endCol  "text"  scopes`,
 * with 1-based inclusive columns. Whitespace-only tokens are left out, and so is
 * the root scope, which every token carries.
 */
/** @param {Token[]} tokens */
export function formatTokens(tokens) {
  return tokens
    .filter((token) => token.text.trim() !== "")
    .map((token) => {
      const where = `${token.line}:${token.start + 1}-${token.end}`;
      return `${where}  ${JSON.stringify(token.text)}  ${token.scopes.slice(1).join(" ")}`.trimEnd();
    })
    .join("\n")
    .concat("\n");
}
