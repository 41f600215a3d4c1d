import type { Parser, Plugin, Printer, SupportLanguage } from "prettier";
import { FormatError, format } from "@alloy-toolkit/formatter";

/**
 * The plugin's AST: the whole file, already formatted by `@alloy-toolkit/formatter`. Alloy's layout depends on
 * source line breaks and column alignment that Prettier's document model does not express, so the printer
 * returns the formatter's text as it is and the output is identical to `format` (and to `alloy fmt`).
 */
export interface AlloyDocument {
  readonly kind: "AlloyDocument";
  readonly source: string;
  readonly formatted: string;
}

/** A syntax error in the shape Prettier reports with a code frame (`loc` lines and columns are 1-based). */
class AlloySyntaxError extends SyntaxError {
  constructor(
    message: string,
    readonly loc: { start: { line: number; column: number }; end: { line: number; column: number } },
    override readonly cause: FormatError,
  ) {
    super(message);
  }
}

export const languages: SupportLanguage[] = [
  {
    name: "Alloy",
    aliases: ["alloy", "river"],
    parsers: ["alloy"],
    extensions: [".alloy", ".river"],
    vscodeLanguageIds: ["alloy"],
  },
];

const alloyParser: Parser<AlloyDocument> = {
  astFormat: "alloy",
  parse(text, options) {
    try {
      return { kind: "AlloyDocument", source: text, formatted: format(text, { filename: options.filepath }) };
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
      const [first] = error.diagnostics;
      const { start, end } = first.range;
      throw new AlloySyntaxError(
        `${first.message} (${start.line}:${start.column})`,
        { start: { line: start.line, column: start.column }, end: { line: end.line, column: end.column } },
        error,
      );
    }
  },
  locStart: () => 0,
  locEnd: (node) => node.source.length,
};

export const parsers: Record<string, Parser<AlloyDocument>> = { alloy: alloyParser };

const alloyPrinter: Printer<AlloyDocument> = {
  print: (path) => path.node.formatted,
};

export const printers: Record<string, Printer<AlloyDocument>> = { alloy: alloyPrinter };

const plugin: Plugin<AlloyDocument> = { languages, parsers, printers };
export default plugin;
