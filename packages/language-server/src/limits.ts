/**
 * How much the server takes on, and how much it sends back. Past these, it says so (a diagnostic, a last
 * item) rather than work without bound: a megabyte-scale answer, or a million diagnostics, freezes the
 * editor that receives them as surely as a slow server. The README's "Reliability" section lists them.
 */

/** Documents larger than this (in UTF-16 code units as open, in bytes on disk) are neither parsed nor checked. */
export const MAX_DOCUMENT_SIZE = 8 * 1024 * 1024;

/** Diagnostics published per file; one more says how many were left out. */
export const MAX_DIAGNOSTICS_PER_FILE = 1_000;

/** Symbols in a `documentSymbol` answer: past it, attributes are left out, then nested blocks. */
export const MAX_DOCUMENT_SYMBOLS = 5_000;

/** Semantic tokens in a `full` answer (the rest of a huge file comes through `range` requests). */
export const MAX_SEMANTIC_TOKENS = 200_000;

/** Folding ranges in one answer (VS Code folds at most 5,000 regions per editor by default). */
export const MAX_FOLDING_RANGES = 5_000;

/** Locations in a `references` or `documentHighlight` answer. */
export const MAX_LOCATIONS = 10_000;

/** Results of a `workspace/symbol` query. */
export const MAX_WORKSPACE_SYMBOLS = 500;

/** Files looked at when the workspace folders are walked for configs and values files. */
export const MAX_SCANNED_FILES = 5_000;

/**
 * Components up to which the pipeline graph is drawn node by node; a larger config is drawn one node per
 * component kind (`prometheus.scrape × 2,400`), its edges merged, so that the picture stays readable and the
 * request quick.
 */
export const MAX_GRAPH_NODES = 500;
