/**
 * The grafana/alloy chart's releases and the Alloy version each deploys by default, read from a table with the
 * header `chart_version<TAB>app_version` (`../shared/alloy-source/helm-chart-app-versions.tsv`), rendered as the
 * module `chart-app-versions.generated.ts`. Throws on a table of another shape: the generator must not write it.
 */
export function renderChartVersionsModule(tsv: string): string {
  const lines = tsv.split(/\r?\n/).filter((line) => line.trim() !== "");
  if (lines[0] !== "chart_version\tapp_version") throw new Error(`unexpected header ${JSON.stringify(lines[0])}: expected chart_version<TAB>app_version`);
  const rows = lines.slice(1).map((line, i) => {
    const [chart, app, extra] = line.split("\t");
    if (extra !== undefined || !/^\d+\.\d+\.\d+$/.test(chart ?? "") || !/^v\d+\.\d+\.\d+(-rc\.\d+)?$/.test(app ?? "")) {
      throw new Error(`line ${i + 2}: expected <chart version>\t<vX.Y.Z>, got ${JSON.stringify(line)}`);
    }
    return `  ["${chart}", "${app}"],`;
  });
  return [
    "// Generated from ../shared/alloy-source/helm-chart-app-versions.tsv (every grafana/alloy chart release and the",
    "// appVersion of its Chart.yaml) by packages/deployment/src/chart-versions/render-chart-versions.ts — do not edit.",
    "// Regenerate: npx tsc -b packages/deployment && node packages/deployment/dist/chart-versions/generate-cli.js",
    "",
    "/** grafana/alloy chart version → the Alloy version it deploys when the values set no `image.tag`. */",
    "export const chartAppVersions: ReadonlyMap<string, string> = new Map([",
    ...rows,
    "]);",
    "",
  ].join("\n");
}
