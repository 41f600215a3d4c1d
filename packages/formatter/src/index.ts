export { FormatError, format, formatAst, formatParsed } from "./format.js";
export type { FormatOptions } from "./format.js";
export { splitLines } from "./lines.js";
export { print } from "./print.js";
