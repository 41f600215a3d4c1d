/**
 * Alloy value types as a small typed grammar. The documentation spells types in many ways
 * (`boolean`, `int`, `[]string`, `string` or `secret`, `receiver`, `capsule(otelcol.Handler)`);
 * `parseTypeExpression` turns every spelling into one `AlloyType`, `typeToString` prints it back
 * in the canonical spelling (`list(map(string))`, `capsule(MetricsReceiver)`, `string or secret`).
 */
export type AlloyType =
  | { kind: "string" }
  | { kind: "number" }
  | { kind: "bool" }
  | { kind: "duration" }
  | { kind: "secret" }
  | { kind: "any" }
  | { kind: "object" }
  | { kind: "list"; element: AlloyType }
  | { kind: "map"; value: AlloyType }
  | { kind: "union"; options: AlloyType[] }
  | CapsuleType;

/** A telemetry signal carried by a capsule such as a receiver or an `otelcol.Consumer`. */
export type Signal = "metrics" | "logs" | "traces" | "profiles";

/**
 * An opaque Go value passed between components. `name` is canonical: `MetricsReceiver`,
 * `LogsReceiver`, `ProfilesReceiver`, `otelcol.Consumer`, `otelcol.Handler`, `RelabelRules`, …
 * `signals` says which telemetry it carries when the documentation tells.
 */
export interface CapsuleType {
  kind: "capsule";
  name: string;
  signals?: Signal[];
}

/** What kind of capsule a name denotes: receivers carry one signal; consumers carry the listed ones. */
const KNOWN_CAPSULES: Record<string, { name: string; signals?: Signal[] }> = {
  metricsreceiver: { name: "MetricsReceiver", signals: ["metrics"] },
  "prometheus.appendable": { name: "MetricsReceiver", signals: ["metrics"] },
  logsreceiver: { name: "LogsReceiver", signals: ["logs"] },
  "loki.logsreceiver": { name: "LogsReceiver", signals: ["logs"] },
  profilesreceiver: { name: "ProfilesReceiver", signals: ["profiles"] },
  "pyroscope.appendable": { name: "ProfilesReceiver", signals: ["profiles"] },
  "otelcol.consumer": { name: "otelcol.Consumer" },
  "otelcol.handler": { name: "otelcol.Handler" },
  "otelcol.extension": { name: "otelcol.Extension" },
  relabelrules: { name: "RelabelRules" },
};

/** Capsule names whose canonical spelling this module knows. */
export const knownCapsuleNames: readonly string[] = [...new Set(Object.values(KNOWN_CAPSULES).map((c) => c.name))].sort();

export interface ParseTypeOptions {
  /**
   * What a bare `receiver` means on this page: the docs write `receiver` for the receiver of the
   * component's own signal (`loki.relabel` → logs, `pyroscope.write` → profiles).
   */
  receiverSignal?: "metrics" | "logs" | "profiles";
}

export type TypeParseResult = { ok: true; type: AlloyType } | { ok: false; message: string };

const SCALARS: Record<string, AlloyType> = {
  string: { kind: "string" },
  str: { kind: "string" },
  "units.base2bytes": { kind: "string" },
  number: { kind: "number" },
  int: { kind: "number" },
  integer: { kind: "number" },
  uint: { kind: "number" },
  uint32: { kind: "number" },
  uint64: { kind: "number" },
  int64: { kind: "number" },
  float: { kind: "number" },
  float64: { kind: "number" },
  float32: { kind: "number" },
  size: { kind: "string" },
  bool: { kind: "bool" },
  boolean: { kind: "bool" },
  duration: { kind: "duration" },
  "time.duration": { kind: "duration" },
  secret: { kind: "secret" },
  any: { kind: "any" },
  object: { kind: "object" },
  block: { kind: "object" },
};

/**
 * Normalises one documentation spelling of a type. Markdown decoration (backticks, links, emphasis)
 * is ignored. Unknown bare names are not guessed: they fail, so the generator can report them.
 */
export function parseTypeExpression(text: string, options: ParseTypeOptions = {}): TypeParseResult {
  const cleaned = text
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*]/g, "")
    .trim()
    .replace(/^_+|_+$/g, "");
  if (cleaned === "") return { ok: false, message: "empty type" };
  try {
    const parser = new TypeTextParser(cleaned, options);
    const type = parser.parseUnion();
    parser.expectEnd();
    return { ok: true, type };
  } catch (error) {
    if (error instanceof TypeSyntaxError) return { ok: false, message: error.message };
    throw error;
  }
}

class TypeSyntaxError extends Error {}

class TypeTextParser {
  private position = 0;

  constructor(
    private readonly text: string,
    private readonly options: ParseTypeOptions,
  ) {}

  parseUnion(): AlloyType {
    const options = [this.parseSingle()];
    for (;;) {
      this.skipSpaces();
      const rest = this.text.slice(this.position);
      const separator = /^(or\b|\||,)/i.exec(rest);
      if (!separator) break;
      this.position += separator[0].length;
      options.push(this.parseSingle());
    }
    return options.length === 1 ? options[0] : { kind: "union", options };
  }

  expectEnd(): void {
    this.skipSpaces();
    if (this.position < this.text.length) {
      throw new TypeSyntaxError(`unexpected "${this.text.slice(this.position)}" in type "${this.text}"`);
    }
  }

  private parseSingle(): AlloyType {
    this.skipSpaces();
    const goMap = /^map\[\s*string\s*\]/i.exec(this.text.slice(this.position));
    if (goMap) {
      this.position += goMap[0].length;
      return { kind: "map", value: this.parseSingle() };
    }
    if (this.text.startsWith("[]", this.position)) {
      this.position += 2;
      return { kind: "list", element: this.parseSingle() };
    }
    const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(this.text.slice(this.position));
    if (!match) throw new TypeSyntaxError(`expected a type name in "${this.text}"`);
    this.position += match[0].length;
    const word = match[0];
    const lower = word.toLowerCase();
    this.skipSpaces();
    if (this.text[this.position] === "(") {
      this.position++;
      if (lower === "capsule") {
        const close = this.text.indexOf(")", this.position);
        if (close < 0) throw new TypeSyntaxError(`unclosed capsule( in "${this.text}"`);
        const inner = this.text.slice(this.position, close).trim();
        this.position = close + 1;
        return capsuleNamed(inner);
      }
      const inner = this.parseUnion();
      this.skipSpaces();
      if (this.text[this.position] !== ")") throw new TypeSyntaxError(`expected ")" in "${this.text}"`);
      this.position++;
      if (lower === "list" || lower === "array") return { kind: "list", element: inner };
      if (lower === "map") return { kind: "map", value: inner };
      if (lower === "object") return { kind: "object" };
      throw new TypeSyntaxError(`unknown type constructor "${word}" in "${this.text}"`);
    }
    const scalar = SCALARS[lower];
    if (scalar) return scalar;
    if (lower === "receiver") {
      const signal = this.options.receiverSignal;
      if (!signal) throw new TypeSyntaxError(`bare "receiver" without a known signal in "${this.text}"`);
      return capsuleNamed(`${signal[0].toUpperCase()}${signal.slice(1)}Receiver`);
    }
    if (KNOWN_CAPSULES[lower]) return capsuleNamed(word);
    if (lower === "target" || lower === "targets" || lower === "discovery.target") return { kind: "map", value: { kind: "string" } };
    throw new TypeSyntaxError(`unknown type "${word}"`);
  }

  private skipSpaces(): void {
    while (this.position < this.text.length && /\s/.test(this.text[this.position])) this.position++;
  }
}

function capsuleNamed(name: string): CapsuleType {
  const known = KNOWN_CAPSULES[name.toLowerCase()];
  if (!known) return { kind: "capsule", name };
  return known.signals ? { kind: "capsule", name: known.name, signals: [...known.signals] } : { kind: "capsule", name: known.name };
}

/** Prints a type in its canonical spelling; `parseTypeExpression(typeToString(t))` gives `t` back (signals aside). */
export function typeToString(type: AlloyType): string {
  switch (type.kind) {
    case "string":
    case "number":
    case "bool":
    case "duration":
    case "secret":
    case "any":
    case "object":
      return type.kind;
    case "list":
      return `list(${typeToString(type.element)})`;
    case "map":
      return `map(${typeToString(type.value)})`;
    case "union":
      return type.options.map(typeToString).join(" or ");
    case "capsule":
      return `capsule(${type.name})`;
    default:
      return assertNever(type);
  }
}

/** Structural equality of two types, signals included. */
export function typesEqual(a: AlloyType, b: AlloyType): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function assertNever(value: never): never {
  throw new Error(`unexpected type ${JSON.stringify(value)}`);
}
