import type { ConfigSource } from "./config-view.js";
import { isAlloyConfigFile } from "./inputs/read-input.js";

/**
 * An Alloy config written inside a YAML file (a ConfigMap key, `alloy.configMap.content`, a collector's
 * `extraConfig`, a generator literal), as the config checker reads it, with the map between its offsets and
 * the file's. An editor runs its Alloy features on `text` and moves positions through the map.
 */
export interface DeploymentConfigText {
  /** The YAML file it is written in. */
  readonly file: string;
  /** The name the config checker reads it under (`file#…`). */
  readonly name: string;
  /** The text as checked (Helm `tpl` actions blanked out: same length, same line breaks). */
  readonly text: string;
  /** False when the map could not be rebuilt (CRLF, tabs as indentation): no offset maps back from the file. */
  readonly exact: boolean;
  /** The file offset of character `offset` of `text` (of its end for `offset === text.length`). */
  fileOffset(offset: number): number;
  /** The file offset just after the source of character `offset` (after a whole escape such as `\"`). */
  fileEndOffset(offset: number): number;
  /** The offset in `text` of a file offset inside it; `undefined` outside it, or when the map is not exact. */
  textOffset(fileOffset: number): number | undefined;
  /**
   * The file's indentation of the line holding character `offset` of `text`, which a line break inserted
   * there must be followed by; `undefined` when the line does not start with blanks in the file (a text that
   * is not in a block scalar).
   */
  lineIndentation(offset: number): string | undefined;
}

/** The configs read from YAML among `sources` (a config that is a file of its own is no embedded text). */
export function configTextsOf(sources: readonly ConfigSource[]): DeploymentConfigText[] {
  const texts: DeploymentConfigText[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    if (isAlloyConfigFile(source.file) || seen.has(source.name)) continue;
    seen.add(source.name);
    texts.push(configTextOf(source));
  }
  return texts;
}

function configTextOf(source: ConfigSource): DeploymentConfigText {
  const { embedded, text } = source;
  return {
    file: source.file,
    name: source.name,
    text,
    exact: embedded.exact,
    fileOffset: (offset) => embedded.fileOffset(offset),
    fileEndOffset: (offset) => embedded.fileEndOffset(offset),
    ...reverseMap(text, embedded.exact, (offset) => embedded.fileOffset(offset), embedded.host.text),
  };
}

/**
 * From a text inside a file and the file offset of each of its characters (growing with the offset): the text
 * offset of a file offset, and the file's indentation of a line of the text.
 */
export function reverseMap(
  text: string,
  exact: boolean,
  fileOffset: (offset: number) => number,
  fileText: string,
): Pick<DeploymentConfigText, "textOffset" | "lineIndentation"> {
  const length = text.length;
  return {
    textOffset(offset) {
      if (!exact || offset < fileOffset(0) || offset > fileOffset(length)) return undefined;
      // fileOffset grows with the text offset: the first text offset at or after `offset`.
      let lo = 0;
      let hi = length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (fileOffset(mid) < offset) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
    lineIndentation(offset) {
      if (!exact) return undefined;
      const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
      const fileLineStart = fileOffset(lineStart);
      const prefix = fileText.slice(fileText.lastIndexOf("\n", fileLineStart - 1) + 1, fileLineStart);
      return prefix.trim() === "" ? prefix : undefined;
    },
  };
}
