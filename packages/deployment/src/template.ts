/** A Helm template action (`{{ … }}`) found in `alloy.configMap.content`, in content offsets. */
export interface TemplateAction {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Finds the `{{ … }}` actions Helm's `tpl` renders in the content, and returns the content with each
 * action replaced by spaces of the same length (line breaks kept), so that offsets, lines and columns of
 * the masked text are those of the original and the rest of the config can still be checked.
 */
export function maskTemplateActions(content: string): { masked: string; actions: TemplateAction[] } {
  const actions: TemplateAction[] = [];
  let masked = "";
  let i = 0;
  while (i < content.length) {
    const open = content.indexOf("{{", i);
    if (open < 0) break;
    const close = content.indexOf("}}", open + 2);
    const end = close < 0 ? content.length : close + 2;
    actions.push({ start: open, end, text: content.slice(open, end) });
    masked += content.slice(i, open) + content.slice(open, end).replace(/[^\n]/g, " ");
    i = end;
  }
  masked += content.slice(i);
  return { masked, actions };
}
