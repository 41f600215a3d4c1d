import { describe, expect, it } from "vitest";
import { checkValuesFile, type ConfigChecker } from "../src/index.js";

const separateValues = `controller:
  type: statefulset
  replicas: 3
alloy:
  configMap:
    create: false
    name: alloy-config
`;

const scrapeConfig = `prometheus.scrape "pods" {
	targets    = []
	forward_to = []

	clustering {
		enabled = true
	}
}
`;

describe("checkValuesFile", () => {
  it("recognises chart values by their alloy:/controller:/agent: mapping", () => {
    const isChart = (text: string) => checkValuesFile(text, { filename: "values.yaml" }).isChartValues;
    expect(isChart("controller:\n  type: daemonset\n")).toBe(true);
    expect(isChart("agent:\n  clustering:\n    enabled: true\n")).toBe(true);
    expect(isChart("image:\n  tag: v1\n")).toBe(false);
    expect(isChart("- a\n- b\n")).toBe(false);
    const other = checkValuesFile("replicaCount: 2\nimage:\n  tag: v1\n", { filename: "other.yaml" });
    expect(other).toEqual({ isChartValues: false, diagnostics: [] });
  });

  it("checks any YAML as chart values with chart: true", () => {
    const { isChartValues, diagnostics } = checkValuesFile("image:\n  tagg: v1\n", { filename: "v.yaml", chart: true });
    expect(isChartValues).toBe(true);
    expect(diagnostics.map((d) => d.message)).toEqual([
      "image.tagg is not a value of the grafana/alloy chart 1.10.1: Helm ignores it silently. Did you mean image.tag?",
    ]);
  });

  it("reports YAML syntax errors as values/yaml-syntax", () => {
    const { diagnostics } = checkValuesFile("alloy:\n  clustering: [\n", { filename: "v.yaml" });
    expect(diagnostics.some((d) => d.code === "values/yaml-syntax" && d.severity === "error")).toBe(true);
  });

  it("checks a config shipped separately (--values), reporting in the .alloy file", () => {
    const { diagnostics } = checkValuesFile(separateValues, {
      filename: "values.yaml",
      configs: [{ file: "config/main.alloy", text: scrapeConfig }],
    });
    expect(diagnostics.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.code}`)).toEqual([
      "config/main.alloy:5:2 deploy/clustering-not-enabled",
    ]);
    expect(diagnostics[0].related?.map((r) => `${r.file}:${r.range.start.line} ${r.message}`)).toEqual(["values.yaml:2 controller.type"]);
  });

  it("without a config (existing ConfigMap), only values rules run", () => {
    const { diagnostics } = checkValuesFile(separateValues, { filename: "values.yaml" });
    expect(diagnostics).toEqual([]);
  });

  it("passes the inline config to the config checker and maps its diagnostics into the YAML file", () => {
    const seen: string[] = [];
    const checker: ConfigChecker = (files) => {
      seen.push(...files.map((f) => f.text));
      const offset = files[0].text.indexOf("clustering");
      return [
        {
          code: "check/example",
          severity: "warning",
          message: "seen",
          range: { start: { offset, line: 5, column: 2 }, end: { offset: offset + 10, line: 5, column: 12 } },
        },
      ];
    };
    const yaml = `controller:\n  type: statefulset\nalloy:\n  clustering:\n    enabled: true\n  configMap:\n    content: |\n${scrapeConfig
      .split("\n")
      .map((l) => (l ? "      " + l : l))
      .join("\n")}`;
    const { diagnostics } = checkValuesFile(yaml, { filename: "values.yaml", checkConfig: checker });
    expect(seen).toEqual([scrapeConfig]);
    const d = diagnostics.find((x) => x.code === "check/example")!;
    expect(`${d.file}:${d.range.start.line}:${d.range.start.column}`).toBe("values.yaml:12:8");
    expect(yaml.slice(d.range.start.offset, d.range.end.offset)).toBe("clustering");
  });

  it("checks the content with Helm actions blanked out, so the rest is still checked", () => {
    const yaml = `controller:\n  type: daemonset\nalloy:\n  configMap:\n    content: |\n      {{- if .Values.debug }}\n      logging {\n        level = "debug"\n      }\n      {{- end }}\n`;
    const { diagnostics } = checkValuesFile(yaml, { filename: "values.yaml" });
    expect(diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`)).toEqual([
      "6:7 values/template-in-content",
      "10:7 values/template-in-content",
    ]);
  });

  it("reads the deprecated agent: key like alloy:", () => {
    const yaml = `controller:\n  type: statefulset\n  replicas: 2\nagent:\n  configMap:\n    content: |\n${scrapeConfig
      .split("\n")
      .map((l) => (l ? "      " + l : l))
      .join("\n")}`;
    const { diagnostics } = checkValuesFile(yaml, { filename: "values.yaml" });
    expect(diagnostics.map((d) => d.code)).toEqual(["values/deprecated-key", "deploy/clustering-not-enabled"]);
  });

  it("reports each of thousands of unknown keys at its own key, a repeated key at each of its pairs", () => {
    const keys = Array.from({ length: 3_000 }, (_, i) => `unknownKey${i}`);
    const yaml = `alloy:\n${keys.map((k) => `  ${k}: 1\n`).join("")}  storagePth: /data\n  storagePth: /data2\n`;
    const { diagnostics } = checkValuesFile(yaml, { filename: "values.yaml" });
    const unknown = diagnostics.filter((d) => d.code === "values/unknown-key");
    expect(unknown).toHaveLength(3_002);
    unknown.slice(0, 3_000).forEach((d, i) => expect(yaml.slice(d.range.start.offset, d.range.end.offset)).toBe(keys[i]));
    expect(unknown.slice(3_000).map((d) => `${d.range.start.line} ${d.fix?.title}`)).toEqual(["3002 Rename to storagePath", "3003 Rename to storagePath"]);
  });

  it("reports each of thousands of Helm actions at its own text", () => {
    const lines = Array.from({ length: 2_000 }, (_, i) => `      {{ .Values.v${i} }}\n`);
    const yaml = `alloy:\n  configMap:\n    content: |\n${lines.join("")}`;
    const { diagnostics } = checkValuesFile(yaml, { filename: "values.yaml" });
    const actions = diagnostics.filter((d) => d.code === "values/template-in-content");
    expect(actions).toHaveLength(2_000);
    actions.forEach((d, i) => expect(`${d.range.start.line}:${yaml.slice(d.range.start.offset, d.range.end.offset)}`).toBe(`${i + 4}:{{ .Values.v${i} }}`));
  });
});
