import { Scanner } from "./scanner.js";
import { Tok } from "./tokens.js";

/** Where something starts and ends in a text: offsets, end exclusive. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** The top-level statements of a text and its comments, as Alloy's scanner cuts them. */
export interface StatementCuts {
  /** Each top-level statement, from its first token to the end of its last, in order. */
  readonly statements: readonly TextSpan[];
  /** Every comment, in order (also those inside statements). */
  readonly comments: readonly TextSpan[];
}

const scanner = new Scanner();

/**
 * Cuts a text into its top-level statements the way Alloy reads it: a statement ends at a line break (or a
 * comment) after an identifier, a literal or a closing bracket, outside every bracket; strings and comments
 * are read as the scanner reads them. `undefined` when the text does not scan (an unterminated string or
 * comment, an illegal character…) or closes a bracket it never opened: the parser reports those.
 */
export function statementCuts(text: string): StatementCuts | undefined {
  const table = scanner.scan(text, true, false);
  if (table.errors.length > 0) return undefined;
  const { kinds, starts, ends, count } = table;
  const statements: TextSpan[] = [];
  let depth = 0;
  let start = -1;
  let end = -1;
  for (let i = 0; i < count; i++) {
    const kind = kinds[i];
    if (kind === Tok.EOF) break;
    if (kind === Tok.TERMINATOR) {
      if (depth === 0 && start >= 0) {
        statements.push({ start, end });
        start = -1;
      }
      continue;
    }
    if (start < 0) start = starts[i];
    end = ends[i];
    if (kind === Tok.LCURLY || kind === Tok.LBRACK || kind === Tok.LPAREN) depth++;
    else if ((kind === Tok.RCURLY || kind === Tok.RBRACK || kind === Tok.RPAREN) && --depth < 0) return undefined;
  }
  if (start >= 0) statements.push({ start, end });
  // The scanner makes a new list of comments for each text: it is this text's own.
  return { statements, comments: table.comments };
}
