import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runAlloylint } from "../src/lint/run.js";

function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = runAlloylint(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, "test");
  return { code, stdout, stderr };
}

const fixtures = relative(process.cwd(), fileURLToPath(new URL("fixtures/lint/", import.meta.url)));
const at = (p: string) => join(fixtures, p);
const json = (args: string[]) => JSON.parse(run(["--format", "json", ...args]).stdout) as { file: string; line: number; column: number; code: string }[];

describe("alloylint on Helm values files", () => {
  it("checks the config inline in alloy.configMap.content, at positions inside the YAML file", () => {
    const result = run([at("inline-values.yaml")]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`Error: ${at("inline-values.yaml")}:5:9: unrecognized attribute name "filenam"`);
    expect(result.stdout).toContain("5 |         filenam = ");
  });

  it("with --values, checks the config paths as what the values deploy", () => {
    const diagnostics = json(["--values", at("deploy/values.yaml"), at("deploy/config")]);
    const clustering = diagnostics.find((d) => d.code === "deploy/clustering-not-enabled");
    expect(clustering).toMatchObject({ file: at("deploy/config/main.alloy"), line: 5, column: 2 });
  });

  it("walks directories: each folder of .alloy files is one config, chart values are checked, other YAML is not", () => {
    const diagnostics = json(["--disable", "check/unused-component", at("tree")]);
    expect([...new Set(diagnostics.map((d) => d.file))].sort()).toEqual([at("tree/b/config.alloy"), at("tree/values.yaml")]);
    expect(diagnostics.find((d) => d.file === at("tree/values.yaml"))?.code).toBe("values/unknown-key");
    expect(run([fixtures])).toMatchObject({ stderr: "" });
    expect(run([fixtures]).stdout).not.toContain("not-values.yaml");
  });

  it("names YAML holding no Alloy in a one-line note, exit 0", () => {
    expect(run([at("not-values.yaml")])).toEqual({
      code: 0,
      stdout: "",
      stderr: `alloylint: ${at("not-values.yaml")}: holds no Alloy (no chart values, workload running Alloy, Alloy config or GitOps object for Alloy): nothing to check\n`,
    });
  });

  it("reports a values file that cannot be read as an I/O error", () => {
    const result = run(["--values", at("absent.yaml"), at("deploy/config")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("absent.yaml: no such file or directory");
  });
});

describe("alloylint on Kubernetes YAML", () => {
  it("reports a file a kustomization names whose bytes are not UTF-8 as an input error, as Alloy would refuse it", () => {
    const dir = mkdtempSync(join(tmpdir(), "alloylint-kustomize-latin1-"));
    writeFileSync(join(dir, "alloy.yaml"), readFileSync(at("k8s/apps/alloy.yaml")));
    writeFileSync(
      join(dir, "kustomization.yaml"),
      "resources:\n  - alloy.yaml\nconfigMapGenerator:\n  - name: alloy\n    files:\n      - config.alloy\n",
    );
    writeFileSync(join(dir, "config.alloy"), Buffer.concat([Buffer.from('logging {\n  level = "info" // caf'), Buffer.from([0xe9]), Buffer.from("\n}\n")]));
    const result = run([join(dir, "kustomization.yaml")]);
    expect(result.stderr).toBe(`alloylint: ${join(dir, "config.alloy")}:2:24: illegal UTF-8 encoding\n`);
    expect(result.code).toBe(2);
  });

  it("checks a folder's manifests, skipping quietly what holds no Alloy", () => {
    const result = run([at("k8s/apps")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    expect(result.stdout).not.toContain("nginx");
    expect(result.stdout).toContain(`Error: ${at("k8s/apps/alloy.yaml")}:37:25: Alloy runs /etc/alloy/config.river, but ConfigMap "alloy" holds "config.alloy"`);
  });

  it("follows a named kustomization's resources, and prints a diagnostic of a base checked again through an overlay once", () => {
    const named = json([at("k8s/overlay/kustomization.yaml")]);
    expect(named.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([`${at("k8s/apps/alloy.yaml")}:37:25 deploy/run-file-missing`]);
    const both = json([at("k8s")]);
    expect(both.filter((d) => d.code === "deploy/run-file-missing")).toHaveLength(1);
  });

  it("checks the config of a ConfigMap applied on its own, at its line and column in the YAML", () => {
    const result = run([at("k8s-configmap/alloy-config.yaml")]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`Error: ${at("k8s-configmap/alloy-config.yaml")}:7:5: cannot find the definition of component name "prometheus.scrapee"`);
    expect(result.stdout).toContain('7 |     prometheus.scrapee "pods" {\n  |     ^^^^^^^^^^^^^^^^^^');
  });

  it("skips the templates of a Helm chart in a folder: Go templates, not YAML until rendered", () => {
    expect(run([at("k8s/chart")])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("switches deployment rules off with --disable", () => {
    expect(run(["--disable", "deploy/run-file-missing", at("k8s/apps")])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("reports the YAML errors of a file named on the command line even when no Alloy can be read from it", () => {
    const broken = join(mkdtempSync(join(tmpdir(), "alloylint-yaml-")), "broken.yaml");
    writeFileSync(broken, "kind: [Deployment\n");
    const result = run([broken]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${broken}:2:1: `);
  });
});

describe("alloylint graph", () => {
  const example = join(relative(process.cwd(), fileURLToPath(new URL("../../../examples/", import.meta.url))), "clustered-scrape");

  it("prints the pipeline graph in every format", () => {
    const svg = run(["graph", example]);
    expect(svg.code).toBe(0);
    expect(svg.stdout).toMatch(/^<svg xmlns/);
    expect(run(["graph", "--format", "mermaid", example]).stdout).toMatch(/^flowchart LR\n/);
    expect(run(["graph", "--format", "dot", example]).stdout).toMatch(/^digraph alloy \{/);
    const graph = JSON.parse(run(["graph", "--format", "json", example]).stdout);
    expect(graph.edges.map((e: { from: string; to: string }) => `${e.from} → ${e.to}`)).toContain(
      "prometheus.scrape.pods → prometheus.remote_write.default",
    );
  });

  it("writes to a file with -o", () => {
    const out = join(mkdtempSync(join(tmpdir(), "alloylint-graph-")), "graph.dot");
    expect(run(["graph", "--format", "dot", "-o", out, example])).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(readFileSync(out, "utf8")).toMatch(/^digraph alloy \{/);
  });

  it("rejects bad usage with exit 2", () => {
    expect(run(["graph", "--format", "png", example]).code).toBe(2);
    expect(run(["graph"]).code).toBe(2);
    expect(run(["graph", "no/such/dir"]).stderr).toContain("no such file or directory");
    expect(run(["graph", "--help"]).stdout).toContain("Usage: alloylint graph");
  });
});
