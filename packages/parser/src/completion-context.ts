import type { Block, File, Node, Statement } from "./ast.js";
import { grammarPathsAfter } from "./parser.js";
import { endOffset, startOffset } from "./positions.js";
import type { ParseResult } from "./parser.js";
import { Scanner } from "./scanner.js";
import { TOKEN_TYPES, Tok, tokenName } from "./tokens.js";

/**
 * Where in the grammar an offset is, for completion:
 *
 * - `statement`: where a statement starts (top level or a block body): an attribute or block name.
 * - `block-header`: after a block's (or attribute's) name: a label, `{`, `=` or more of the name.
 * - `value`: where an expression starts (after `=`, `[`, `(`, `,`, an operator, in an object's value).
 * - `after-value`: after a complete expression: an operator, `.name`, `[index]`, `(arguments)`, `,` or the end.
 * - `object-key`: where a key of an object literal goes.
 * - `string`: inside a string literal; `comment`: inside a comment.
 * - `none`: nowhere the grammar can go on from (the text before the offset has a syntax error).
 */
export type CompletionPosition =
  | "statement"
  | "block-header"
  | "value"
  | "after-value"
  | "object-key"
  | "string"
  | "comment"
  | "none";

/** The syntactic context of an offset: what the grammar allows there and what surrounds it. */
export interface CompletionContext {
  readonly position: CompletionPosition;
  /**
   * The tokens the grammar allows next, by the names Alloy uses (`IDENT`, `STRING`, `=`, `{`, `||`, …),
   * sorted. Empty inside strings and comments.
   */
  readonly expected: readonly string[];
  /**
   * The word being typed, which a completion replaces: the identifiers and dots right before the offset
   * (`prometheus.remote_wr`), or the string literal the offset is in. `start === end` when there is none.
   */
  readonly word: { readonly start: number; readonly end: number; readonly text: string };
  /** The blocks whose body holds the offset, outermost first (an unclosed block holds all that follows it). */
  readonly blocks: readonly Block[];
  /** The attribute whose value holds the offset (innermost), when there is one. */
  readonly attribute: string | undefined;
  /** The keys of the object fields around the offset within that value, outermost first. */
  readonly objectKeys: readonly string[];
  /**
   * The brackets (`[`, `(`, `{`) opened before the offset in the statement being written and not closed,
   * outermost first: `["["]` for `forward_to = [a, |`. Read from the tokens, so an unclosed bracket counts.
   */
  readonly brackets: readonly string[];
  /** The innermost call whose parentheses hold the offset: its callee as written and the 0-based argument. */
  readonly call: { readonly callee: string; readonly argument: number } | undefined;
}

const scanner = new Scanner();

/**
 * The syntactic completion context at `offset` of a parsed text: the position in the grammar (from
 * Chevrotain's content assist over the tokens of the statement being written), the word being typed, and
 * the blocks, attribute, object keys and call around the offset (from the AST).
 */
export function completionContext(parsed: ParseResult, offset: number): CompletionContext {
  const text = parsed.lineIndex.text;
  const surroundings = surroundingsOf(parsed.ast, text, offset);
  const none = { word: { start: offset, end: offset, text: "" }, expected: [], brackets: [] as readonly string[], ...surroundings };
  if (insideComment(parsed.ast, offset)) return { position: "comment", ...none };

  // The tokens from the start of the statement being written (in the innermost body) up to the offset.
  const from = statementStart(parsed.ast, surroundings.blocks, offset);
  const table = scanner.scan(text.slice(from, offset), from === 0);
  let count = table.count - 1; // without EOF
  // A newline the scanner made up at the end of the slice is not in the text: the offset may go on the line.
  if (count > 0 && table.kinds[count - 1] === Tok.TERMINATOR && table.starts[count - 1] === offset - from) count--;
  const last = count - 1;
  if (last >= 0 && table.kinds[last] === Tok.STRING && table.ends[last] === offset - from && !closedString(text, from + table.starts[last], offset)) {
    return { position: "string", ...none, word: { start: from + table.starts[last], end: offset, text: text.slice(from + table.starts[last], offset) } };
  }
  let wordFrom = count;
  if (wordFrom > 0 && isWordToken(table.kinds[wordFrom - 1]) && table.ends[wordFrom - 1] === offset - from) wordFrom--;
  while (wordFrom >= 2 && table.kinds[wordFrom - 1] === Tok.DOT && isWordToken(table.kinds[wordFrom - 2]) && wordFrom - 1 < count) {
    if (table.ends[wordFrom - 2] !== table.starts[wordFrom - 1]) break;
    wordFrom -= 2;
  }
  // `a.b.` with the cursor after the dot: the dot belongs to the word.
  if (wordFrom === count && count > 0 && table.kinds[count - 1] === Tok.DOT && table.ends[count - 1] === offset - from) {
    wordFrom = count - 1;
    while (wordFrom >= 1 && isWordToken(table.kinds[wordFrom - 1]) && table.ends[wordFrom - 1] === table.starts[wordFrom]) {
      wordFrom--;
      if (wordFrom >= 1 && table.kinds[wordFrom - 1] === Tok.DOT && table.ends[wordFrom - 1] === table.starts[wordFrom]) wordFrom--;
      else break;
    }
  }
  const wordStart = wordFrom < count ? from + table.starts[wordFrom] : offset;
  const word = { start: wordStart, end: offset, text: text.slice(wordStart, offset) };
  const brackets = openBrackets(table.kinds, wordFrom);

  // From the statement's start; when the tokens since have an error the grammar cannot get past, from the
  // start of each line after it in turn (a statement the parser skipped as part of an error).
  const kinds: Tok[] = [];
  for (let k = 0; k < wordFrom; k++) kinds.push(table.kinds[k] as Tok);
  let paths = grammarPathsAfter(kinds);
  for (let k = 0; paths.length === 0 && k < kinds.length; k++) {
    if (kinds[k] === Tok.TERMINATOR) paths = grammarPathsAfter(kinds.slice(k + 1));
  }
  const expected = new Set<string>();
  let position: CompletionPosition = "none";
  let rank = 0;
  for (const path of paths) {
    const rule = path.ruleStack[path.ruleStack.length - 1];
    const type = path.nextTokenType;
    for (const kind of kindsOf(type)) expected.add(tokenName(kind));
    const found = positionOf(rule, type, path.nextTokenOccurrence);
    if (POSITION_RANK[found] > rank) {
      position = found;
      rank = POSITION_RANK[found];
    }
  }
  // Chevrotain's content assist does not run the grammar's gates: a comma never follows a comma, nor a
  // TERMINATOR a TERMINATOR (the scanner makes one per line end at most).
  if (wordFrom > 0 && table.kinds[wordFrom - 1] === Tok.COMMA) expected.delete(",");
  if (wordFrom > 0 && table.kinds[wordFrom - 1] === Tok.TERMINATOR) expected.delete("TERMINATOR");
  // Paths start from a body's rule, which does not know it is a block's: where the body may end, so may the block.
  const bodyMayEnd = position === "statement" || paths.some((path) => path.ruleStack.length === 1);
  if (surroundings.blocks.length > 0 && bodyMayEnd) expected.add("}");
  return { ...none, position, word, brackets, expected: [...expected].sort() };
}

const OPENER_TEXT: Partial<Record<Tok, string>> = { [Tok.LBRACK]: "[", [Tok.LPAREN]: "(", [Tok.LCURLY]: "{" };

/** The brackets opened by the first `count` tokens and not closed by them, outermost first. */
function openBrackets(kinds: ArrayLike<number>, count: number): string[] {
  const open: string[] = [];
  for (let k = 0; k < count; k++) {
    const kind = kinds[k] as Tok;
    const opener = OPENER_TEXT[kind];
    if (opener) open.push(opener);
    else if (kind === Tok.RBRACK || kind === Tok.RPAREN || kind === Tok.RCURLY) open.pop();
  }
  return open;
}

/** Which position wins when paths disagree: starting something beats ending what came before. */
const POSITION_RANK: Record<CompletionPosition, number> = {
  none: 0,
  comment: 0,
  string: 0,
  "after-value": 1,
  "block-header": 2,
  "object-key": 3,
  value: 4,
  statement: 5,
};

/** The position a grammar path stands for: the rule it is in and the token (and its occurrence) it expects. */
function positionOf(rule: string, type: (typeof TOKEN_TYPES)[number], occurrence: number): CompletionPosition {
  const name = type.name;
  if (rule === "statement") {
    if (name === "Ident" && occurrence === 0) return "statement";
    if (name === "Dot" || name === "String" || name === "Assign" || name === "LCurly" || name === "Ident") return "block-header";
    return "none";
  }
  if (rule === "field") return name === "Ident" || name === "String" ? "object-key" : "none";
  if (rule === "expression" || rule === "operand") {
    if (name === "BinaryOperator" || name === "Dot" || name === "Comma" || name === "RParen" || name === "RBrack" || name === "RCurly") {
      return "after-value";
    }
    // `[` opens an array, or (its first occurrence, in the postfix) an index: both after a value only when postfix.
    if ((name === "LBrack" && occurrence === 0) || (name === "LParen" && occurrence === 2)) return "after-value";
    return "value";
  }
  if (rule === "body" || rule === "file") return name === "Terminator" ? "after-value" : "none";
  return "none";
}

/** The token kinds a grammar token type (a kind's type or a category) matches. */
function kindsOf(type: (typeof TOKEN_TYPES)[number]): Tok[] {
  const kinds: Tok[] = [];
  TOKEN_TYPES.forEach((kindType, kind) => {
    if (kind === Tok.EOF) return;
    if (kindType === type || type.categoryMatchesMap?.[kindType.tokenTypeIdx!]) kinds.push(kind);
  });
  return kinds;
}

function isWordToken(kind: number): boolean {
  return kind === Tok.IDENT || kind === Tok.BOOL || kind === Tok.NULL;
}

/** Whether the string literal from `start` is closed before `end` (else the offset is inside it). */
function closedString(text: string, start: number, end: number): boolean {
  const quote = text.charCodeAt(start);
  if (end - start < 2 || text.charCodeAt(end - 1) !== quote) return false;
  if (quote === 96) return true;
  let backslashes = 0;
  for (let k = end - 2; k > start && text.charCodeAt(k) === 92; k--) backslashes++;
  return backslashes % 2 === 0;
}

function insideComment(file: File, offset: number): boolean {
  for (const comment of file.comments) {
    const start = startOffset(comment.range);
    if (start >= offset) return false;
    const end = endOffset(comment.range);
    if (offset < end || (offset === end && comment.style === "line")) return true;
  }
  return false;
}

/** Where the statement being written at `offset` starts: the last statement of the innermost body that starts before it. */
function statementStart(file: File, blocks: readonly Block[], offset: number): number {
  const owner = blocks[blocks.length - 1];
  const body: readonly Statement[] = owner ? owner.body : file.body;
  let start = owner ? endOffset(owner.openBrace) : 0;
  for (const statement of body) {
    const at = startOffset(statement.range);
    if (at >= offset) break;
    start = at;
  }
  return start;
}

/** The blocks, attribute, object keys and call around `offset`, from the AST. */
function surroundingsOf(file: File, text: string, offset: number): Pick<CompletionContext, "blocks" | "attribute" | "objectKeys" | "call"> {
  const blocks: Block[] = [];
  let attribute: string | undefined;
  let objectKeys: string[] = [];
  let call: CompletionContext["call"];
  const visit = (nodes: readonly Node[]): void => {
    for (const node of nodes) {
      const start = startOffset(node.range);
      const end = endOffset(node.range);
      if (offset < start || offset > end) continue;
      switch (node.kind) {
        case "Block": {
          const unclosed = startOffset(node.closeBrace) === endOffset(node.closeBrace);
          if (offset >= endOffset(node.openBrace) && (unclosed || offset <= startOffset(node.closeBrace))) {
            blocks.push(node);
            visit(node.body);
          }
          return;
        }
        case "Attribute":
          if (offset > endOffset(node.name.range)) {
            attribute = node.name.name;
            objectKeys = [];
            call = undefined;
            visit([node.value]);
          }
          return;
        case "ObjectExpression":
          visit(node.fields);
          return;
        case "ObjectField":
          if (offset > endOffset(node.keyRange)) {
            objectKeys.push(node.key);
            visit([node.value]);
          }
          return;
        case "CallExpression": {
          const open = endOffset(node.callee.range);
          if (offset > open && (offset < end || text.charCodeAt(end - 1) !== 41)) {
            let argument = node.args.findIndex((arg) => offset <= endOffset(arg.range));
            if (argument === -1) argument = node.args.length;
            call = { callee: text.slice(startOffset(node.callee.range), open), argument };
            visit(node.args);
          } else visit([node.callee]);
          return;
        }
        case "ArrayExpression":
          visit(node.elements);
          return;
        case "BinaryExpression":
          visit([node.left, node.right]);
          return;
        case "UnaryExpression":
          visit([node.operand]);
          return;
        case "ParenExpression":
          visit([node.expression]);
          return;
        case "IndexExpression":
          visit([node.object, node.index]);
          return;
        case "AccessExpression":
          visit([node.object]);
          return;
        default:
          return;
      }
    }
  };
  visit(file.body);
  return { blocks, attribute, objectKeys, call };
}
