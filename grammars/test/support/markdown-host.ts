/**
 * A minimal stand-in for VS Code's Markdown grammar (`text.html.markdown`): headings
 * and a generic fenced code block. Enough to prove that the injection claims
 * ```alloy fences before the host's own fence rule does, and leaves others alone.
 */
export const markdownHostGrammar = {
  scopeName: "text.html.markdown",
  patterns: [
    { name: "markup.heading.markdown", match: "^#{1,6} .*$" },
    {
      name: "markup.fenced_code.block.markdown",
      begin: "(^|\\G)(\\s*)(`{3,}|~{3,})(.*)$",
      end: "(^|\\G)(\\2|\\s{0,3})(\\3)\\s*$",
    },
  ],
};
