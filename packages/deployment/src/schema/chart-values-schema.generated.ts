// Generated from the grafana/alloy Helm chart 1.10.1 (values.yaml, README.md) by packages/deployment/src/schema/generate-values-schema.ts — do not edit.
// Regenerate: npx tsc -b packages/deployment && node packages/deployment/dist/schema/generate-cli.js
import { resolveAliases, type ValuesSchema } from "./values-schema.js";

export const chartValuesSchema: ValuesSchema = resolveAliases({
  "$comment": "Generated from the grafana/alloy Helm chart 1.10.1 (values.yaml, README.md) by packages/deployment/src/schema/generate-values-schema.ts — do not edit.",
  "chart": {
    "name": "alloy",
    "version": "1.10.1",
    "appVersion": "v1.17.1"
  },
  "root": {
    "type": "object",
    "children": {
      "agent": {
        "type": "object",
        "description": "Deprecated alias of \"alloy\" kept from the grafana-agent chart.",
        "deprecated": {
          "replacement": "alloy",
          "reason": "naming this field \"agent\" is deprecated"
        },
        "aliasOf": "alloy"
      },
      "alloy": {
        "type": "object",
        "children": {
          "clustering": {
            "type": "object",
            "children": {
              "enabled": {
                "type": "bool",
                "description": "Deploy Alloy in a cluster to allow for load distribution.",
                "default": "false"
              },
              "name": {
                "type": "string",
                "description": "Name for the Alloy cluster. Used for differentiating between clusters.",
                "default": "\"\""
              },
              "portName": {
                "type": "string",
                "description": "Name for the port used for clustering, useful if running inside an Istio Mesh",
                "default": "\"http\""
              }
            }
          },
          "command": {
            "type": "list",
            "description": "Override the entrypoint command for the Alloy container. When set, this replaces the image's default entrypoint (the chart-provided `args` are still passed). Useful on Windows where the binary lives at a different path, for example `[\"C:\\\\Program Files\\\\GrafanaLabs\\\\Alloy\\\\alloy.exe\"]`. Leave empty to use the image's default entrypoint.",
            "default": "[]"
          },
          "configMap": {
            "type": "object",
            "children": {
              "content": {
                "type": "string",
                "description": "Content to assign to the new ConfigMap.  This is passed into `tpl` allowing for templating from values.",
                "default": "\"\""
              },
              "create": {
                "type": "bool",
                "description": "Create a new ConfigMap for the config file.",
                "default": "true"
              },
              "key": {
                "type": "any",
                "description": "Key in ConfigMap to get config from.",
                "default": "nil"
              },
              "name": {
                "type": "any",
                "description": "Name of existing ConfigMap to use. Used when create is false.",
                "default": "nil"
              }
            }
          },
          "enableHttpServerPort": {
            "type": "bool",
            "description": "Enables Grafana Alloy container's http server port.",
            "default": "true"
          },
          "enableReporting": {
            "type": "bool",
            "description": "Enables sending Grafana Labs anonymous usage stats to help improve Grafana Alloy.",
            "default": "true"
          },
          "envFrom": {
            "type": "list",
            "description": "Maps all the keys on a ConfigMap or Secret as environment variables. https://kubernetes.io/docs/reference/generated/kubernetes-api/v1.24/#envfromsource-v1-core",
            "default": "[]"
          },
          "extraArgs": {
            "type": "list",
            "description": "Extra args to pass to `alloy run`: https://grafana.com/docs/alloy/latest/reference/cli/run/",
            "default": "[]"
          },
          "extraEnv": {
            "type": "list",
            "description": "Extra environment variables to pass to the Alloy container.",
            "default": "[]"
          },
          "extraPorts": {
            "type": "list",
            "description": "Extra ports to expose on the Alloy container. If `service.type` is `NodePort`, each item may set `nodePort` to choose the Service NodePort for that port.",
            "default": "[]"
          },
          "hostAliases": {
            "type": "list",
            "description": "Host aliases to add to the Alloy container.",
            "default": "[]"
          },
          "initialDelaySeconds": {
            "type": "int",
            "description": "Initial delay for readiness probe.",
            "default": "10"
          },
          "lifecycle": {
            "type": "object",
            "description": "Set lifecycle hooks for the Grafana Alloy container.",
            "default": "{}",
            "open": true
          },
          "listenAddr": {
            "type": "string",
            "description": "Address to listen for traffic on. 0.0.0.0 exposes the UI to other containers.",
            "default": "\"0.0.0.0\""
          },
          "listenPort": {
            "type": "int",
            "description": "Port to listen for traffic on.",
            "default": "12345"
          },
          "listenScheme": {
            "type": "string",
            "description": "Scheme is needed for readiness probes. If enabling tls in your configs, set to \"HTTPS\"",
            "default": "\"HTTP\""
          },
          "livenessProbe": {
            "type": "object",
            "description": "Set livenessProbe for the Grafana Alloy container.",
            "default": "{}",
            "open": true
          },
          "mounts": {
            "type": "object",
            "children": {
              "dockercontainers": {
                "type": "bool",
                "description": "Mount /var/lib/docker/containers from the host into the container for log collection.",
                "default": "false"
              },
              "extra": {
                "type": "list",
                "description": "Extra volume mounts to add into the Grafana Alloy container. Does not affect the watch container.",
                "default": "[]"
              },
              "varlog": {
                "type": "bool",
                "description": "Mount /var/log from the host into the container for log collection.",
                "default": "false"
              }
            }
          },
          "resources": {
            "type": "object",
            "description": "Resource requests and limits to apply to the Grafana Alloy container.",
            "default": "{}",
            "open": true
          },
          "securityContext": {
            "type": "object",
            "description": "Security context to apply to the Grafana Alloy container.",
            "default": "{}",
            "open": true
          },
          "stabilityLevel": {
            "type": "string",
            "description": "Minimum stability level of components and behavior to enable. Must be one of \"experimental\", \"public-preview\", or \"generally-available\".",
            "default": "\"generally-available\"",
            "enum": [
              "experimental",
              "public-preview",
              "generally-available"
            ]
          },
          "storagePath": {
            "type": "string",
            "description": "Path to where Grafana Alloy stores data (for example, the Write-Ahead Log). By default, data is lost between reboots.",
            "default": "\"/tmp/alloy\""
          },
          "timeoutSeconds": {
            "type": "int",
            "description": "Timeout for readiness probe.",
            "default": "1"
          },
          "uiPathPrefix": {
            "type": "string",
            "description": "Base path where the UI is exposed.",
            "default": "\"/\""
          }
        }
      },
      "configReloader": {
        "type": "object",
        "children": {
          "customArgs": {
            "type": "list",
            "description": "Override the args passed to the container.",
            "default": "[]"
          },
          "enabled": {
            "type": "bool",
            "description": "Enables automatically reloading when the Alloy config changes.",
            "default": "true"
          },
          "image": {
            "type": "object",
            "children": {
              "digest": {
                "type": "string",
                "description": "SHA256 digest of image to use for config reloading (either in format \"sha256:XYZ\" or \"XYZ\"). When set, will override `configReloader.image.tag`",
                "default": "\"\""
              },
              "pullPolicy": {
                "type": "string",
                "description": "Config reloader image pull policy.",
                "default": "\"IfNotPresent\""
              },
              "registry": {
                "type": "string",
                "description": "Config reloader image registry (defaults to docker.io)",
                "default": "\"quay.io\""
              },
              "repository": {
                "type": "string",
                "description": "Repository to get config reloader image from.",
                "default": "\"prometheus-operator/prometheus-config-reloader\""
              },
              "tag": {
                "type": "string",
                "description": "Tag of image to use for config reloading.",
                "default": "\"v0.91.0@sha256:7d9e4eea5f1139e602508871f422b0116c60e87c662f3dcd234d5ab60cd0d8c1\""
              }
            }
          },
          "resources": {
            "type": "object",
            "description": "Resource requests and limits to apply to the config reloader container.",
            "default": "{\"requests\":{\"cpu\":\"10m\",\"memory\":\"50Mi\"}}",
            "open": true
          },
          "securityContext": {
            "type": "object",
            "description": "Security context to apply to the Grafana configReloader container.",
            "default": "{}",
            "open": true
          }
        }
      },
      "controller": {
        "type": "object",
        "children": {
          "affinity": {
            "type": "object",
            "description": "Affinity configuration for pods.",
            "default": "{}",
            "open": true
          },
          "autoscaling": {
            "type": "object",
            "children": {
              "enabled": {
                "type": "bool",
                "description": "Creates a HorizontalPodAutoscaler for controller type deployment. Deprecated: Please use controller.autoscaling.horizontal instead",
                "default": "false",
                "deprecated": {
                  "replacement": "controller.autoscaling.horizontal.enabled",
                  "reason": "deprecated by the chart"
                }
              },
              "horizontal": {
                "type": "object",
                "description": "Configures the Horizontal Pod Autoscaler for the controller.",
                "default": "{\"enabled\":false,\"externalHPA\":false,\"maxReplicas\":5,\"minReplicas\":1,\"scaleDown\":{\"policies\":[],\"selectPolicy\":\"Max\",\"stabilizationWindowSeconds\":300},\"scaleUp\":{\"policies\":[],\"selectPolicy\":\"Max\",\"stabilizationWindowSeconds\":0},\"targetCPUUtilizationPercentage\":0,\"targetMemoryUtilizationPercentage\":80}",
                "children": {
                  "enabled": {
                    "type": "bool",
                    "description": "Enables the Horizontal Pod Autoscaler for the controller.",
                    "default": "false"
                  },
                  "externalHPA": {
                    "type": "bool",
                    "description": "When true, the chart omits `spec.replicas` from the workload AND does NOT render its own HorizontalPodAutoscaler. Use this when an external controller (e.g. KEDA, a hand-written HPA, or another scaler) owns replicas for the Alloy workload. Mutually exclusive with `horizontal.enabled`. When set, all other `controller.autoscaling.horizontal.*` fields are ignored.  Upgrade note: switching this from `false` to `true` on an existing release triggers a one-time single-cycle dip to 1 replica on the next `helm upgrade` (Helm removes the `replicas` field via `{\"spec\":{\"replicas\":null}}`, which Kubernetes interprets as \"reset to default\"). The external HPA corrects this within its next polling interval; users with `minReplicaCount > 1` are restored within ~30s under KEDA defaults. Plan upgrades accordingly.",
                    "default": "false"
                  },
                  "maxReplicas": {
                    "type": "int",
                    "description": "The upper limit for the number of replicas to which the autoscaler can scale up.",
                    "default": "5"
                  },
                  "minReplicas": {
                    "type": "int",
                    "description": "The lower limit for the number of replicas to which the autoscaler can scale down.",
                    "default": "1"
                  },
                  "scaleDown": {
                    "type": "object",
                    "children": {
                      "policies": {
                        "type": "list",
                        "description": "List of policies to determine the scale-down behavior.",
                        "default": "[]"
                      },
                      "selectPolicy": {
                        "type": "string",
                        "description": "Determines which of the provided scaling-down policies to apply if multiple are specified.",
                        "default": "\"Max\""
                      },
                      "stabilizationWindowSeconds": {
                        "type": "int",
                        "description": "The duration that the autoscaling mechanism should look back on to make decisions about scaling down.",
                        "default": "300"
                      }
                    }
                  },
                  "scaleUp": {
                    "type": "object",
                    "children": {
                      "policies": {
                        "type": "list",
                        "description": "List of policies to determine the scale-up behavior.",
                        "default": "[]"
                      },
                      "selectPolicy": {
                        "type": "string",
                        "description": "Determines which of the provided scaling-up policies to apply if multiple are specified.",
                        "default": "\"Max\""
                      },
                      "stabilizationWindowSeconds": {
                        "type": "int",
                        "description": "The duration that the autoscaling mechanism should look back on to make decisions about scaling up.",
                        "default": "0"
                      }
                    }
                  },
                  "targetCPUUtilizationPercentage": {
                    "type": "int",
                    "description": "Average CPU utilization across all relevant pods, a percentage of the requested value of the resource for the pods. Setting `targetCPUUtilizationPercentage` to 0 will disable CPU scaling.",
                    "default": "0"
                  },
                  "targetMemoryUtilizationPercentage": {
                    "type": "int",
                    "description": "Average Memory utilization across all relevant pods, a percentage of the requested value of the resource for the pods. Setting `targetMemoryUtilizationPercentage` to 0 will disable Memory scaling.",
                    "default": "80"
                  }
                }
              },
              "maxReplicas": {
                "type": "int",
                "description": "The upper limit for the number of replicas to which the autoscaler can scale up.",
                "default": "5",
                "deprecated": {
                  "replacement": "controller.autoscaling.horizontal.maxReplicas",
                  "reason": "the legacy autoscaling settings are deprecated"
                }
              },
              "minReplicas": {
                "type": "int",
                "description": "The lower limit for the number of replicas to which the autoscaler can scale down.",
                "default": "1",
                "deprecated": {
                  "replacement": "controller.autoscaling.horizontal.minReplicas",
                  "reason": "the legacy autoscaling settings are deprecated"
                }
              },
              "scaleDown": {
                "type": "object",
                "deprecated": {
                  "replacement": "controller.autoscaling.horizontal.scaleDown",
                  "reason": "the legacy autoscaling settings are deprecated"
                },
                "children": {
                  "policies": {
                    "type": "list",
                    "description": "List of policies to determine the scale-down behavior.",
                    "default": "[]"
                  },
                  "selectPolicy": {
                    "type": "string",
                    "description": "Determines which of the provided scaling-down policies to apply if multiple are specified.",
                    "default": "\"Max\""
                  },
                  "stabilizationWindowSeconds": {
                    "type": "int",
                    "description": "The duration that the autoscaling mechanism should look back on to make decisions about scaling down.",
                    "default": "300"
                  }
                }
              },
              "scaleUp": {
                "type": "object",
                "deprecated": {
                  "replacement": "controller.autoscaling.horizontal.scaleUp",
                  "reason": "the legacy autoscaling settings are deprecated"
                },
                "children": {
                  "policies": {
                    "type": "list",
                    "description": "List of policies to determine the scale-up behavior.",
                    "default": "[]"
                  },
                  "selectPolicy": {
                    "type": "string",
                    "description": "Determines which of the provided scaling-up policies to apply if multiple are specified.",
                    "default": "\"Max\""
                  },
                  "stabilizationWindowSeconds": {
                    "type": "int",
                    "description": "The duration that the autoscaling mechanism should look back on to make decisions about scaling up.",
                    "default": "0"
                  }
                }
              },
              "targetCPUUtilizationPercentage": {
                "type": "int",
                "description": "Average CPU utilization across all relevant pods, a percentage of the requested value of the resource for the pods. Setting `targetCPUUtilizationPercentage` to 0 will disable CPU scaling.",
                "default": "0",
                "deprecated": {
                  "replacement": "controller.autoscaling.horizontal.targetCPUUtilizationPercentage",
                  "reason": "the legacy autoscaling settings are deprecated"
                }
              },
              "targetMemoryUtilizationPercentage": {
                "type": "int",
                "description": "Average Memory utilization across all relevant pods, a percentage of the requested value of the resource for the pods. Setting `targetMemoryUtilizationPercentage` to 0 will disable Memory scaling.",
                "default": "80",
                "deprecated": {
                  "replacement": "controller.autoscaling.horizontal.targetMemoryUtilizationPercentage",
                  "reason": "the legacy autoscaling settings are deprecated"
                }
              },
              "vertical": {
                "type": "object",
                "description": "Configures the Vertical Pod Autoscaler for the controller.",
                "default": "{\"enabled\":false,\"recommenders\":[],\"resourcePolicy\":{\"containerPolicies\":[{\"containerName\":\"alloy\",\"controlledResources\":[\"cpu\",\"memory\"],\"controlledValues\":\"RequestsAndLimits\",\"maxAllowed\":{},\"minAllowed\":{}}]},\"updatePolicy\":null}",
                "children": {
                  "enabled": {
                    "type": "bool",
                    "description": "Enables the Vertical Pod Autoscaler for the controller.",
                    "default": "false"
                  },
                  "recommenders": {
                    "type": "list",
                    "description": "List of recommenders to use for the Vertical Pod Autoscaler. Recommenders are responsible for generating recommendation for the object. List should be empty (then the default recommender will generate the recommendation) or contain exactly one recommender.",
                    "default": "[]"
                  },
                  "resourcePolicy": {
                    "type": "object",
                    "description": "Configures the resource policy for the Vertical Pod Autoscaler.",
                    "default": "{\"containerPolicies\":[{\"containerName\":\"alloy\",\"controlledResources\":[\"cpu\",\"memory\"],\"controlledValues\":\"RequestsAndLimits\",\"maxAllowed\":{},\"minAllowed\":{}}]}",
                    "children": {
                      "containerPolicies": {
                        "type": "list",
                        "description": "Configures the container policies for the Vertical Pod Autoscaler.",
                        "default": "[{\"containerName\":\"alloy\",\"controlledResources\":[\"cpu\",\"memory\"],\"controlledValues\":\"RequestsAndLimits\",\"maxAllowed\":{},\"minAllowed\":{}}]"
                      }
                    }
                  },
                  "updatePolicy": {
                    "type": "object",
                    "description": "Configures the update policy for the Vertical Pod Autoscaler.",
                    "default": "nil",
                    "open": true
                  }
                }
              }
            }
          },
          "dnsPolicy": {
            "type": "string",
            "description": "Configures the DNS policy for the pod. https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy",
            "default": "\"ClusterFirst\""
          },
          "enableStatefulSetAutoDeletePVC": {
            "type": "bool",
            "description": "Whether to enable automatic deletion of stale PVCs due to a scale down operation, when controller.type is 'statefulset'.",
            "default": "false"
          },
          "extraAnnotations": {
            "type": "object",
            "description": "Annotations to add to controller.",
            "default": "{}",
            "open": true
          },
          "extraContainers": {
            "type": "list",
            "description": "Additional containers to run alongside the Alloy container and initContainers.",
            "default": "[]"
          },
          "extraLabels": {
            "type": "object",
            "description": "Extra labels to add to the controller.",
            "default": "{}",
            "open": true
          },
          "hostNetwork": {
            "type": "bool",
            "description": "Configures Pods to use the host network. When set to true, the ports that will be used must be specified.",
            "default": "false"
          },
          "hostPID": {
            "type": "bool",
            "description": "Configures Pods to use the host PID namespace.",
            "default": "false"
          },
          "initContainers": {
            "type": "list",
            "default": "[]"
          },
          "minReadySeconds": {
            "type": "int",
            "description": "How many additional seconds to wait before considering a pod ready.",
            "default": "10"
          },
          "nodeSelector": {
            "type": "object",
            "description": "nodeSelector to apply to Grafana Alloy pods.",
            "default": "{}",
            "open": true
          },
          "parallelRollout": {
            "type": "bool",
            "description": "Whether to deploy pods in parallel. Only used when controller.type is 'statefulset'.",
            "default": "true"
          },
          "podAnnotations": {
            "type": "object",
            "description": "Extra pod annotations to add.",
            "default": "{}",
            "open": true
          },
          "podDisruptionBudget": {
            "type": "object",
            "description": "PodDisruptionBudget configuration.",
            "default": "{\"enabled\":false,\"maxUnavailable\":null,\"minAvailable\":null}",
            "children": {
              "enabled": {
                "type": "bool",
                "description": "Whether to create a PodDisruptionBudget for the controller.",
                "default": "false"
              },
              "maxUnavailable": {
                "type": "any",
                "description": "Maximum number of pods that can be unavailable during a disruption. Note: Only one of minAvailable or maxUnavailable should be set.",
                "default": "nil"
              },
              "minAvailable": {
                "type": "any",
                "description": "Minimum number of pods that must be available during a disruption. Note: Only one of minAvailable or maxUnavailable should be set.",
                "default": "nil"
              }
            }
          },
          "podLabels": {
            "type": "object",
            "description": "Extra pod labels to add.",
            "default": "{}",
            "open": true
          },
          "priorityClassName": {
            "type": "string",
            "description": "priorityClassName to apply to Grafana Alloy pods.",
            "default": "\"\""
          },
          "replicas": {
            "type": "int",
            "description": "Number of pods to deploy. Ignored when controller.type is 'daemonset'.",
            "default": "1"
          },
          "revisionHistoryLimit": {
            "type": "int",
            "description": "The maximum number of revisions that will be maintained in the Controllers's revision history. The history consists of all revisions not represented by a currently applied reversion.",
            "default": "10"
          },
          "terminationGracePeriodSeconds": {
            "type": "any",
            "description": "Termination grace period in seconds for the Grafana Alloy pods. The default value used by Kubernetes if unspecifed is 30 seconds.",
            "default": "nil"
          },
          "tolerations": {
            "type": "list",
            "description": "Tolerations to apply to Grafana Alloy pods.",
            "default": "[]"
          },
          "topologySpreadConstraints": {
            "type": "list",
            "description": "Topology Spread Constraints to apply to Grafana Alloy pods.",
            "default": "[]"
          },
          "type": {
            "type": "string",
            "description": "Type of controller to use for deploying Grafana Alloy in the cluster. Must be one of 'daemonset', 'deployment', or 'statefulset'.",
            "default": "\"daemonset\"",
            "enum": [
              "daemonset",
              "deployment",
              "statefulset"
            ]
          },
          "updateStrategy": {
            "type": "object",
            "description": "Update strategy for updating deployed Pods.",
            "default": "{}",
            "open": true
          },
          "volumeClaimTemplates": {
            "type": "list",
            "description": "volumeClaimTemplates to add when controller.type is 'statefulset'.",
            "default": "[]"
          },
          "volumes": {
            "type": "object",
            "children": {
              "extra": {
                "type": "list",
                "description": "Extra volumes to add to the Grafana Alloy pod.",
                "default": "[]"
              }
            }
          }
        }
      },
      "crds": {
        "type": "object",
        "children": {
          "create": {
            "type": "bool",
            "description": "Whether to install CRDs for monitoring.",
            "default": "true"
          }
        }
      },
      "extraObjects": {
        "type": "list",
        "description": "Extra k8s manifests to deploy",
        "default": "[]"
      },
      "fullnameOverride": {
        "type": "any",
        "description": "Overrides the chart's computed fullname. Used to change the full prefix of resource names.",
        "default": "nil"
      },
      "global": {
        "type": "object",
        "children": {
          "image": {
            "type": "object",
            "children": {
              "pullPolicy": {
                "type": "string",
                "description": "Global image pull policy to apply to all containers. Overrides `image.pullPolicy` and `configReloader.image.pullPolicy`.",
                "default": "\"\""
              },
              "pullSecrets": {
                "type": "list",
                "description": "Optional set of global image pull secrets.",
                "default": "[]"
              },
              "registry": {
                "type": "string",
                "description": "Global image registry to use if it needs to be overridden for some specific use cases (e.g local registries, custom images, ...)",
                "default": "\"\""
              }
            }
          },
          "podSecurityContext": {
            "type": "object",
            "description": "Security context to apply to the Grafana Alloy pod.",
            "default": "{}",
            "open": true
          }
        }
      },
      "image": {
        "type": "object",
        "children": {
          "digest": {
            "type": "any",
            "description": "Grafana Alloy image's SHA256 digest (either in format \"sha256:XYZ\" or \"XYZ\"). When set, will override `image.tag`.",
            "default": "nil"
          },
          "pullPolicy": {
            "type": "string",
            "description": "Grafana Alloy image pull policy.",
            "default": "\"IfNotPresent\""
          },
          "pullSecrets": {
            "type": "list",
            "description": "Optional set of image pull secrets.",
            "default": "[]"
          },
          "registry": {
            "type": "string",
            "description": "Grafana Alloy image registry (defaults to docker.io)",
            "default": "\"docker.io\""
          },
          "repository": {
            "type": "string",
            "description": "Grafana Alloy image repository.",
            "default": "\"grafana/alloy\""
          },
          "tag": {
            "type": "any",
            "description": "Grafana Alloy image tag. When empty, the Chart's appVersion is used.",
            "default": "nil"
          }
        }
      },
      "ingress": {
        "type": "object",
        "children": {
          "annotations": {
            "type": "object",
            "default": "{}",
            "open": true
          },
          "enabled": {
            "type": "bool",
            "description": "Enables ingress for Alloy (Faro port)",
            "default": "false"
          },
          "extraPaths": {
            "type": "list",
            "default": "[]"
          },
          "faroPort": {
            "type": "int",
            "default": "12347"
          },
          "hosts": {
            "type": "list"
          },
          "ingressClassName": {
            "type": "string",
            "description": "IngressClass of the ingress (Kubernetes >= 1.18)."
          },
          "labels": {
            "type": "object",
            "default": "{}",
            "open": true
          },
          "path": {
            "type": "string",
            "default": "\"/\""
          },
          "pathType": {
            "type": "string",
            "default": "\"Prefix\""
          },
          "tls": {
            "type": "list",
            "default": "[]"
          }
        }
      },
      "nameOverride": {
        "type": "any",
        "description": "Overrides the chart's name. Used to change the infix in the resource names.",
        "default": "nil"
      },
      "namespaceOverride": {
        "type": "any",
        "description": "Overrides the chart's namespace.",
        "default": "nil"
      },
      "networkPolicy": {
        "type": "object",
        "children": {
          "egress": {
            "type": "list"
          },
          "enabled": {
            "type": "bool",
            "default": "false"
          },
          "flavor": {
            "type": "string",
            "default": "\"kubernetes\""
          },
          "ingress": {
            "type": "list"
          },
          "policyTypes": {
            "type": "list"
          }
        }
      },
      "rbac": {
        "type": "object",
        "children": {
          "clusterRules": {
            "type": "list",
            "description": "The rules to create for the ClusterRole objects.",
            "default": "[{\"apiGroups\":[\"\"],\"resources\":[\"nodes\"],\"verbs\":[\"get\",\"list\",\"watch\"]},{\"apiGroups\":[\"\"],\"resources\":[\"nodes/pods\"],\"verbs\":[\"get\",\"list\",\"watch\"]},{\"apiGroups\":[\"\"],\"resources\":[\"nodes/metrics\"],\"verbs\":[\"get\",\"list\",\"watch\"]},{\"nonResourceURLs\":[\"/metrics\"],\"verbs\":[\"get\"]}]"
          },
          "create": {
            "type": "bool",
            "description": "Whether to create RBAC resources for Alloy.",
            "default": "true"
          },
          "namespaces": {
            "type": "list",
            "description": "If set, only create Roles and RoleBindings in the given list of namespaces, rather than ClusterRoles and ClusterRoleBindings. If not using ClusterRoles, bear in mind that Alloy will not be able to discover cluster-scoped resources such as Nodes.",
            "default": "[]"
          },
          "rules": {
            "type": "list",
            "description": "The rules to create for the ClusterRole or Role objects.",
            "default": "[{\"apiGroups\":[\"\",\"discovery.k8s.io\",\"networking.k8s.io\"],\"resources\":[\"endpoints\",\"endpointslices\",\"ingresses\",\"pods\",\"services\"],\"verbs\":[\"get\",\"list\",\"watch\"]},{\"apiGroups\":[\"\"],\"resources\":[\"pods\",\"pods/log\",\"namespaces\"],\"verbs\":[\"get\",\"list\",\"watch\"]},{\"apiGroups\":[\"monitoring.grafana.com\"],\"resources\":[\"podlogs\"],\"verbs\":[\"get\",\"list\",\"watch\"]},{\"apiGroups\":[\"monitoring.coreos.com\"],\"resources\":[\"prometheusrules\"],\"verbs\":[\"get\",\"list\",\"watch\"]},{\"apiGroups\":[\"monitoring.coreos.com\"],\"resources\":[\"alertmanagerconfigs\"],\"verbs\":[\"get\",\"list\",\"watch\"]},{\"apiGroups\":[\"monitoring.coreos.com\"],\"resources\":[\"podmonitors\",\"servicemonitors\",\"probes\",\"scrapeconfigs\"],\"verbs\":[\"get\",\"list\",\"watch\"]},{\"apiGroups\":[\"\"],\"resources\":[\"events\"],\"verbs\":[\"get\",\"list\",\"watch\"]},{\"apiGroups\":[\"\"],\"resources\":[\"configmaps\",\"secrets\"],\"verbs\":[\"get\",\"list\",\"watch\"]},{\"apiGroups\":[\"apps\",\"extensions\"],\"resources\":[\"replicasets\"],\"verbs\":[\"get\",\"list\",\"watch\"]}]"
          }
        }
      },
      "service": {
        "type": "object",
        "children": {
          "annotations": {
            "type": "object",
            "default": "{}",
            "open": true
          },
          "clusterIP": {
            "type": "string",
            "description": "Cluster IP, can be set to None, empty \"\" or an IP address",
            "default": "\"\""
          },
          "enabled": {
            "type": "bool",
            "description": "Creates a Service for the controller's pods.",
            "default": "true"
          },
          "externalTrafficPolicy": {
            "type": "string",
            "description": "Value for external traffic policy. 'Cluster' or 'Local'",
            "default": "\"Cluster\""
          },
          "internalTrafficPolicy": {
            "type": "string",
            "description": "Value for internal traffic policy. 'Cluster' or 'Local'",
            "default": "\"Cluster\""
          },
          "nodePort": {
            "type": "int",
            "description": "NodePort port. Only takes effect when `service.type: NodePort`",
            "default": "31128"
          },
          "type": {
            "type": "string",
            "description": "Service type",
            "default": "\"ClusterIP\""
          }
        }
      },
      "serviceAccount": {
        "type": "object",
        "children": {
          "additionalLabels": {
            "type": "object",
            "description": "Additional labels to add to the created service account.",
            "default": "{}",
            "open": true
          },
          "annotations": {
            "type": "object",
            "description": "Annotations to add to the created service account.",
            "default": "{}",
            "open": true
          },
          "automountServiceAccountToken": {
            "type": "bool",
            "default": "true"
          },
          "create": {
            "type": "bool",
            "description": "Whether to create a service account for the Grafana Alloy deployment.",
            "default": "true"
          },
          "name": {
            "type": "any",
            "description": "The name of the existing service account to use when serviceAccount.create is false.",
            "default": "nil"
          }
        }
      },
      "serviceMonitor": {
        "type": "object",
        "children": {
          "additionalLabels": {
            "type": "object",
            "description": "Additional labels for the service monitor.",
            "default": "{}",
            "open": true
          },
          "enabled": {
            "type": "bool",
            "default": "false"
          },
          "interval": {
            "type": "string",
            "description": "Scrape interval. If not set, the Prometheus default scrape interval is used.",
            "default": "\"\""
          },
          "metricRelabelings": {
            "type": "list",
            "description": "MetricRelabelConfigs to apply to samples after scraping, but before ingestion. ref: https://github.com/prometheus-operator/prometheus-operator/blob/main/Documentation/api.md#relabelconfig",
            "default": "[]"
          },
          "relabelings": {
            "type": "list",
            "description": "RelabelConfigs to apply to samples before scraping ref: https://github.com/prometheus-operator/prometheus-operator/blob/main/Documentation/api.md#relabelconfig",
            "default": "[]"
          },
          "tlsConfig": {
            "type": "object",
            "description": "Customize tls parameters for the service monitor",
            "default": "{}",
            "open": true
          }
        }
      }
    }
  }
});
