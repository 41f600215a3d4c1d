import { formatText, rules, type CheckDiagnostic } from "@alloy-toolkit/checker";
import type { OutputFormat } from "./options.js";

/** The diagnostics of one checked config, with the texts of its files (for excerpts). */
export interface LintReport {
  readonly diagnostics: readonly CheckDiagnostic[];
  readonly sources: ReadonlyMap<string, string>;
}

/** Renders every report in one output format; the result ends with a newline unless empty. */
export function renderReports(reports: readonly LintReport[], format: OutputFormat, version: string): string {
  switch (format) {
    case "text":
      return renderText(reports);
    case "json":
      return JSON.stringify(reports.flatMap((r) => r.diagnostics.map(toJson)), null, 2) + "\n";
    case "sarif":
      return JSON.stringify(toSarif(reports, version), null, 2) + "\n";
    case "github":
      return reports
        .flatMap((r) => r.diagnostics.filter(isShown).map(toGithub))
        .map((line) => line + "\n")
        .join("");
  }
}

/** Text shows errors and warnings, as Alloy does; informational notes are in json and sarif. */
function isShown(diagnostic: CheckDiagnostic): boolean {
  return diagnostic.severity === "error" || diagnostic.severity === "warning";
}

function renderText(reports: readonly LintReport[]): string {
  const blocks = reports
    .map((r) => formatText(r.diagnostics.filter(isShown), r.sources))
    .filter((text) => text.length > 0);
  return blocks.join("\n");
}

function toJson(d: CheckDiagnostic) {
  return {
    file: d.file,
    line: d.range.start.line,
    column: d.range.start.column,
    endLine: d.range.end.line,
    endColumn: d.range.end.column,
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.hint ? { hint: d.hint } : {}),
    ...(d.related ? { related: d.related.map((r) => ({ file: r.file, line: r.range.start.line, column: r.range.start.column, message: r.message })) } : {}),
    ...(d.fix
      ? {
          fix: {
            title: d.fix.title,
            edits: d.fix.edits.map((e) => ({
              line: e.range.start.line,
              column: e.range.start.column,
              endLine: e.range.end.line,
              endColumn: e.range.end.column,
              newText: e.newText,
            })),
          },
        }
      : {}),
  };
}

function escapeGithub(text: string, property = false): string {
  let out = text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  if (property) out = out.replace(/:/g, "%3A").replace(/,/g, "%2C");
  return out;
}

function toGithub(d: CheckDiagnostic): string {
  const command = d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "notice";
  const { start, end } = d.range;
  const props = [
    `file=${escapeGithub(d.file, true)}`,
    `line=${start.line}`,
    `col=${start.column}`,
    `endLine=${end.line}`,
    `endColumn=${end.column}`,
    `title=${escapeGithub(d.code, true)}`,
  ].join(",");
  return `::${command} ${props}::${escapeGithub(d.hint ? `${d.message} (${d.hint})` : d.message)}`;
}

const SARIF_LEVEL: Record<string, string> = { error: "error", warning: "warning", information: "note", hint: "note" };

function toSarif(reports: readonly LintReport[], version: string) {
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "alloylint",
            version,
            informationUri: "https://github.com/grafana/alloy",
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
            })),
          },
        },
        results: reports.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.code,
            level: SARIF_LEVEL[d.severity] ?? "error",
            message: { text: d.hint ? `${d.message} (${d.hint})` : d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: d.file.replace(/\\/g, "/") },
                  region: {
                    startLine: d.range.start.line,
                    startColumn: d.range.start.column,
                    endLine: d.range.end.line,
                    endColumn: d.range.end.column,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}
