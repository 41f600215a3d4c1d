import type { Range, Severity } from "@alloy-toolkit/parser";

/** A text edit: replace `range` (end exclusive, see the parser's `Range`) with `newText`. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** A fix the language server can offer as a code action (did-you-mean, add missing attribute…). */
export interface Fix {
  readonly title: string;
  readonly file: string;
  readonly edits: readonly TextEdit[];
}

/** Another place that explains a diagnostic (the first declaration of a duplicate, a cycle member…). */
export interface RelatedInformation {
  readonly file: string;
  readonly range: Range;
  readonly message: string;
}

/**
 * A problem found by the checker. `code` is a stable rule id (`check/unknown-attribute`) or a parser
 * code (`parse/unexpected-token`); `message` is Alloy's own wording where `alloy validate` reports the
 * same problem. Positions are the parser's: 1-based line and column in UTF-16 units, end exclusive.
 */
export interface CheckDiagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** The file the diagnostic is in, as given to {@link check}. */
  readonly file: string;
  readonly range: Range;
  /** A short suggestion shown after the message by rich clients: `did you mean "forward_to"?`. */
  readonly hint?: string;
  readonly related?: readonly RelatedInformation[];
  readonly fix?: Fix;
}
