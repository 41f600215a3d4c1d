/** A fix as the checker and the deployment checks carry it: edits of one text that do not overlap. */
interface FixEdits {
  readonly fix?: { readonly edits: readonly { readonly range: { readonly start: { readonly offset: number }; readonly end: { readonly offset: number } }; readonly newText: string }[] };
}

/** The text after applying a diagnostic's fix (its edits do not overlap). */
export function applyFix(text: string, diagnostic: FixEdits): string {
  const edits = [...diagnostic.fix!.edits].sort((a, b) => b.range.start.offset - a.range.start.offset);
  let out = text;
  for (const edit of edits) out = out.slice(0, edit.range.start.offset) + edit.newText + out.slice(edit.range.end.offset);
  return out;
}
