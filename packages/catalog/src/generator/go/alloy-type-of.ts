import type { AlloyType } from "../../types.js";
import type { GoType } from "./go-facts.js";
import { alloyModule, type GoFile, type GoPackage, type GoSourceTree } from "./source-tree.js";

/**
 * Named Go types whose Alloy type is not what their Go kind says: Alloy's capsules under the canonical
 * names the catalog uses (receivers carry their signal), secrets, and types outside the snapshot (other
 * modules) whose Alloy reading is known: Prometheus' durations, byte sizes written as strings, …
 * Keyed by `importPath.Name`; an in-tree path is relative to Alloy's module.
 */
const KNOWN_TYPES: Record<string, AlloyType> = {
  "syntax/alloytypes.Secret": { kind: "secret" },
  "syntax/alloytypes.OptionalSecret": { kind: "union", options: [{ kind: "string" }, { kind: "secret" }] },
  "internal/component/common/loki.LogsReceiver": { kind: "capsule", name: "LogsReceiver", signals: ["logs"] },
  "internal/component/pyroscope.Appendable": { kind: "capsule", name: "ProfilesReceiver", signals: ["profiles"] },
  "internal/component/otelcol.Consumer": { kind: "capsule", name: "otelcol.Consumer" },
  "internal/component/otelcol/auth.Handler": { kind: "capsule", name: "otelcol.Handler" },
  "internal/component/otelcol/auth.ExtensionHandler": { kind: "capsule", name: "otelcol.Handler" },
  "internal/component/otelcol/extension.ExtensionHandler": { kind: "capsule", name: "otelcol.Handler" },
  "internal/component/common/relabel.Rules": { kind: "capsule", name: "RelabelRules" },
  "internal/component/discovery.Target": { kind: "map", value: { kind: "string" } },
  "github.com/prometheus/prometheus/storage.Appendable": { kind: "capsule", name: "MetricsReceiver", signals: ["metrics"] },
  "time.Duration": { kind: "duration" },
  "github.com/prometheus/common/model.Duration": { kind: "duration" },
  "github.com/prometheus/common/model.LabelName": { kind: "string" },
  "github.com/prometheus/common/model.LabelValue": { kind: "string" },
  "github.com/prometheus/common/model.LabelSet": { kind: "map", value: { kind: "string" } },
  "github.com/alecthomas/units.Base2Bytes": { kind: "string" },
  "github.com/docker/go-units.Base2Bytes": { kind: "string" },
  "github.com/c2h5oh/datasize.ByteSize": { kind: "string" },
  "go.opentelemetry.io/collector/config/configopaque.String": { kind: "secret" },
  "net/url.URL": { kind: "string" },
  "net.IP": { kind: "string" },
  "time.Time": { kind: "string" },
  "regexp.Regexp": { kind: "string" },
  "encoding/json.RawMessage": { kind: "any" },
  "net/url.Values": { kind: "map", value: { kind: "list", element: { kind: "string" } } },
  "github.com/grafana/dskit/flagext.StringSlice": { kind: "list", element: { kind: "string" } },
  "github.com/grafana/dskit/flagext.StringSliceCSV": { kind: "string" },
  "github.com/open-telemetry/opentelemetry-collector-contrib/pkg/ottl.ErrorMode": { kind: "string" },
  "go.opentelemetry.io/collector/config/configcompression.Type": { kind: "string" },
  "go.opentelemetry.io/collector/config/configtelemetry.Level": { kind: "string" },
};

const NUMBER_KINDS = /^(u?int(8|16|32|64)?|float(32|64)|byte|rune|uintptr)$/;

/** A Go type written back in Go's spelling, for reports. */
export function goTypeText(type: GoType): string {
  switch (type.kind) {
    case "named":
      return type.pkg ? `${type.pkg}.${type.name}` : type.name;
    case "pointer":
      return `*${goTypeText(type.elem)}`;
    case "slice":
      return `[]${goTypeText(type.elem)}`;
    case "array":
      return `[${type.length}]${goTypeText(type.elem)}`;
    case "map":
      return `map[${goTypeText(type.key)}]${goTypeText(type.value)}`;
    case "struct":
      return "struct{…}";
    case "interface":
      return type.methods.length === 0 && type.embeds === 0 ? "any" : "interface{…}";
    case "func":
      return "func(…)";
    case "chan":
      return "chan";
    case "other":
      return type.text;
  }
}

export interface TypeContext {
  pkg: GoPackage;
  file: GoFile;
}

/** A named type that no rule above names and whose package is outside the snapshot. */
export interface UnknownTypeProblem {
  type: string;
  where: string;
}

/**
 * The Alloy type Alloy's decoder gives a Go type (`syntax/internal/value.AlloyType`): capsules (and
 * secrets) first, then types that marshal to text (strings), durations, then the Go kind: numbers,
 * strings, bools, slices and arrays (lists), `map[string]T` (maps), structs with `alloy` tags (objects;
 * without tags: capsules), interfaces (`any` when empty, else capsules).
 */
export class AlloyTypeReader {
  readonly unknown: UnknownTypeProblem[] = [];

  constructor(private readonly tree: GoSourceTree) {}

  typeOf(context: TypeContext, type: GoType, where: string, depth = 0): AlloyType {
    if (depth > 24) return { kind: "any" };
    switch (type.kind) {
      case "pointer":
        return this.typeOf(context, type.elem, where, depth + 1);
      case "slice":
      case "array":
        if (type.elem.kind === "named" && type.elem.name === "byte" && !type.elem.pkg) return { kind: "string" };
        return { kind: "list", element: this.typeOf(context, type.elem, where, depth + 1) };
      case "map": {
        const key = type.key;
        const stringKey = key.kind === "named" && this.isStringKind(context, key);
        if (!stringKey) return { kind: "capsule", name: goTypeText(type) };
        return { kind: "map", value: this.typeOf(context, type.value, where, depth + 1) };
      }
      case "struct":
        return type.fields.some((f) => f.tag !== undefined && /(^|\s)alloy:"/.test(f.tag)) ? { kind: "object" } : { kind: "capsule", name: "struct" };
      case "interface":
        return type.methods.length === 0 && type.embeds === 0 ? { kind: "any" } : { kind: "capsule", name: "interface" };
      case "func":
      case "chan":
        return { kind: "capsule", name: goTypeText(type) };
      case "other":
        return { kind: "any" };
      case "named":
        return this.namedTypeOf(context, type, where, depth);
    }
  }

  private namedTypeOf(context: TypeContext, type: Extract<GoType, { kind: "named" }>, where: string, depth: number): AlloyType {
    const resolved = this.tree.resolve(context.pkg, context.file, type);
    switch (resolved.kind) {
      case "builtin":
        if (resolved.name === "string") return { kind: "string" };
        if (resolved.name === "bool") return { kind: "bool" };
        if (resolved.name === "any") return { kind: "any" };
        if (NUMBER_KINDS.test(resolved.name)) return { kind: "number" };
        return { kind: "capsule", name: resolved.name };
      case "external": {
        const known = KNOWN_TYPES[`${resolved.importPath}.${resolved.name}`];
        if (known) return structuredClone(known);
        this.unknown.push({ type: `${resolved.importPath}.${resolved.name}`, where });
        return { kind: "capsule", name: `${resolved.importPath.split("/").pop()}.${resolved.name}` };
      }
      case "unknown":
        this.unknown.push({ type: resolved.text, where });
        return { kind: "any" };
      case "declared": {
        const key = `${resolved.pkg.importPath.slice(alloyModule.length + 1)}.${resolved.decl.name}`;
        const known = KNOWN_TYPES[key];
        if (known) return structuredClone(known);
        const methods = new Set(this.tree.methodsOf(resolved.pkg, resolved.decl.name).map((m) => m.name));
        if (methods.has("AlloyCapsule")) return { kind: "capsule", name: `${resolved.pkg.name}.${resolved.decl.name}` };
        if (methods.has("MarshalText") || methods.has("UnmarshalText")) return { kind: "string" };
        return this.typeOf({ pkg: resolved.pkg, file: resolved.file }, resolved.decl.type, where, depth + 1);
      }
    }
  }

  private isStringKind(context: TypeContext, type: Extract<GoType, { kind: "named" }>): boolean {
    const resolved = this.tree.resolve(context.pkg, context.file, type);
    if (resolved.kind === "builtin") return resolved.name === "string";
    if (resolved.kind === "external") return KNOWN_TYPES[`${resolved.importPath}.${resolved.name}`]?.kind === "string";
    if (resolved.kind !== "declared") return false;
    const underlying = resolved.decl.type;
    return underlying.kind === "named" && this.isStringKind({ pkg: resolved.pkg, file: resolved.file }, underlying);
  }
}
