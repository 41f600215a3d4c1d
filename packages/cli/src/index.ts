export { ExitCode, main as runAlloyfmtOnProcess, runAlloyfmt } from "./fmt/run.js";
export { unifiedDiff } from "./fmt/unified-diff.js";
export type { FmtIo } from "./fmt/run.js";
export { parseFmtArgs, USAGE as ALLOYFMT_USAGE, UsageError } from "./fmt/options.js";
export type { FmtOptions } from "./fmt/options.js";
export { alloyFilesUnder, expandPaths } from "./fmt/files.js";
export type { ExpandedPaths, FmtInput } from "./fmt/files.js";
export { KILL_BEFORE_RENAME_ENV, writeFileAtomic } from "./fmt/atomic-write.js";
