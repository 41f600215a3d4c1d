import type { EncodingDiagnostic } from "@alloy-toolkit/parser";

/**
 * The most bytes an `import.file` module file may have. Larger files are not read: the import reports
 * `check/import-not-read` and its components stay unchecked. Module files are small; a file past this size
 * is a mistake (a log, a dump) that would otherwise be read whole into memory. The CLI's and the language
 * server's import resolvers both read this one limit ({@link importFileProblem}).
 */
export const MAX_IMPORT_FILE_BYTES = 8 * 1024 * 1024;

/** What `fs.statSync` tells of a path, as far as reading it as a module goes. */
export interface ImportFileStat {
  readonly size: number;
  isFile(): boolean;
  isDirectory(): boolean;
}

/**
 * Why a module file cannot be read, or `undefined` when it can: not a regular file (a FIFO, a device,
 * a socket: reading those blocks or never ends), or larger than {@link MAX_IMPORT_FILE_BYTES}.
 */
export function importFileProblem(path: string, stat: ImportFileStat): string | undefined {
  if (!stat.isFile()) return `${path} is not a regular file`;
  if (stat.size > MAX_IMPORT_FILE_BYTES) {
    return `${path} is ${megabytes(stat.size)}, over the ${megabytes(MAX_IMPORT_FILE_BYTES)} limit for imported modules`;
  }
  return undefined;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
}

/**
 * Why a module file whose bytes are not UTF-8 is not read (Alloy rejects such a file): where its first bad
 * byte is, as Alloy counts columns (in bytes). The CLI's and the language server's import resolvers both
 * say it so.
 */
export function undecodableImportProblem(path: string, firstBadByte: Pick<EncodingDiagnostic, "range" | "byteColumn">): string {
  return `${path} is not UTF-8 (${path}:${firstBadByte.range.start.line}:${firstBadByte.byteColumn}: illegal UTF-8 encoding)`;
}
