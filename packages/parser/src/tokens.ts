import { EOF as CHEVROTAIN_EOF, createToken, type IToken, type TokenType } from "chevrotain";

/**
 * Token kinds of the Alloy syntax. Numbers (not strings) so the scanner can keep tokens in typed arrays.
 * `tokenName` gives the spelling Alloy uses in its messages (`IDENT`, `TERMINATOR`, `{`, `==`, …).
 */
export const enum Tok {
  ILLEGAL = 0,
  EOF,
  IDENT,
  NUMBER,
  FLOAT,
  STRING,
  BOOL,
  NULL,
  OR,
  AND,
  NOT,
  ASSIGN,
  EQ,
  NEQ,
  LT,
  LTE,
  GT,
  GTE,
  ADD,
  SUB,
  MUL,
  DIV,
  MOD,
  POW,
  LCURLY,
  RCURLY,
  LPAREN,
  RPAREN,
  LBRACK,
  RBRACK,
  COMMA,
  DOT,
  TERMINATOR,
}

const TOKEN_NAMES: readonly string[] = [
  "ILLEGAL",
  "EOF",
  "IDENT",
  "NUMBER",
  "FLOAT",
  "STRING",
  "BOOL",
  "NULL",
  "||",
  "&&",
  "!",
  "=",
  "==",
  "!=",
  "<",
  "<=",
  ">",
  ">=",
  "+",
  "-",
  "*",
  "/",
  "%",
  "^",
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  ",",
  ".",
  "TERMINATOR",
];

/** Names of the Chevrotain token types (identifiers), by kind; their labels are Alloy's spellings. */
const TOKEN_TYPE_NAMES: readonly string[] = [
  "Illegal",
  "EOF",
  "Ident",
  "Number",
  "Float",
  "String",
  "Bool",
  "Null",
  "Or",
  "And",
  "Not",
  "Assign",
  "Eq",
  "Neq",
  "Lt",
  "Lte",
  "Gt",
  "Gte",
  "Add",
  "Sub",
  "Mul",
  "Div",
  "Mod",
  "Pow",
  "LCurly",
  "RCurly",
  "LParen",
  "RParen",
  "LBrack",
  "RBrack",
  "Comma",
  "Dot",
  "Terminator",
];

/** The name Alloy prints for a token kind in diagnostics, e.g. `IDENT`, `TERMINATOR`, `{`. */
export function tokenName(kind: Tok): string {
  return TOKEN_NAMES[kind] ?? "ILLEGAL";
}

/** Binary operators as they appear in the AST. */
export type BinaryOperator =
  | "||"
  | "&&"
  | "=="
  | "!="
  | "<"
  | "<="
  | ">"
  | ">="
  | "+"
  | "-"
  | "*"
  | "/"
  | "%"
  | "^";

/** Unary operators as they appear in the AST. */
export type UnaryOperator = "!" | "-";

/**
 * Precedence of a binary operator token (higher binds tighter), 0 for non-operators.
 * `||` 1, `&&` 2, comparisons 3, `+ -` 4, `* / %` 5, `^` 6 (right-associative, parsed separately).
 */
export function binaryPrecedence(kind: Tok): number {
  switch (kind) {
    case Tok.OR:
      return 1;
    case Tok.AND:
      return 2;
    case Tok.EQ:
    case Tok.NEQ:
    case Tok.LT:
    case Tok.LTE:
    case Tok.GT:
    case Tok.GTE:
      return 3;
    case Tok.ADD:
    case Tok.SUB:
      return 4;
    case Tok.MUL:
    case Tok.DIV:
    case Tok.MOD:
      return 5;
    case Tok.POW:
      return 6;
    default:
      return 0;
  }
}

/** Tokens after which a newline ends a statement (Alloy inserts a TERMINATOR there). */
export function endsStatementBeforeNewline(kind: Tok): boolean {
  switch (kind) {
    case Tok.IDENT:
    case Tok.NUMBER:
    case Tok.FLOAT:
    case Tok.STRING:
    case Tok.BOOL:
    case Tok.NULL:
    case Tok.RPAREN:
    case Tok.RBRACK:
    case Tok.RCURLY:
      return true;
    default:
      return false;
  }
}

/**
 * Token categories of the grammar (Chevrotain token types that match several kinds): the binary operators
 * (one chain, precedence applied in the parser's actions), the prefix operators and the literals.
 */
export const BinaryOperator = createToken({ name: "BinaryOperator", pattern: /NA/ });
export const UnaryOperator = createToken({ name: "UnaryOperator", pattern: /NA/ });
export const Literal = createToken({ name: "Literal", pattern: /NA/ });

/** The Chevrotain token type of each kind (the EOF kind is Chevrotain's own EOF). */
export const TOKEN_TYPES: readonly TokenType[] = TOKEN_NAMES.map((label, kind) => {
  if (kind === Tok.EOF) return CHEVROTAIN_EOF;
  const categories: TokenType[] = [];
  if (binaryPrecedence(kind) > 0) categories.push(BinaryOperator);
  if (kind === Tok.NOT || kind === Tok.SUB) categories.push(UnaryOperator);
  if (kind === Tok.STRING || kind === Tok.NUMBER || kind === Tok.FLOAT || kind === Tok.BOOL || kind === Tok.NULL) {
    categories.push(Literal);
  }
  return createToken({ name: TOKEN_TYPE_NAMES[kind], label, pattern: /NA/, categories });
});

/** The grammar's token vocabulary: every kind's type and the categories. */
export const VOCABULARY: TokenType[] = [...TOKEN_TYPES.filter((t) => t !== CHEVROTAIN_EOF), BinaryOperator, UnaryOperator, Literal];

/**
 * One token object per kind, shared by every token of that kind: the parser's token vector holds these, and
 * positions stay in the scanner's arrays (read by token index), so no object is made per token.
 */
export const KIND_TOKENS: readonly IToken[] = TOKEN_TYPES.map((tokenType) => ({
  image: "",
  startOffset: NaN,
  tokenType,
  tokenTypeIdx: tokenType.tokenTypeIdx!,
}));
