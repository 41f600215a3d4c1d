import { isScalar, type Scalar } from "yaml";
import { reverseMap } from "./config-text.js";
import { maskTemplateActions, type TemplateAction } from "./template.js";
import { pairAt, type ValuesDocument } from "./values-document.js";
import { scalarContentMap } from "./yaml-positions.js";

/** The path of the inline config in a values file. */
export const inlineConfigPath = ["alloy", "configMap", "content"] as const;

/**
 * The Alloy config written inline in a values file (`alloy.configMap.content`), as the config checker and an
 * editor read it: its text with Helm's `{{ … }}` actions blanked out (same offsets, lines and columns), and
 * the mapping between offsets of that text and offsets of the values file, both ways.
 */
export interface InlineConfig {
  /** The content with template actions replaced by spaces. */
  readonly text: string;
  readonly templateActions: readonly TemplateAction[];
  /** Whether every character maps to its own place (see {@link ScalarContentMap.exact}). */
  readonly exact: boolean;
  /** The values-file offset of content offset `offset` (of the scalar's end for `text.length`). */
  toValuesOffset(offset: number): number;
  /** The values-file offset just after the source of the content character at `offset`. */
  toValuesEndOffset(offset: number): number;
  /**
   * The content offset at values-file offset `offset`: of the character whose source holds it, or of the
   * next one; `undefined` outside the scalar's content (or anywhere when the mapping is not exact).
   */
  toContentOffset(offset: number): number | undefined;
  /**
   * What a line break inserted at content offset `offset` must be followed by to stay inside the scalar: the
   * blanks the values-file line starts with, for a block scalar (`|`); `undefined` for other styles.
   */
  lineIndentation(offset: number): string | undefined;
}

/** The inline config of a values file, or `undefined` when `alloy.configMap.content` is not a string. */
export function inlineConfigOf(values: ValuesDocument): InlineConfig | undefined {
  const node = pairAt(values, [...inlineConfigPath])?.value;
  if (!isScalar(node) || typeof node.value !== "string") return undefined;
  const map = scalarContentMap(node as Scalar);
  const { masked, actions } = maskTemplateActions(map.value);
  const { textOffset, lineIndentation } = reverseMap(masked, map.exact, (offset) => map.yamlOffset(offset), values.source.text);
  return {
    text: masked,
    templateActions: actions,
    exact: map.exact,
    toValuesOffset: (offset) => map.yamlOffset(offset),
    toValuesEndOffset: (offset) => map.yamlEndOffset(offset),
    toContentOffset: textOffset,
    lineIndentation,
  };
}
