export { FormatError, format, formatAst, formatParsed } from "./format.js";
export type { FormatOptions } from "./format.js";
export { print } from "./print.js";
