import { describe, expect, it } from "vitest";
import {
  findAttribute,
  findBlock,
  getComponent,
  typeToString,
  type BlockContainer,
  type ComponentSchema,
} from "../src/index.js";

function component(name: string): ComponentSchema {
  const found = getComponent(name);
  if (!found) throw new Error(`${name} is not in the catalog`);
  return found;
}

/** `name: type` for each attribute, `!` when required: a compact view to assert against. */
function attributeSummary(body: BlockContainer, names: string[]): string[] {
  return names.map((name) => {
    const attribute = findAttribute(body, name);
    return attribute ? `${name}: ${typeToString(attribute.type)}${attribute.required ? " !" : ""}` : `${name}: MISSING`;
  });
}

function exportSummary(schema: ComponentSchema): string[] {
  return schema.exports.map((e) => `${e.name}: ${typeToString(e.type)}`);
}

describe("spot checks of v1.18.1 (structure from the code, prose from the docs)", () => {
  it("prometheus.scrape", () => {
    const scrape = component("prometheus.scrape");
    expect(attributeSummary(scrape, ["targets", "forward_to", "scrape_interval", "job_name", "honor_labels"])).toEqual([
      "targets: list(map(string)) !",
      "forward_to: list(capsule(MetricsReceiver)) !",
      "scrape_interval: duration",
      "job_name: string",
      "honor_labels: bool",
    ]);
    expect(findAttribute(scrape, "scrape_interval")?.default).toBe('"60s"');
    expect(scrape.clustering).toBe(true);
    expect(findAttribute(findBlock(scrape, ["clustering"])!, "enabled")?.type).toEqual({ kind: "bool" });
    expect(findBlock(scrape, ["tls_config"])?.attributes.map((a) => a.name)).toContain("ca_pem");
    expect(scrape.exports).toEqual([]);
  });

  it("prometheus.remote_write", () => {
    const rw = component("prometheus.remote_write");
    expect(attributeSummary(rw, ["external_labels"])).toEqual(["external_labels: map(string)"]);
    const endpoint = findBlock(rw, ["endpoint"])!;
    expect(endpoint.repeatable).toBe(true);
    expect(endpoint.required).toBe(false);
    expect(attributeSummary(endpoint, ["url", "bearer_token", "remote_timeout", "headers"])).toEqual([
      "url: string !",
      "bearer_token: secret",
      "remote_timeout: duration",
      "headers: map(string)",
    ]);
    expect(findAttribute(endpoint, "remote_timeout")?.default).toBe('"30s"');
    const basicAuth = findBlock(rw, ["endpoint", "basic_auth"])!;
    expect(basicAuth.path).toEqual(["endpoint", "basic_auth"]);
    expect(basicAuth.attributes.map((a) => a.name).sort()).toEqual(["password", "password_file", "username"]);
    expect(findBlock(rw, ["endpoint", "oauth2", "tls_config"])?.attributes.length).toBeGreaterThan(5);
    // The docs mark it required; the decoder takes `managed_identity,block,optional` (Validate wants one of
    // managed_identity, oauth, sdk, workload_identity).
    expect(findBlock(rw, ["endpoint", "azuread", "managed_identity"])?.required).toBe(false);
    expect(findBlock(rw, ["endpoint", "queue_config"])?.attributes.map((a) => a.name)).toContain("max_shards");
    expect(findBlock(rw, ["endpoint", "write_relabel_config"])?.repeatable).toBe(true);
    expect(findBlock(rw, ["wal"])).toBeDefined();
    expect(rw.exports).toEqual([
      expect.objectContaining({ name: "receiver", type: { kind: "capsule", name: "MetricsReceiver", signals: ["metrics"] } }),
    ]);
  });

  it("loki.process with nested and recursive stages", () => {
    const process = component("loki.process");
    expect(attributeSummary(process, ["forward_to"])).toEqual(["forward_to: list(capsule(LogsReceiver)) !"]);
    const stages = process.blocks.map((b) => b.name);
    expect(stages).toEqual(expect.arrayContaining(["stage.json", "stage.match", "stage.metrics", "stage.regex", "stage.timestamp"]));
    expect(stages.every((s) => s.startsWith("stage."))).toBe(true);
    expect(process.blocks.every((b) => b.repeatable && b.ordered)).toBe(true);
    expect(attributeSummary(findBlock(process, ["stage.match"])!, ["selector", "action"])).toEqual(["selector: string !", "action: string"]);
    expect(findAttribute(findBlock(process, ["stage.match"])!, "action")?.enum).toEqual(["keep", "drop"]);
    // stage.match nests any stage, recursively.
    expect(findBlock(process, ["stage.match", "stage.json"])?.attributes.map((a) => a.name)).toContain("expressions");
    expect(findBlock(process, ["stage.match", "stage.match", "stage.regex"])).toBeDefined();
    const counter = findBlock(process, ["stage.metrics", "metric.counter"])!;
    expect(counter.repeatable).toBe(true);
    expect(attributeSummary(counter, ["name", "action", "max_idle_duration"])).toEqual([
      "name: string !",
      "action: string !",
      "max_idle_duration: duration",
    ]);
    expect(exportSummary(process)).toEqual(["receiver: capsule(LogsReceiver)"]);
  });

  it("otelcol.receiver.otlp", () => {
    const otlp = component("otelcol.receiver.otlp");
    expect(otlp.attributes).toEqual([]);
    const output = findBlock(otlp, ["output"])!;
    expect(output.required).toBe(true);
    expect(findAttribute(output, "traces")?.type).toEqual({
      kind: "list",
      element: { kind: "capsule", name: "otelcol.Consumer", signals: ["traces"] },
    });
    expect(attributeSummary(findBlock(otlp, ["grpc"])!, ["endpoint", "auth"])).toEqual([
      "endpoint: string",
      "auth: capsule(otelcol.Handler)",
    ]);
    expect(findAttribute(findBlock(otlp, ["grpc"])!, "endpoint")?.default).toBe('"0.0.0.0:4317"');
    expect(findBlock(otlp, ["grpc", "keepalive", "server_parameters"])?.attributes.map((a) => a.name)).toContain("time");
    expect(findBlock(otlp, ["http", "tls", "tpm"])).toBeDefined();
    expect(findBlock(otlp, ["http", "cors"])?.attributes.map((a) => a.name)).toContain("allowed_origins");
    expect(otlp.exports).toEqual([]);
    expect(otlp.exportsDocumented).toBe(true);
  });

  it("otelcol.exporter.otlp", () => {
    const exporter = component("otelcol.exporter.otlp");
    const client = findBlock(exporter, ["client"])!;
    expect(client.required).toBe(true);
    expect(attributeSummary(client, ["endpoint", "compression"])).toEqual(["endpoint: string !", "compression: string"]);
    expect(findBlock(exporter, ["client", "tls"])).toBeDefined();
    expect(findBlock(exporter, ["sending_queue"])).toBeDefined();
    expect(findBlock(exporter, ["retry_on_failure"])?.attributes.map((a) => a.name)).toContain("max_elapsed_time");
    expect(exporter.exports).toEqual([
      expect.objectContaining({ name: "input", type: { kind: "capsule", name: "otelcol.Consumer", signals: ["metrics", "logs", "traces"] } }),
    ]);
  });

  it("otelcol.processor.batch", () => {
    const batch = component("otelcol.processor.batch");
    expect(attributeSummary(batch, ["timeout", "send_batch_size", "send_batch_max_size", "metadata_keys"])).toEqual([
      "timeout: duration",
      "send_batch_size: number",
      "send_batch_max_size: number",
      "metadata_keys: list(string)",
    ]);
    expect(findAttribute(batch, "timeout")?.default).toBe('"200ms"');
    expect(findBlock(batch, ["output"])?.required).toBe(true);
    expect(exportSummary(batch)).toEqual(["input: capsule(otelcol.Consumer)"]);
  });

  it("discovery.kubernetes", () => {
    const k8s = component("discovery.kubernetes");
    expect(attributeSummary(k8s, ["role", "api_server", "kubeconfig_file", "bearer_token"])).toEqual([
      "role: string !",
      "api_server: string",
      "kubeconfig_file: string",
      "bearer_token: secret",
    ]);
    expect(findBlock(k8s, ["namespaces"])?.attributes.map((a) => a.name)).toEqual(expect.arrayContaining(["names", "own_namespace"]));
    expect(findBlock(k8s, ["selectors"])?.repeatable).toBe(true);
    expect(attributeSummary(findBlock(k8s, ["selectors"])!, ["role", "label"])).toEqual(["role: string !", "label: string"]);
    expect(exportSummary(k8s)).toEqual(["targets: list(map(string))"]);
  });

  it("discovery.relabel", () => {
    const relabel = component("discovery.relabel");
    expect(attributeSummary(relabel, ["targets"])).toEqual(["targets: list(map(string)) !"]);
    const rule = findBlock(relabel, ["rule"])!;
    expect(rule.repeatable).toBe(true);
    expect(attributeSummary(rule, ["source_labels", "regex", "action", "target_label"])).toEqual([
      "source_labels: list(string)",
      "regex: string",
      "action: string",
      "target_label: string",
    ]);
    expect(exportSummary(relabel)).toEqual(["output: list(map(string))", "rules: capsule(RelabelRules)"]);
  });

  it("local.file", () => {
    const file = component("local.file");
    expect(attributeSummary(file, ["filename", "detector", "poll_frequency", "is_secret"])).toEqual([
      "filename: string !",
      "detector: string",
      "poll_frequency: duration",
      "is_secret: bool",
    ]);
    expect(file.blocks).toEqual([]);
    expect(exportSummary(file)).toEqual(["content: string or secret"]);
  });

  it("loki.source.file", () => {
    const source = component("loki.source.file");
    expect(attributeSummary(source, ["targets", "forward_to", "encoding", "tail_from_end"])).toEqual([
      "targets: list(map(string)) !",
      "forward_to: list(capsule(LogsReceiver)) !",
      "encoding: string",
      "tail_from_end: bool",
    ]);
    expect(source.blocks.map((b) => b.name)).toEqual(expect.arrayContaining(["decompression", "file_watch", "file_match"]));
    expect(findBlock(source, ["decompression"])?.attributes.map((a) => a.name)).toEqual(expect.arrayContaining(["enabled", "format"]));
    expect(source.exports).toEqual([]);
  });

  it("loki.write", () => {
    const write = component("loki.write");
    const endpoint = findBlock(write, ["endpoint"])!;
    expect(endpoint.repeatable).toBe(true);
    expect(attributeSummary(endpoint, ["url", "tenant_id", "batch_wait"])).toEqual([
      "url: string !",
      "tenant_id: string",
      "batch_wait: duration",
    ]);
    expect(findBlock(write, ["endpoint", "basic_auth"])).toBeDefined();
    expect(exportSummary(write)).toEqual(["receiver: capsule(LogsReceiver)"]);
  });

  it("mimir.rules.kubernetes", () => {
    const rules = component("mimir.rules.kubernetes");
    expect(attributeSummary(rules, ["address", "tenant_id", "sync_interval"])).toEqual([
      "address: string !",
      "tenant_id: string",
      "sync_interval: duration",
    ]);
    expect(findBlock(rules, ["rule_selector", "match_expression"])?.repeatable).toBe(true);
    expect(attributeSummary(findBlock(rules, ["rule_selector", "match_expression"])!, ["key", "operator", "values"])).toEqual([
      "key: string !",
      "operator: string !",
      "values: list(string)",
    ]);
    expect(rules.exports).toEqual([]);
  });

  it("pyroscope.scrape", () => {
    const scrape = component("pyroscope.scrape");
    expect(attributeSummary(scrape, ["targets", "forward_to", "scrape_interval"])).toEqual([
      "targets: list(map(string)) !",
      "forward_to: list(capsule(ProfilesReceiver)) !",
      "scrape_interval: duration",
    ]);
    expect(scrape.clustering).toBe(true);
    expect(findBlock(scrape, ["profiling_config", "profile.memory"])?.attributes.map((a) => a.name)).toContain("enabled");
    expect(findBlock(scrape, ["profiling_config", "profile.custom"])?.repeatable).toBe(true);
  });

  it("prometheus.exporter.unix", () => {
    const unix = component("prometheus.exporter.unix");
    expect(attributeSummary(unix, ["set_collectors", "procfs_path", "include_exporter_metrics"])).toEqual([
      "set_collectors: list(string)",
      "procfs_path: string",
      "include_exporter_metrics: bool",
    ]);
    expect(findAttribute(unix, "procfs_path")?.default).toBe('"/proc"');
    expect(findBlock(unix, ["filesystem"])?.attributes.map((a) => a.name)).toContain("mount_points_exclude");
    expect(findBlock(unix, ["textfile"])?.attributes.map((a) => a.name)).toContain("directory");
    expect(exportSummary(unix)).toEqual(["targets: list(map(string))"]);
  });

  it("loki.source.kubernetes", () => {
    const source = component("loki.source.kubernetes");
    expect(attributeSummary(source, ["targets", "forward_to"])).toEqual([
      "targets: list(map(string)) !",
      "forward_to: list(capsule(LogsReceiver)) !",
    ]);
    expect(source.clustering).toBe(true);
    expect(findBlock(source, ["client", "basic_auth"])).toBeDefined();
    expect(findAttribute(findBlock(source, ["client"])!, "api_server")?.type).toEqual({ kind: "string" });
  });

  it("otelcol.processor.tail_sampling with explicit policy nesting", () => {
    const sampling = component("otelcol.processor.tail_sampling");
    expect(findBlock(sampling, ["policy"])?.repeatable).toBe(true);
    expect(findBlock(sampling, ["policy", "and", "and_sub_policy", "latency"])?.attributes.map((a) => a.name)).toContain(
      "threshold_ms",
    );
    expect(findBlock(sampling, ["policy", "and", "and_sub_policy"])?.repeatable).toBe(true);
  });

  it("otelcol.receiver.vcenter: rows whose Type links to a block heading are blocks", () => {
    const vcenter = component("otelcol.receiver.vcenter");
    const metric = findBlock(vcenter, ["metrics", "vcenter.host.cpu.usage"])!;
    expect(metric.attributes.map((a) => `${a.name}: ${typeToString(a.type)}`)).toEqual(["enabled: bool"]);
  });

  it("beyla.ebpf: block paths whose intermediate rows are missing", () => {
    const beyla = component("beyla.ebpf");
    expect(findBlock(beyla, ["ebpf", "payload_extraction", "http", "genai", "openai"])).toBeDefined();
  });

  it("otelcol.receiver.filelog: footnoted Required cells", () => {
    const filelog = component("otelcol.receiver.filelog");
    const pattern = findAttribute(findBlock(filelog, ["multiline"])!, "line_start_pattern")!;
    expect(pattern.required).toBe(false);
    expect(pattern.requiredCondition).toBe("yes*");
  });

  it("prometheus.exporter.oracledb: blocks declared by headings only", () => {
    const oracle = component("prometheus.exporter.oracledb");
    expect(findBlock(oracle, ["database"])?.repeatable).toBe(true);
    expect(findAttribute(oracle, "connection_string")?.deprecated).toBe(true);
  });

  it("removed components stay documented but are marked", () => {
    const removed = component("otelcol.receiver.opencensus");
    expect(removed.status).toBe("removed");
  });

  it("stability comes from the front matter and the community banner", () => {
    expect(component("prometheus.scrape").stability).toBe("generally-available");
    expect(component("otelcol.exporter.datadog").stability).toBe("community");
    expect(component("database_observability.sql_server").stability).toBe("experimental");
    expect(component("loki.enrich").stability).toBe("experimental");
  });
});
