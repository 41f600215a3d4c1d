/** Where Grafana publishes Alloy's reference documentation; the catalog's `docUrl`s all start with it. */
export const alloyDocsPrefix = "https://grafana.com/docs/alloy/";

/**
 * The first link to a component's page of Alloy's documentation in hover Markdown, or `undefined`.
 * The language server's hover on a component ends with a link to the catalog's `docUrl`.
 */
export function componentDocUrlFromMarkdown(markdown: string): string | undefined {
  for (const match of markdown.matchAll(/\]\((https:\/\/[^)\s]+)\)|<(https:\/\/[^>\s]+)>|(https:\/\/\S+)/g)) {
    const url = (match[1] ?? match[2] ?? match[3]).replace(/[.,;]+$/, "");
    if (url.startsWith(alloyDocsPrefix) && url.includes("/reference/components/")) return url;
  }
  return undefined;
}
