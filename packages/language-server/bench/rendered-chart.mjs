// `pnpm bench` (language server, Kubernetes YAML): a generated 5,000-line `helm template` output of the
// grafana/alloy chart (RBAC, Services, a clustered StatefulSet, the ConfigMap holding a 2,000-line config, and
// other ConfigMaps), opened from a workspace folder as an editor would, and typed in inside the config: prints
// open → first diagnostics, hover and completion inside the config while typing (p50/p95/max; target p95 ≤ 100 ms),
// and edit → diagnostics reported.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, ms, serverBin, start, stop, typeAndAsk, openAndWait, hoverAndComplete } from "./support/session.mjs";

const TARGET_LINES = 5_000;
const EDITS = Number(process.env.BENCH_EDITS ?? 150);

/** One team's pipeline in the config, indented for the ConfigMap's block scalar. */
function slice(i) {
  return `discovery.kubernetes "pods_${i}" {
  role = "pod"
  namespaces {
    names = ["team-${i}"]
  }
}

discovery.relabel "pods_${i}" {
  targets = discovery.kubernetes.pods_${i}.targets
  rule {
    source_labels = ["__meta_kubernetes_pod_label_app"]
    target_label  = "app"
  }
}

prometheus.scrape "pods_${i}" {
  targets         = discovery.relabel.pods_${i}.output
  forward_to      = [prometheus.remote_write.default.receiver]
  scrape_interval = "30s"
  clustering {
    enabled = true
  }
}
`;
}

function chart() {
  const docs = [];
  docs.push(`---
# Source: alloy/templates/serviceaccount.yaml
apiVersion: v1
kind: ServiceAccount
metadata:
  name: alloy
  namespace: monitoring`);
  docs.push(`---
# Source: alloy/templates/rbac.yaml
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: alloy
rules:
  - apiGroups: ["", "discovery.k8s.io", "networking.k8s.io"]
    resources: ["endpoints", "endpointslices", "ingresses", "nodes", "nodes/proxy", "nodes/metrics", "pods", "services"]
    verbs: ["get", "list", "watch"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: alloy
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: alloy
subjects:
  - kind: ServiceAccount
    name: alloy
    namespace: monitoring`);
  docs.push(`---
# Source: alloy/templates/service.yaml
apiVersion: v1
kind: Service
metadata:
  name: alloy-cluster
  namespace: monitoring
spec:
  clusterIP: None
  selector:
    app.kubernetes.io/name: alloy
  ports:
    - name: http
      port: 12345`);
  docs.push(`---
# Source: alloy/templates/controllers/statefulset.yaml
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: alloy
  namespace: monitoring
spec:
  replicas: 3
  serviceName: alloy-cluster
  selector:
    matchLabels:
      app.kubernetes.io/name: alloy
  template:
    metadata:
      labels:
        app.kubernetes.io/name: alloy
    spec:
      serviceAccountName: alloy
      containers:
        - name: alloy
          image: docker.io/grafana/alloy:v1.8.3
          args:
            - run
            - /etc/alloy/config.alloy
            - --storage.path=/tmp/alloy
            - --cluster.enabled=true
            - --cluster.join-addresses=alloy-cluster
          volumeMounts:
            - name: config
              mountPath: /etc/alloy
            - name: storage
              mountPath: /tmp/alloy
      volumes:
        - name: config
          configMap:
            name: alloy
  volumeClaimTemplates:
    - metadata:
        name: storage
      spec:
        accessModes: ["ReadWriteOnce"]
        resources:
          requests:
            storage: 10Gi`);
  let config = `prometheus.remote_write "default" {\n  endpoint {\n    url = "https://mimir.example.com/api/v1/push"\n  }\n}\n`;
  for (let i = 0; config.split("\n").length < TARGET_LINES * 0.4; i++) config += `\n${slice(i)}`;
  const indented = config.split("\n").map((l) => (l ? `    ${l}` : l)).join("\n");
  docs.push(`---
# Source: alloy/templates/configmap.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: alloy
  namespace: monitoring
data:
  config.alloy: |-
${indented}`);
  // Dashboards and rules rendered beside it: YAML the deployment checks read, but no Alloy.
  for (let i = 0; docs.join("\n").split("\n").length < TARGET_LINES; i++) {
    const rows = Array.from({ length: 40 }, (_, r) => `      - alert: Team${i}Rule${r}\n        expr: rate(http_requests_total{team="${i}",code=~"5.."}[5m]) > 0.${r % 10}`).join("\n");
    docs.push(`---
apiVersion: v1
kind: ConfigMap
metadata:
  name: rules-${i}
  namespace: monitoring
data:
  rules.yaml: |
    groups:
      - name: team-${i}
    rules:
${rows}`);
  }
  return `${docs.join("\n")}\n`;
}

const folder = mkdtempSync(join(tmpdir(), "alloy-bench-chart-"));
const text = chart();
const lines = text.split("\n");
const file = join(folder, "rendered.yaml");
writeFileSync(file, text);
const uri = pathToFileURL(file).toString();
const session = await start(pathToFileURL(folder).toString());
const { connection } = session;

const { first, openTime } = await openAndWait(session, uri, "yaml", text);

// Typing inside the config: an edit every 60 ms, a pause of 400 ms every fifth edit; after each edit a hover on
// a component name or a completion in a block body of the config, alternately.
const configStart = lines.findIndex((l) => l.includes("config.alloy: |"));
const configEnd = lines.findIndex((l, n) => n > configStart && l.startsWith("---"));
const editable = lines.flatMap((line, n) => (n > configStart && n < configEnd && line.includes(" = ") ? [n] : []));
const componentLines = lines.flatMap((line, n) => (n > configStart && n < configEnd && /^ {4}prometheus\.scrape "/.test(line) ? [n] : []));
const asked = hoverAndComplete(session, uri, componentLines, { hoverCharacter: 18, completionCharacter: 6 });
const { hoverTimes, completionTimes } = asked;
const { editToDiagnostics } = await typeAndAsk(session, { uri, lines, editable, edits: EDITS, ask: asked.ask });

await stop(session);
rmSync(folder, { recursive: true, force: true });
if (asked.hoversAnswered !== hoverTimes.length) throw new Error(`only ${asked.hoversAnswered} of ${hoverTimes.length} hovers inside the config were answered`);

console.log(`rendered chart: ${lines.length} lines in ${text.split("\n---").length} documents, config ${configEnd - configStart - 1} lines, ${first.diagnostics.length} diagnostics published; server ${serverBin}`);
console.log(`open → first diagnostics: ${ms(openTime)}`);
console.log(`while typing inside the config (${EDITS} edits, 60 ms apart, a 400 ms pause every fifth; default diagnosticsDelay):`);
console.log(`  hover (${hoverTimes.length}): ${describe(hoverTimes)} (target p95 ≤ 100 ms)`);
console.log(`  completion (${completionTimes.length}): ${describe(completionTimes)} (target p95 ≤ 100 ms)`);
console.log(`  edit → diagnostics reported (after the edits followed by a pause, ${editToDiagnostics.length}): ${describe(editToDiagnostics)}`);
