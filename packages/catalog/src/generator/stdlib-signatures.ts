/**
 * Signatures of the standard-library functions. The stdlib pages describe parameters in prose
 * ("The function expects two strings"), which no table parser can read reliably, so the signatures
 * are kept here by hand, written from those pages. The generator fails the report when a documented
 * function has no signature here, or a signature has no documented function.
 *
 * Parameter syntax: `name: type`, `name?: type` for optional, `...name: type` for variadic (last only).
 */
export const stdlibSignatures: Record<string, { params: string[]; returns: string }> = {
  "array.combine_maps": {
    params: ["left: list(map(any))", "right: list(map(any))", "keys: list(string)", "passthrough?: bool"],
    returns: "list(map(any))",
  },
  "array.concat": { params: ["...lists: list(any)"], returns: "list(any)" },
  "array.group_by": { params: ["items: list(map(any))", "key: string", "drop_unmatched: bool"], returns: "list(map(any))" },
  coalesce: { params: ["...values: any"], returns: "any" },
  "convert.nonsensitive": { params: ["value: secret"], returns: "string" },
  "encoding.from_URLbase64": { params: ["value: string"], returns: "string" },
  "encoding.from_base64": { params: ["value: string"], returns: "string" },
  "encoding.from_json": { params: ["value: string"], returns: "any" },
  "encoding.from_yaml": { params: ["value: string"], returns: "any" },
  "encoding.to_URLbase64": { params: ["value: string"], returns: "string" },
  "encoding.to_base64": { params: ["value: string"], returns: "string" },
  "encoding.to_json": { params: ["value: any"], returns: "string" },
  "encoding.url_decode": { params: ["value: string"], returns: "string" },
  "encoding.url_encode": { params: ["value: string"], returns: "string" },
  "file.path_join": { params: ["...elements: string"], returns: "string" },
  json_path: { params: ["json: string", "path: string"], returns: "list(any)" },
  "string.format": { params: ["format: string", "...values: any"], returns: "string" },
  "string.join": { params: ["list: list(string)", "separator: string"], returns: "string" },
  "string.replace": { params: ["source: string", "old: string", "new: string"], returns: "string" },
  "string.split": { params: ["source: string", "separator: string"], returns: "list(string)" },
  "string.to_lower": { params: ["source: string"], returns: "string" },
  "string.to_upper": { params: ["source: string"], returns: "string" },
  "string.trim": { params: ["source: string", "cutset: string"], returns: "string" },
  "string.trim_prefix": { params: ["source: string", "prefix: string"], returns: "string" },
  "string.trim_space": { params: ["source: string"], returns: "string" },
  "string.trim_suffix": { params: ["source: string", "suffix: string"], returns: "string" },
  "sys.env": { params: ["name: string"], returns: "string" },
};
