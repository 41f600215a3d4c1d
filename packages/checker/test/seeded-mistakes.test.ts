import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { getComponent } from "@alloy-toolkit/catalog";
import { endOffset, startOffset } from "@alloy-toolkit/parser";
import { expect, it } from "vitest";
import { describeShared } from "../../../test/support/shared.js";
import { analyze, check, type SemanticModel } from "../src/index.js";

/** One injected mistake: the new text, and the rule and offset range it must be reported at. */
interface Seed {
  kind: string;
  text: string;
  code: string;
  start: number;
  end?: number;
}

const OPTIONS = { stabilityLevel: "experimental" as const, communityComponents: true };

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** Mistake makers: each finds a place in a valid config and returns the seeded text, or nothing. */
const makers: Record<string, (text: string, model: SemanticModel) => Seed | undefined> = {
  "misspelt attribute"(text, model) {
    for (const s of model.symbols) {
      if (s.kind !== "component" || !s.schema) continue;
      const attribute = s.block.body.find((st) => st.kind === "Attribute");
      if (attribute?.kind !== "Attribute") continue;
      const name = attribute.name.name;
      const at = startOffset(attribute.name.range);
      return { kind: "", code: "check/unknown-attribute", text: splice(text, at, at + name.length, `${name}x`), start: at };
    }
  },
  "missing required attribute"(text, model) {
    for (const s of model.symbols) {
      if (s.kind !== "component" || !s.schema) continue;
      const required = new Set(s.schema.attributes.filter((a) => a.required && !a.requiredCondition).map((a) => a.name));
      const attribute = s.block.body.find((st) => st.kind === "Attribute" && required.has(st.name.name));
      if (!attribute) continue;
      const seeded = splice(text, startOffset(attribute.range), endOffset(attribute.range), "");
      return { kind: "", code: "check/missing-required", text: seeded, start: startOffset(s.block.range) };
    }
  },
  "wrong type"(text, model) {
    for (const s of model.symbols) {
      if (s.kind !== "component" || !s.schema) continue;
      for (const st of s.block.body) {
        if (st.kind !== "Attribute" || st.value.kind !== "StringLiteral") continue;
        const type = s.schema.attributes.find((a) => a.name === st.name.name)?.type;
        if (type?.kind !== "string") continue;
        const at = startOffset(st.value.range);
        return { kind: "", code: "check/value-type", text: splice(text, at, endOffset(st.value.range), "true"), start: at, end: at + 4 };
      }
    }
  },
  "dangling reference"(text, model) {
    const ref = model.references.find((r) => r.kind === "node" && r.target?.kind === "component" && r.targetParts >= 2 && !r.inForeach);
    if (!ref) return;
    const label = ref.parts[ref.targetParts - 1];
    const seeded = splice(text, startOffset(label.range), endOffset(label.range), "seeded_missing");
    return { kind: "", code: "check/unresolved-reference", text: seeded, start: startOffset(ref.range) };
  },
  "wrong export field"(text, model) {
    const ref = model.references.find(
      (r) => r.kind === "node" && r.target?.schema && r.target.kind === "component" && r.parts.length === r.targetParts + 1,
    );
    if (!ref) return;
    const field = ref.parts[ref.targetParts];
    const at = startOffset(field.range);
    return { kind: "", code: "check/unknown-export", text: splice(text, at, endOffset(field.range), `${field.name}s`), start: at };
  },
  cycle(text, model) {
    // Two components referencing each other: A already references B; make B's first string reference A.
    for (const ref of model.references) {
      const a = ref.from;
      const b = ref.target;
      if (ref.kind !== "node" || a.kind !== "component" || b?.kind !== "component" || !b.schema || ref.inForeach) continue;
      const exported = getComponent(a.name)?.exports[0];
      if (!exported) continue;
      const st = b.block.body.find((x) => x.kind === "Attribute" && x.value.kind !== "BadExpression");
      if (st?.kind !== "Attribute") continue;
      const seeded = splice(text, startOffset(st.value.range), endOffset(st.value.range), `${a.id}.${exported.name}`);
      return { kind: "", code: "check/cycle", text: seeded, start: Math.min(startOffset(a.block.range), startOffset(b.block.range)) };
    }
  },
  "clustering block in an unsupported component"(text, model) {
    const s = model.symbols.find((x) => x.kind === "component" && x.schema && !getComponent(x.name)?.clustering);
    if (!s) return;
    const at = startOffset(s.block.openBrace) + 1;
    const insert = "\n  clustering { enabled = true }";
    return { kind: "", code: "cluster/block-unsupported", text: splice(text, at, at, insert), start: at + 3, end: at + insert.length };
  },
  "wrong receiver kind"(text, model) {
    const ref = model.references.find(
      (r) => r.attributePath.join(".") === "forward_to" && r.kind === "node" && /\.receiver$/.test(r.parts.map((p) => p.name).join(".")),
    );
    if (!ref) return;
    const type = model.referenceType(ref);
    if (type?.kind !== "capsule") return;
    const isLogs = type.name === "LogsReceiver";
    const wrong = isLogs ? "prometheus.remote_write.seeded_wrong.receiver" : "loki.write.seeded_wrong.receiver";
    const extra = isLogs
      ? '\nprometheus.remote_write "seeded_wrong" {\n  endpoint {\n    url = "http://mimir"\n  }\n}\n'
      : '\nloki.write "seeded_wrong" {\n  endpoint {\n    url = "http://loki"\n  }\n}\n';
    const at = startOffset(ref.range);
    return { kind: "", code: "check/reference-type", text: splice(text, at, endOffset(ref.range), wrong) + extra, start: at, end: at + wrong.length };
  },
};

describeShared("corpus/alloy-repo", "seeded mistakes in valid configs", (dir) => {
  const valid: { file: string; text: string }[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".alloy")).sort()) {
    const text = readFileSync(join(dir, file), "utf8");
    const { diagnostics, model } = check([{ filename: file, text }], OPTIONS);
    if (!model.hasSyntaxErrors && !diagnostics.some((d) => d.severity === "error")) valid.push({ file, text });
  }

  const PER_KIND = 8;
  const seeds: (Seed & { file: string })[] = [];
  for (const [kind, make] of Object.entries(makers)) {
    let made = 0;
    for (const { file, text } of valid) {
      if (made === PER_KIND) break;
      const seed = make(text, analyze([{ filename: file, text }], OPTIONS));
      if (!seed) continue;
      seeds.push({ ...seed, kind, file });
      made++;
    }
  }

  it("uses 50+ valid configs and eight kinds of mistakes", () => {
    expect(Object.keys(makers).filter((k) => !seeds.some((s) => s.kind === k))).toEqual([]);
    expect(valid.length).toBeGreaterThanOrEqual(50);
    expect(new Set(seeds.map((s) => s.kind)).size).toBe(8);
    expect(seeds.length).toBeGreaterThanOrEqual(50);
  });

  for (const seed of seeds) {
    it(`${seed.kind}: ${seed.file}`, () => {
      const { diagnostics } = check([{ filename: seed.file, text: seed.text }], OPTIONS);
      const found = diagnostics.find((d) => d.code === seed.code && d.range.start.offset === seed.start);
      expect(found, JSON.stringify(diagnostics.map((d) => [d.code, d.range.start.offset, d.message]))).toBeDefined();
      if (seed.end !== undefined) expect(found!.range.end.offset).toBe(seed.end);
    });
  }
});
