import type { Diagnostic } from "./diagnostics.js";

/**
 * A byte of a file that is not part of valid UTF-8, as Alloy's scanner reports it: `illegal UTF-8 encoding`.
 * Its `range` is in the text decoded with one U+FFFD per such byte (`DecodedSource.text`), 1-based lines and
 * UTF-16 columns like every {@link Diagnostic}; `byteColumn` is the 1-based column in bytes of the file, which
 * is what Alloy prints.
 */
export interface EncodingDiagnostic extends Diagnostic {
  readonly byteColumn: number;
}

/**
 * The text of a file's bytes. When they are not valid UTF-8, `diagnostics` has one error per offending byte, as
 * Alloy's scanner reports them, and `text` is only for showing the file (each such byte replaced by U+FFFD):
 * a tool must not parse, format or write it back.
 */
export type DecodedSource =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly text: string; readonly diagnostics: readonly EncodingDiagnostic[] };

const strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * Decodes the bytes of an Alloy file as Alloy reads them: UTF-8, where a byte order mark may come first (it is
 * kept in the text; the parser skips it). Invalid UTF-8 — Latin-1 text, a truncated sequence, an overlong form,
 * a surrogate — is an error at each byte that Go's decoder rejects, never replaced silently.
 */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  try {
    return { ok: true, text: strictDecoder.decode(bytes) };
  } catch {
    // Not valid UTF-8: find every offending byte (below), which the decoder's error does not tell.
  }
  const diagnostics: EncodingDiagnostic[] = [];
  const pieces: string[] = [];
  let pieceStart = 0;
  let offset = 0; // UTF-16 offset in the decoded text
  let line = 1;
  let lineStart = 0; // UTF-16 offset of the line's start
  let lineStartByte = 0;
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i];
    const width = sequenceLength(bytes, i);
    if (width === 0) {
      const position = { offset, line, column: offset - lineStart + 1 };
      diagnostics.push({
        code: "parse/illegal-encoding",
        severity: "error",
        message: "illegal UTF-8 encoding",
        range: { start: position, end: { offset: offset + 1, line, column: position.column + 1 } },
        byteColumn: i - lineStartByte + 1,
      });
      pieces.push(decoder.decode(bytes.subarray(pieceStart, i)), "\uFFFD");
      pieceStart = i + 1;
      offset++;
      i++;
      continue;
    }
    if (byte === 0x0a) {
      line++;
      lineStart = offset + 1;
      lineStartByte = i + 1;
    }
    offset += width === 4 ? 2 : 1;
    i += width;
  }
  pieces.push(decoder.decode(bytes.subarray(pieceStart)));
  return { ok: false, text: pieces.join(""), diagnostics };
}

/** The length of the valid UTF-8 sequence at `i` (1–4), or 0 when the byte there starts none (Go's rules). */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const first = bytes[i];
  if (first < 0x80) return 1;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (first >= 0xc2 && first <= 0xdf) length = 2;
  else if (first >= 0xe0 && first <= 0xef) {
    length = 3;
    if (first === 0xe0) low = 0xa0; // no overlong forms
    else if (first === 0xed) high = 0x9f; // no surrogates
  } else if (first >= 0xf0 && first <= 0xf4) {
    length = 4;
    if (first === 0xf0) low = 0x90; // no overlong forms
    else if (first === 0xf4) high = 0x8f; // nothing above U+10FFFF
  } else return 0;
  if (i + length > bytes.length) return 0;
  const second = bytes[i + 1];
  if (second < low || second > high) return 0;
  for (let k = 2; k < length; k++) {
    const next = bytes[i + k];
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}
