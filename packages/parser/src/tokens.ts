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
