import { LineIndex, type Range } from "@alloy-toolkit/parser";
import type { TextEdit } from "@alloy-toolkit/checker";
import type { Scalar } from "yaml";
import { scalarContentMap } from "./yaml-positions.js";

/**
 * A text as a reader saw it (a YAML document, the values inside a HelmRelease, an Alloy config in a ConfigMap
 * key), and where each of its characters is in the file diagnostics are reported in. A config in
 * `alloy.configMap.content` of an Argo CD Application's `values: |` is a text in a text in the file: each
 * level maps through the one it is embedded in.
 */
export interface EmbeddedText {
  /** The file diagnostics are reported in. */
  readonly file: string;
  /** The text as read. */
  readonly text: string;
  /** The file's text and lines. */
  readonly host: { readonly text: string; readonly lines: LineIndex };
  /** False when the mapping could not be rebuilt (see `scalarContentMap`): every offset is then the text's start. */
  readonly exact: boolean;
  /** The file offset of character `offset` of `text` (of the text's end for `offset === text.length`). */
  fileOffset(offset: number): number;
  /** The file offset just after the source of character `offset` (after a whole escape such as `\"`). */
  fileEndOffset(offset: number): number;
  /**
   * An edit of `text` as an edit of the file, or `undefined` when it cannot be made there. Lines it adds get
   * the file's indentation of the line they go into, which only a block scalar (`|`) has as blanks before the
   * content: a text in another scalar style takes no edit that adds lines.
   */
  moveEdit(edit: TextEdit): TextEdit | undefined;
}

/** A whole file: every offset is its own. */
export function wholeFile(file: string, text: string, lines: LineIndex = new LineIndex(text)): EmbeddedText {
  return {
    file,
    text,
    host: { text, lines },
    exact: true,
    fileOffset: (offset) => offset,
    fileEndOffset: (offset) => offset + 1,
    moveEdit: (edit) => edit,
  };
}

/** The value of a YAML scalar (parsed with `keepSourceTokens`) of `parent`, mapped through it into the file. */
export function scalarText(parent: EmbeddedText, node: Scalar): EmbeddedText {
  const map = scalarContentMap(node);
  const start = parent.fileOffset(node.range?.[0] ?? 0);
  const exact = parent.exact && map.exact;
  const text: EmbeddedText = {
    file: parent.file,
    text: map.value,
    host: parent.host,
    exact,
    fileOffset: exact ? (offset) => parent.fileOffset(map.yamlOffset(offset)) : () => start,
    fileEndOffset: exact ? (offset) => parent.fileEndOffset(map.yamlEndOffset(offset) - 1) : () => start,
    moveEdit: (edit) => moveEditIndented(text, edit),
  };
  return text;
}

/** The part `[from, to)` of a text (a `key=value` literal's value), mapped as the text is. */
export function subText(parent: EmbeddedText, from: number, to: number = parent.text.length): EmbeddedText {
  const text: EmbeddedText = {
    file: parent.file,
    text: parent.text.slice(from, to),
    host: parent.host,
    exact: parent.exact,
    fileOffset: (offset) => parent.fileOffset(from + offset),
    fileEndOffset: (offset) => parent.fileEndOffset(from + offset),
    moveEdit: (edit) => moveEditIndented(text, edit),
  };
  return text;
}

/** The file range of `[start, end)` of a text (an empty range stays empty). */
export function rangeInFile(text: EmbeddedText, start: number, end: number): Range {
  const fileStart = text.fileOffset(start);
  const fileEnd = end > start ? text.fileEndOffset(end - 1) : fileStart;
  const { lines } = text.host;
  return { start: lines.positionAt(fileStart), end: lines.positionAt(Math.max(fileStart, fileEnd)) };
}

/** The file range of a range of the text (its offsets are read; lines and columns are recomputed). */
export function locateInFile(text: EmbeddedText, range: Range): Range {
  return rangeInFile(text, range.start.offset, range.end.offset);
}

function moveEditIndented(text: EmbeddedText, edit: TextEdit): TextEdit | undefined {
  if (!text.exact) return undefined;
  const range = locateInFile(text, edit.range);
  if (!edit.newText.includes("\n")) return { range, newText: edit.newText };
  const start = edit.range.start.offset;
  const lineStart = text.text.lastIndexOf("\n", start - 1) + 1;
  const fileLineStartOffset = text.fileOffset(lineStart);
  const { lines } = text.host;
  const fileLine = lines.lineAt(fileLineStartOffset);
  const prefix = text.host.text.slice(lines.lineStart(fileLine), fileLineStartOffset);
  if (prefix.trim() !== "") return undefined;
  return { range, newText: edit.newText.replace(/\n/g, `\n${prefix}`) };
}
