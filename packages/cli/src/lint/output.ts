import { isAbsolute, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { formatText, rules, type CheckDiagnostic, type Rule } from "@alloy-toolkit/checker";
import { deploymentRules, ruleDocumentationUrl } from "@alloy-toolkit/deployment";
import type { Range } from "@alloy-toolkit/parser";
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

/** The base the relative artifact URIs of a SARIF log resolve against: the working folder of the run. */
const SRCROOT = "%SRCROOT%";

/** Every rule alloylint runs: the checker's config rules, then the deployment rules. */
const sarifRules: readonly Rule<unknown>[] = [...rules, ...deploymentRules];

/**
 * A SARIF artifact location: a relative path as a URI reference under `%SRCROOT%` (the working folder, given in
 * the run's `originalUriBaseIds`), an absolute path as a `file:` URI.
 */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split(/[\\/]/).map(encodeURIComponent).join("/"), uriBaseId: SRCROOT };
}

/** A SARIF region: 1-based lines and columns in UTF-16 code units (the run's `columnKind`), end exclusive, as a Range's. */
function region(range: Range) {
  return { startLine: range.start.line, startColumn: range.start.column, endLine: range.end.line, endColumn: range.end.column };
}

function physicalLocation(file: string, range: Range) {
  return { artifactLocation: artifactLocation(file), region: region(range) };
}

function sarifResult(d: CheckDiagnostic, ruleIndex: ReadonlyMap<string, number>) {
  const index = ruleIndex.get(d.code);
  return {
    ruleId: d.code,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: SARIF_LEVEL[d.severity] ?? "error",
    message: { text: d.hint ? `${d.message} (${d.hint})` : d.message },
    locations: [{ physicalLocation: physicalLocation(d.file, d.range) }],
    ...(d.related && d.related.length > 0
      ? { relatedLocations: d.related.map((r, id) => ({ id, message: { text: r.message }, physicalLocation: physicalLocation(r.file, r.range) })) }
      : {}),
    ...(d.fix
      ? {
          fixes: [
            {
              description: { text: d.fix.title },
              artifactChanges: [
                {
                  artifactLocation: artifactLocation(d.fix.file),
                  replacements: d.fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
                },
              ],
            },
          ],
        }
      : {}),
  };
}

function toSarif(reports: readonly LintReport[], version: string) {
  const ruleIndex = new Map(sarifRules.map((rule, index) => [rule.id, index]));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "alloylint",
            version,
            informationUri: "https://github.com/alloy-toolkit/alloy-toolkit/tree/HEAD/packages/cli#readme",
            rules: sarifRules.map((rule) => {
              const helpUri = ruleDocumentationUrl(rule.id);
              return {
                id: rule.id,
                shortDescription: { text: rule.description },
                ...(helpUri ? { helpUri } : {}),
                defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
              };
            }),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(process.cwd() + sep).href } },
        columnKind: "utf16CodeUnits",
        results: reports.flatMap((r) => r.diagnostics.map((d) => sarifResult(d, ruleIndex))),
      },
    ],
  };
}
