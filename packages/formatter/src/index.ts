export { FormatError, format, formatAst, formatParsed, normalizeSource } from "./format.js";
export type { FormatOptions } from "./format.js";
