import { describe, expect, it } from "vitest";
import { parseTypeExpression, typeToString, type AlloyType } from "../src/index.js";

function parsed(text: string, options?: Parameters<typeof parseTypeExpression>[1]): AlloyType {
  const result = parseTypeExpression(text, options);
  if (!result.ok) throw new Error(result.message);
  return result.type;
}

describe("parseTypeExpression normalises the docs' spellings", () => {
  it.each([
    ["`string`", "string"],
    ["`boolean`", "bool"],
    ["`int`", "number"],
    ["`uint`", "number"],
    ["`float64`", "number"],
    ["`Duration`", "duration"],
    ["`[]string`", "list(string)"],
    ["`array(string)`", "list(string)"],
    ["`map(list(secret))`", "map(list(secret))"],
    ["`map[string]string`", "map(string)"],
    ["`string` or `secret`", "string or secret"],
    ["`list(MetricsReceiver)`", "list(capsule(MetricsReceiver))"],
    ["`loki.LogsReceiver`", "capsule(LogsReceiver)"],
    ["`capsule(otelcol.Handler)`", "capsule(otelcol.Handler)"],
    ["`list(otelcol.Consumer)`", "list(capsule(otelcol.Consumer))"],
    ["`[]discovery.Target`", "list(map(string))"],
    ["`list(map(string))`", "list(map(string))"],
    ["`units.Base2Bytes`", "string"],
    ["`RelabelRules`", "capsule(RelabelRules)"],
    ["`list(object)`", "list(object)"],
  ])("%s → %s", (text, expected) => {
    expect(typeToString(parsed(text))).toBe(expected);
  });

  it("tells receivers apart by signal", () => {
    expect(parsed("MetricsReceiver")).toEqual({ kind: "capsule", name: "MetricsReceiver", signals: ["metrics"] });
    expect(parsed("LogsReceiver")).toEqual({ kind: "capsule", name: "LogsReceiver", signals: ["logs"] });
    expect(parsed("ProfilesReceiver")).toEqual({ kind: "capsule", name: "ProfilesReceiver", signals: ["profiles"] });
  });

  it("reads a bare `receiver` with the page's signal, and refuses to guess without one", () => {
    expect(typeToString(parsed("`list(receiver)`", { receiverSignal: "logs" }))).toBe("list(capsule(LogsReceiver))");
    expect(typeToString(parsed("`receiver`", { receiverSignal: "profiles" }))).toBe("capsule(ProfilesReceiver)");
    expect(parseTypeExpression("`receiver`").ok).toBe(false);
  });

  it("reports unknown names and broken syntax instead of guessing", () => {
    expect(parseTypeExpression("`metric`")).toEqual({ ok: false, message: 'unknown type "metric"' });
    expect(parseTypeExpression("`lists(map(string)`").ok).toBe(false);
    expect(parseTypeExpression("").ok).toBe(false);
  });

  it("round-trips through typeToString", () => {
    for (const text of ["list(map(string))", "map(list(secret))", "string or secret", "capsule(otelcol.Consumer)", "any", "object"]) {
      expect(typeToString(parsed(text))).toBe(text);
    }
  });
});
