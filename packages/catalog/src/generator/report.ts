/** A documentation table row or construct the generator could not turn into catalog data. */
export interface UnreadRow {
  /** File relative to `docs/sources` (a shared snippet when the row came through an include). */
  file: string;
  line: number;
  /** The page being read when the row was met (differs from `file` for includes). */
  page: string;
  text: string;
  reason: string;
}

/** Something worth knowing that is not an error (a heuristic applied, an override used). */
export interface GeneratorNote {
  page: string;
  message: string;
}

export interface GeneratorReport {
  counts: {
    components: number;
    activeComponents: number;
    removedComponents: number;
    configBlocks: number;
    functions: number;
    deprecatedFunctionNames: number;
    attributes: number;
    blocks: number;
    exports: number;
    tableRowsRead: number;
  };
  unreadRows: UnreadRow[];
  notes: GeneratorNote[];
  overridesApplied: string[];
  overridesUnused: string[];
  clusteringComponents: string[];
}

/** Collects problems while pages are read; one per generator run. */
export class ReportCollector {
  readonly unreadRows: UnreadRow[] = [];
  readonly notes: GeneratorNote[] = [];
  tableRowsRead = 0;

  unread(page: string, source: { file: string; line: number; text: string }, reason: string): void {
    this.unreadRows.push({ file: source.file, line: source.line, page, text: source.text.trim(), reason });
  }

  note(page: string, message: string): void {
    this.notes.push({ page, message });
  }
}

/** Human-readable report, as printed by `pnpm catalog:report`. */
export function formatReport(report: GeneratorReport): string {
  const c = report.counts;
  const lines = [
    "Alloy catalog generator report",
    "",
    `components        ${c.components} (${c.activeComponents} active, ${c.removedComponents} removed)`,
    `config blocks     ${c.configBlocks}`,
    `functions         ${c.functions} (+${c.deprecatedFunctionNames} deprecated names)`,
    `attributes        ${c.attributes}`,
    `blocks            ${c.blocks}`,
    `exports           ${c.exports}`,
    `table rows read   ${c.tableRowsRead}`,
    `unread rows       ${report.unreadRows.length}`,
    `overrides applied ${report.overridesApplied.length}, unused ${report.overridesUnused.length}`,
    "",
    `clustering-capable components (${report.clusteringComponents.length}):`,
    ...report.clusteringComponents.map((name) => `  ${name}`),
  ];
  if (report.unreadRows.length) {
    lines.push("", "Unread rows:");
    for (const row of report.unreadRows) {
      const via = row.page === row.file ? "" : ` (via ${row.page})`;
      lines.push(`  ${row.file}:${row.line}${via}: ${row.reason}`, `    ${row.text.slice(0, 160)}`);
    }
  }
  if (report.overridesUnused.length) {
    lines.push("", "Unused overrides (stale?):", ...report.overridesUnused.map((o) => `  ${o}`));
  }
  if (report.notes.length) {
    lines.push("", "Notes:", ...report.notes.map((n) => `  ${n.page}: ${n.message}`));
  }
  return lines.join("\n") + "\n";
}
