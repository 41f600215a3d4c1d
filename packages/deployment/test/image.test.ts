import { describe, expect, it } from "vitest";
import { availableAlloyVersions } from "@alloy-toolkit/catalog";
import { check } from "@alloy-toolkit/checker";
import { alloyVersionOfTag, checkDeployment, type ConfigCheckContext } from "../src/index.js";
import { isAlloyImage, parseImage } from "../src/image.js";

// The newest stable release (a release candidate has no ".0" patch of its own to map from).
const newest = [...availableAlloyVersions].reverse().find((v) => !v.includes("-"))!;

describe("the image tag a deployment runs", () => {
  it("is read from any registry, with a digest or a variant suffix", () => {
    expect(parseImage("docker.io/grafana/alloy:v1.18.1@sha256:0123")).toEqual({ repository: "docker.io/grafana/alloy", tag: "v1.18.1" });
    expect(parseImage("registry.local:5000/mirror/grafana/alloy")).toEqual({ repository: "registry.local:5000/mirror/grafana/alloy", tag: undefined });
    expect(isAlloyImage("registry.local:5000/mirror/grafana/alloy:v1.18.1")).toBe(true);
    expect(isAlloyImage("grafana/alloy-operator:0.6.2")).toBe(false);
    expect(isAlloyImage("quay.io/prometheus-operator/prometheus-config-reloader:v0.91.0")).toBe(false);
  });

  it("maps to the catalog's release of the same version, else of the same minor, else to none (the checker's default)", () => {
    expect(alloyVersionOfTag(newest)).toBe(newest);
    expect(alloyVersionOfTag(`${newest}-windowsservercore-ltsc2022`)).toBe(newest);
    expect(alloyVersionOfTag(newest.replace(/\.\d+$/, ".0"))).toBe(newest);
    expect(alloyVersionOfTag("v0.40.2")).toBeUndefined();
    expect(alloyVersionOfTag("latest")).toBeUndefined();
    expect(alloyVersionOfTag(undefined)).toBeUndefined();
  });

  it("is the catalog release the config checker is asked to use, for a deployed config; a lone ConfigMap's is not deployed", () => {
    const seen: ConfigCheckContext[] = [];
    const manifest = `apiVersion: v1
kind: ConfigMap
metadata:
  name: alloy
data:
  config.alloy: |
    logging { }
  spare.alloy: |
    logging { }
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: alloy
spec:
  template:
    spec:
      containers:
        - name: alloy
          image: grafana/alloy:${newest}
          args: ["run", "/etc/alloy/config.alloy"]
          volumeMounts:
            - name: config
              mountPath: /etc/alloy
      volumes:
        - name: config
          configMap:
            items:
              - key: config.alloy
                path: config.alloy
            name: alloy
`;
    const { deployments } = checkDeployment([{ file: "alloy.yaml", text: manifest }], {
      checkConfig: (files, context) => {
        seen.push(context);
        return check(files).diagnostics;
      },
    });
    expect(deployments.map((d) => d.image)).toMatchObject([{ tag: newest, alloyVersion: newest }]);
    expect(seen).toEqual([{ alloyVersion: newest, deployed: true }, { deployed: false }]);
  });
});
