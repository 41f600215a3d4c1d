/**
 * Textual fixes applied to a documentation file before it is read, for errors that stop a row
 * from being read at all (a typo in a type). `find` must occur in `file` exactly.
 */
export interface DocFix {
  file: string;
  find: string;
  replace: string;
  reason: string;
}

export const docFixes: DocFix[] = [
  {
    file: "reference/components/otelcol/otelcol.receiver.filelog.md",
    find: "`lists(map(string)`",
    replace: "`list(map(string))`",
    reason: "Typo in the type of header > metadata_operators (unbalanced parenthesis, `lists`).",
  },
  {
    file: "reference/components/pyroscope/pyroscope.relabel.md",
    find: "`[]relabel.Config`",
    replace: "`RelabelRules`",
    reason: "The exported `rules` field is the same RelabelRules capsule as in prometheus.relabel and loki.relabel; the docs show the Go type.",
  },
];
