const SIMPLE_ESCAPES: Record<string, string> = {
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\\": "\\",
  '"': '"',
};

const utf8Decoder = new TextDecoder("utf-8");
const utf8Encoder = new TextEncoder();

/**
 * The value of a string token as written in source: `"…"` with Go-style escapes, or `` `…` `` raw.
 * Invalid escapes (already reported by the scanner) are kept as written.
 */
export function decodeString(raw: string): string {
  if (raw.length < 2) return "";
  const quote = raw[0];
  const closed = raw.length >= 2 && raw[raw.length - 1] === quote;
  const body = raw.slice(1, closed ? -1 : undefined);
  if (quote === "`" || !body.includes("\\")) return body;
  return decodeEscapes(body);
}

/**
 * `body` with its escapes decoded. `\x` and octal escapes are bytes, which may form UTF-8 sequences together:
 * from the first of them on, the text is gathered as UTF-8 bytes and decoded at the end; until then (for
 * most strings, to the end) it is kept as text.
 */
function decodeEscapes(body: string): string {
  // The pieces decoded so far, until a byte escape comes; then each is encoded on its own, as the pieces
  // after it are (a piece may end in half of a surrogate pair).
  const pieces: string[] = [];
  let bytes: number[] | undefined;
  const push = (text: string): void => {
    if (bytes === undefined) pieces.push(text);
    else appendUtf8(bytes, text);
  };
  let i = 0;
  while (i < body.length) {
    const backslash = body.indexOf("\\", i);
    if (backslash === -1) {
      push(body.slice(i));
      break;
    }
    push(body.slice(i, backslash));
    const c = body[backslash + 1];
    if (c === undefined) {
      push("\\");
      break;
    }
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) {
      push(simple);
      i = backslash + 2;
      continue;
    }
    const numeric = readNumericEscape(body, backslash + 1);
    if (numeric === undefined) {
      push("\\" + c);
      i = backslash + 2;
      continue;
    }
    if (numeric.isByte) {
      if (bytes === undefined) {
        bytes = [];
        for (const piece of pieces) appendUtf8(bytes, piece);
      }
      bytes.push(numeric.value);
    } else push(String.fromCodePoint(numeric.value));
    i = numeric.end;
  }
  return bytes === undefined ? pieces.join("") : utf8Decoder.decode(new Uint8Array(bytes));
}

function appendUtf8(bytes: number[], text: string): void {
  for (const b of utf8Encoder.encode(text)) bytes.push(b);
}

function readNumericEscape(body: string, at: number): { value: number; isByte: boolean; end: number } | undefined {
  const c = body[at];
  let digits: number;
  let base: number;
  let from = at + 1;
  if (c === "x") [digits, base] = [2, 16];
  else if (c === "u") [digits, base] = [4, 16];
  else if (c === "U") [digits, base] = [8, 16];
  else if (c >= "0" && c <= "7") [digits, base, from] = [3, 8, at];
  else return undefined;
  const text = body.slice(from, from + digits);
  const pattern = base === 8 ? /^[0-7]+$/ : /^[0-9a-fA-F]+$/;
  if (text.length !== digits || !pattern.test(text)) return undefined;
  const value = parseInt(text, base);
  const isByte = c === "x" || base === 8;
  if (isByte ? value > 255 : value > 0x10ffff || (value >= 0xd800 && value < 0xe000)) return undefined;
  return { value, isByte, end: from + digits };
}

/** Go's `%q` of a string: double-quoted with Go escapes, as Alloy prints names in its messages. */
export function goQuote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\x07") out += "\\a";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (ch === "\v") out += "\\v";
    else if (cp < 0x20 || cp === 0x7f) out += "\\x" + cp.toString(16).padStart(2, "0");
    else if (/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u.test(ch) || (cp !== 32 && /\s/u.test(ch))) {
      out += cp > 0xffff ? "\\U" + cp.toString(16).padStart(8, "0") : "\\u" + cp.toString(16).padStart(4, "0");
    } else out += ch;
  }
  return out + '"';
}

const IDENTIFIER = /^[\p{L}_][\p{L}\p{Nd}_]*$/u;

/**
 * Whether `name` is a valid Alloy identifier (a letter or `_`, then letters, digits or `_`), as Alloy's
 * `IsValidIdentifier` decides: `true`, `false` and `null` are keywords, not identifiers.
 */
export function isValidIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && name !== "true" && name !== "false" && name !== "null";
}
