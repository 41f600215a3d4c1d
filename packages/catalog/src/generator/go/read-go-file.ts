import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { Language, Parser, type Node } from "web-tree-sitter";
import type {
  GoField,
  GoFileFacts,
  GoMethod,
  GoRegistration,
  GoServiceDefinition,
  GoType,
  GoTypeDecl,
  GoValue,
  GoValueCheck,
  GoValueDecl,
} from "./go-facts.js";

/**
 * Reads Go files with tree-sitter's Go grammar (web-tree-sitter and tree-sitter-go's WebAssembly build):
 * a real parser, so declarations, tags and statements are read as Go reads them, whatever their layout.
 * One parser per process; facts are cached by file content, and most files are the same in many releases.
 */
export class GoFileReader {
  private readonly cache = new Map<string, GoFileFacts>();
  /** Files parsed (cache misses) and bytes parsed, for the generator's timing line. */
  parsedFiles = 0;
  parsedBytes = 0;

  private constructor(private readonly parser: Parser) {}

  static async create(): Promise<GoFileReader> {
    await Parser.init();
    const require = createRequire(import.meta.url);
    const language = await Language.load(require.resolve("tree-sitter-go/tree-sitter-go.wasm"));
    const parser = new Parser();
    parser.setLanguage(language);
    return new GoFileReader(parser);
  }

  read(text: string, path: string): GoFileFacts {
    const key = createHash("sha1").update(text).digest("hex");
    const cached = this.cache.get(key);
    if (cached) return cached;
    const tree = this.parser.parse(text);
    if (!tree) throw new Error(`${path}: tree-sitter returned no tree`);
    try {
      if (tree.rootNode.hasError) throw new Error(`${path}: not valid Go (tree-sitter reports a syntax error)`);
      const facts = extractFacts(tree.rootNode, text);
      this.cache.set(key, facts);
      this.parsedFiles++;
      this.parsedBytes += text.length;
      return facts;
    } finally {
      tree.delete();
    }
  }
}

function extractFacts(root: Node, text: string): GoFileFacts {
  const facts: GoFileFacts = { packageName: "", imports: [], types: [], methods: [], values: [], registrations: [], services: [] };
  const constraint = /^\/\/go:build (.+)$/m.exec(text.slice(0, text.search(/^package /m) >>> 0));
  if (constraint) facts.buildConstraint = constraint[1].trim();
  for (const node of root.namedChildren) {
    if (!node) continue;
    switch (node.type) {
      case "package_clause":
        facts.packageName = node.namedChildren[0]?.text ?? "";
        break;
      case "import_declaration":
        for (const spec of node.descendantsOfType("import_spec")) {
          if (!spec) continue;
          const name = spec.childForFieldName("name")?.text ?? "";
          const path = stringValue(spec.childForFieldName("path"));
          if (path !== undefined) facts.imports.push({ name, path });
        }
        break;
      case "type_declaration":
        for (const spec of node.namedChildren) {
          if (!spec || (spec.type !== "type_spec" && spec.type !== "type_alias")) continue;
          const name = spec.childForFieldName("name")?.text;
          const type = spec.childForFieldName("type");
          if (!name || !type) continue;
          const decl: GoTypeDecl = { name, type: readType(type), alias: spec.type === "type_alias", line: line(spec) };
          facts.types.push(decl);
        }
        break;
      case "const_declaration":
      case "var_declaration":
        readValueDecls(node, facts.values);
        break;
      case "method_declaration": {
        const method = readMethod(node);
        if (method) facts.methods.push(method);
        break;
      }
      default:
        break;
    }
  }
  if (text.includes("Registration{") || text.includes("Definition{")) readLiterals(root, facts);
  return facts;
}

function line(node: Node): number {
  return node.startPosition.row + 1;
}

/** The value of a Go string literal node (interpreted or raw), or `undefined` for any other node. */
function stringValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === "raw_string_literal") return node.text.slice(1, -1);
  if (node.type !== "interpreted_string_literal") return undefined;
  try {
    return JSON.parse(node.text.replace(/\\x([0-9a-fA-F]{2})/g, "\\u00$1")) as string;
  } catch {
    // Go escapes JSON does not know (`\a`, octal): keep the text between the quotes.
    return node.text.slice(1, -1);
  }
}

export function readType(node: Node): GoType {
  switch (node.type) {
    case "type_identifier":
      return { kind: "named", name: node.text };
    case "qualified_type":
      return { kind: "named", pkg: node.childForFieldName("package")?.text, name: node.childForFieldName("name")?.text ?? "" };
    case "pointer_type":
      return { kind: "pointer", elem: readType(node.namedChildren[0]!) };
    case "slice_type":
      return { kind: "slice", elem: readType(node.childForFieldName("element")!) };
    case "array_type":
      return { kind: "array", elem: readType(node.childForFieldName("element")!), length: node.childForFieldName("length")?.text ?? "" };
    case "implicit_length_array_type":
      return { kind: "array", elem: readType(node.childForFieldName("element")!), length: "..." };
    case "map_type":
      return { kind: "map", key: readType(node.childForFieldName("key")!), value: readType(node.childForFieldName("value")!) };
    case "struct_type":
      return { kind: "struct", fields: readFields(node) };
    case "interface_type": {
      const methods: string[] = [];
      let embeds = 0;
      for (const child of node.namedChildren) {
        if (!child) continue;
        if (child.type === "method_elem") methods.push(child.childForFieldName("name")?.text ?? "");
        else if (child.type !== "comment") embeds++;
      }
      return { kind: "interface", methods, embeds };
    }
    case "function_type": {
      const result = node.childForFieldName("result");
      const results = !result ? 0 : result.type === "parameter_list" ? result.namedChildren.filter((c) => c?.type === "parameter_declaration").length : 1;
      const first = !result ? undefined : result.type === "parameter_list" ? result.namedChildren[0]?.childForFieldName("type") : result;
      return { kind: "func", results, firstResultIsError: first?.text === "error" };
    }
    case "channel_type":
      return { kind: "chan" };
    case "parenthesized_type":
      return readType(node.namedChildren[0]!);
    default:
      return { kind: "other", text: node.text };
  }
}

function readFields(struct: Node): GoField[] {
  const fields: GoField[] = [];
  const list = struct.namedChildren.find((c) => c?.type === "field_declaration_list");
  for (const declaration of list?.namedChildren ?? []) {
    if (!declaration || declaration.type !== "field_declaration") continue;
    const typeNode = declaration.childForFieldName("type");
    if (!typeNode) continue;
    const names = declaration.childrenForFieldName("name").map((n) => n?.text ?? "");
    // An embedded pointer `*T` is read as a `*` followed by the type.
    const embeddedPointer = names.length === 0 && declaration.children.some((c) => c?.type === "*");
    const type = readType(typeNode);
    const field: GoField = { names, type: embeddedPointer ? { kind: "pointer", elem: type } : type, line: line(declaration) };
    const tag = stringValue(declaration.childForFieldName("tag"));
    if (tag !== undefined) field.tag = tag;
    fields.push(field);
  }
  return fields;
}

function readValue(node: Node | null | undefined): GoValue {
  if (!node) return { kind: "other", text: "" };
  if (node.type === "literal_element") return readValue(node.namedChildren[0]);
  const text = stringValue(node);
  if (text !== undefined) return { kind: "string", value: text };
  switch (node.type) {
    case "identifier":
      return { kind: "ident", name: node.text };
    case "true":
    case "false":
      return { kind: "bool", value: node.type === "true" };
    case "selector_expression": {
      const operand = node.childForFieldName("operand");
      if (operand?.type === "identifier") return { kind: "ident", pkg: operand.text, name: node.childForFieldName("field")?.text ?? "" };
      return { kind: "other", text: node.text };
    }
    case "composite_literal":
      return { kind: "composite", type: readType(node.childForFieldName("type")!) };
    case "unary_expression":
      // `&Arguments{}`
      if (node.childForFieldName("operator")?.text === "&") return readValue(node.childForFieldName("operand"));
      return { kind: "other", text: node.text };
    case "parenthesized_expression":
      return readValue(node.namedChildren[0]);
    default:
      return { kind: "other", text: node.text };
  }
}

function readValueDecls(declaration: Node, out: GoValueDecl[]): void {
  for (const spec of declaration.namedChildren) {
    if (!spec || (spec.type !== "const_spec" && spec.type !== "var_spec")) continue;
    const names = spec.childrenForFieldName("name").map((n) => n?.text ?? "");
    const typeName = spec.childForFieldName("type")?.text;
    const values = spec.childForFieldName("value")?.namedChildren ?? [];
    names.forEach((name, i) => {
      const decl: GoValueDecl = { name, line: line(spec) };
      if (typeName) decl.typeName = typeName;
      const valueNode = values[i];
      if (valueNode) {
        decl.value = readValue(valueNode);
        const members = setMembers(valueNode);
        if (members) decl.setMembers = members;
      }
      out.push(decl);
    });
  }
}

/** Keys of a map literal, or elements of a slice or array literal, when every one is a value. */
function setMembers(node: Node): GoValue[] | undefined {
  if (node.type !== "composite_literal") return undefined;
  const type = node.childForFieldName("type");
  const body = node.childForFieldName("body");
  if (!type || !body) return undefined;
  const isMap = type.type === "map_type";
  if (!isMap && type.type !== "slice_type" && type.type !== "array_type" && type.type !== "implicit_length_array_type") return undefined;
  const members: GoValue[] = [];
  for (const element of body.namedChildren) {
    if (!element || element.type === "comment") continue;
    const value = isMap ? (element.type === "keyed_element" ? readValue(element.childForFieldName("key")) : undefined) : readValue(element);
    if (!value || (value.kind !== "string" && value.kind !== "ident")) return undefined;
    members.push(value);
  }
  return members;
}

function readMethod(node: Node): GoMethod | undefined {
  const receiver = node.childForFieldName("receiver")?.namedChildren.find((c) => c?.type === "parameter_declaration");
  const receiverType = receiver?.childForFieldName("type");
  if (!receiverType) return undefined;
  const pointer = receiverType.type === "pointer_type";
  const base = pointer ? receiverType.namedChildren[0] : receiverType;
  const receiverName = (base?.type === "generic_type" ? base.childForFieldName("type") : base)?.text ?? "";
  const params = node.childForFieldName("parameters")?.namedChildren.filter((c) => c?.type === "parameter_declaration") ?? [];
  const paramNames = params.flatMap((p) => p!.childrenForFieldName("name").map((n) => n?.text ?? ""));
  const method: GoMethod = {
    receiver: receiverName,
    pointerReceiver: pointer,
    name: node.childForFieldName("name")?.text ?? "",
    params: params.length,
    checks: [],
    line: line(node),
  };
  const body = node.childForFieldName("body");
  if (body && /^(Validate|UnmarshalText|UnmarshalAlloy|UnmarshalYAML|Set)$/.test(method.name)) {
    const self = new Set([receiver?.childForFieldName("name")?.text ?? "", ...paramNames].filter((n) => n !== "" && n !== "_"));
    const receiverVar = receiver?.childForFieldName("name")?.text ?? "";
    method.checks = readValueChecks(body, receiverVar, self);
  }
  return method;
}

/** The subject of a value check: `recv.A.B` → field path; `recv`, `text`, `T(text)`, `string(text)` → self. */
function subjectOf(node: Node | null | undefined, receiver: string, self: Set<string>): { subject: GoValueCheck["subject"]; caseFolded: boolean } | undefined {
  let caseFolded = false;
  let current = node;
  for (let depth = 0; current && depth < 4; depth++) {
    if (current.type === "call_expression") {
      const fn = current.childForFieldName("function");
      const args = current.childForFieldName("arguments")?.namedChildren ?? [];
      if (!fn || args.length !== 1) return undefined;
      if (/^strings\.(ToLower|ToUpper)$/.test(fn.text)) caseFolded = true;
      else if (!/^([A-Za-z_]\w*|[A-Za-z_]\w*\.[A-Z]\w*)$/.test(fn.text) || /^strings\./.test(fn.text)) return undefined;
      current = args[0];
      continue;
    }
    if (current.type === "parenthesized_expression" || current.type === "unary_expression") {
      if (current.type === "unary_expression" && current.childForFieldName("operator")?.text !== "*") return undefined;
      current = current.type === "unary_expression" ? current.childForFieldName("operand") : current.namedChildren[0];
      continue;
    }
    break;
  }
  if (!current) return undefined;
  if (current.type === "identifier" && self.has(current.text)) return { subject: { kind: "self" }, caseFolded };
  if (current.type === "selector_expression") {
    const path: string[] = [];
    let cursor: Node | null = current;
    while (cursor?.type === "selector_expression") {
      path.unshift(cursor.childForFieldName("field")?.text ?? "");
      cursor = cursor.childForFieldName("operand");
    }
    if (cursor?.type === "identifier" && cursor.text === receiver && receiver !== "") return { subject: { kind: "field", path }, caseFolded };
  }
  return undefined;
}

/** Whether a block of statements returns a non-nil value (an error) somewhere. */
function returnsError(node: Node | null | undefined): boolean {
  if (!node) return false;
  return node.descendantsOfType("return_statement").some((r) => {
    const values = r?.namedChildren.find((c) => c?.type === "expression_list")?.namedChildren ?? [];
    return values.some((v) => v !== null && v.type !== "nil");
  });
}

function readValueChecks(body: Node, receiver: string, self: Set<string>): GoValueCheck[] {
  const checks: GoValueCheck[] = [];
  for (const node of body.descendantsOfType("expression_switch_statement")) {
    if (!node) continue;
    const subject = subjectOf(node.childForFieldName("value"), receiver, self);
    if (!subject) continue;
    const cases = node.namedChildren.filter((c) => c?.type === "expression_case");
    const fallback = node.namedChildren.find((c) => c?.type === "default_case");
    if (!fallback || !returnsError(fallback)) continue;
    const values = cases.flatMap((c) => c!.childForFieldName("value")?.namedChildren.map((v) => readValue(v)) ?? []);
    if (values.length === 0 || values.some((v) => v.kind !== "string" && v.kind !== "ident")) continue;
    checks.push({ ...subject, values, line: line(node) });
  }
  for (const node of body.descendantsOfType("if_statement")) {
    if (!node) continue;
    // `if _, ok := set[x]; ok { …; return nil }` followed by `return err`: the set holds the allowed values.
    if (!returnsError(node.childForFieldName("consequence"))) {
      const positive = positiveMembership(node, body, receiver, self);
      if (positive) checks.push({ ...positive, line: line(node) });
      continue;
    }
    const condition = node.childForFieldName("condition");
    const initializer = node.childForFieldName("initializer");
    const check = inequalityChain(condition, receiver, self) ?? containsCheck(condition, receiver, self) ?? membershipCheck(initializer, condition, receiver, self);
    if (check) checks.push({ ...check, line: line(node) });
  }
  return checks;
}

/** `x != "a" && x != "b"` (every term on the same subject). */
function inequalityChain(condition: Node | null, receiver: string, self: Set<string>): Omit<GoValueCheck, "line"> | undefined {
  if (!condition) return undefined;
  const terms: Node[] = [];
  const collect = (node: Node): boolean => {
    if (node.type === "parenthesized_expression") return collect(node.namedChildren[0]!);
    if (node.type === "binary_expression" && node.childForFieldName("operator")?.text === "&&") {
      return collect(node.childForFieldName("left")!) && collect(node.childForFieldName("right")!);
    }
    if (node.type === "binary_expression" && node.childForFieldName("operator")?.text === "!=") {
      terms.push(node);
      return true;
    }
    return false;
  };
  if (!collect(condition) || terms.length < 2) return undefined;
  let subjectKey: string | undefined;
  let found: ReturnType<typeof subjectOf>;
  const values: GoValue[] = [];
  for (const term of terms) {
    const left = term.childForFieldName("left");
    const subject = subjectOf(left, receiver, self);
    const value = readValue(term.childForFieldName("right"));
    if (!subject || (value.kind !== "string" && value.kind !== "ident")) return undefined;
    const key = JSON.stringify(subject);
    if (subjectKey !== undefined && key !== subjectKey) return undefined;
    subjectKey = key;
    found = subject;
    values.push(value);
  }
  return found ? { ...found, values } : undefined;
}

/** `!slices.Contains([]string{"a", "b"}, x)` or `!slices.Contains(set, x)`. */
function containsCheck(condition: Node | null, receiver: string, self: Set<string>): Omit<GoValueCheck, "line"> | undefined {
  if (condition?.type !== "unary_expression" || condition.childForFieldName("operator")?.text !== "!") return undefined;
  const call = condition.childForFieldName("operand");
  if (call?.type !== "call_expression" || !/^slices\.Contains$/.test(call.childForFieldName("function")?.text ?? "")) return undefined;
  const [list, item] = call.childForFieldName("arguments")?.namedChildren ?? [];
  const subject = subjectOf(item, receiver, self);
  if (!subject || !list) return undefined;
  const members = setMembers(list);
  if (members) return { ...subject, values: members };
  const set = readValue(list);
  return set.kind === "ident" ? { ...subject, values: [], set: set.pkg ? { pkg: set.pkg, name: set.name } : { name: set.name } } : undefined;
}

/** `if _, ok := set[x]; ok { return nil }` as the method body's last `if` before `return err`. */
function positiveMembership(node: Node, body: Node, receiver: string, self: Set<string>): Omit<GoValueCheck, "line"> | undefined {
  const initializer = node.childForFieldName("initializer");
  const condition = node.childForFieldName("condition");
  if (initializer?.type !== "short_var_declaration" || condition?.type !== "identifier") return undefined;
  if (initializer.childForFieldName("left")?.namedChildren[1]?.text !== condition.text) return undefined;
  const statements = body.namedChildren.find((c) => c?.type === "statement_list")?.namedChildren ?? body.namedChildren;
  const index = statements.findIndex((s) => s?.id === node.id);
  const next = statements[index + 1];
  if (index < 0 || next?.type !== "return_statement" || !returnsError(next)) return undefined;
  return setLookup(initializer, receiver, self);
}

/** The check made by `_, ok := set[x]`: `x` against the members of the package-level `set`. */
function setLookup(initializer: Node, receiver: string, self: Set<string>): Omit<GoValueCheck, "line"> | undefined {
  const lookup = initializer.childForFieldName("right")?.namedChildren[0];
  if (lookup?.type !== "index_expression") return undefined;
  const subject = subjectOf(lookup.childForFieldName("index"), receiver, self);
  const set = readValue(lookup.childForFieldName("operand"));
  if (!subject || set.kind !== "ident") return undefined;
  return { ...subject, values: [], set: set.pkg ? { pkg: set.pkg, name: set.name } : { name: set.name } };
}

/** `if _, ok := set[x]; !ok { return err }` */
function membershipCheck(initializer: Node | null, condition: Node | null, receiver: string, self: Set<string>): Omit<GoValueCheck, "line"> | undefined {
  if (initializer?.type !== "short_var_declaration" || condition?.type !== "unary_expression") return undefined;
  const okName = initializer.childForFieldName("left")?.namedChildren[1]?.text;
  if (!okName || condition.childForFieldName("operand")?.text !== okName) return undefined;
  return setLookup(initializer, receiver, self);
}

/** `component.Registration{…}` and `service.Definition{…}` literals anywhere in the file. */
function readLiterals(root: Node, facts: GoFileFacts): void {
  for (const literal of root.descendantsOfType("composite_literal")) {
    if (!literal) continue;
    const typeName = literal.childForFieldName("type")?.text ?? "";
    const isRegistration = /(^|\.)Registration$/.test(typeName);
    const isService = /(^|\.)Definition$/.test(typeName);
    if (!isRegistration && !isService) continue;
    const fields = new Map<string, GoValue>();
    for (const element of literal.childForFieldName("body")?.namedChildren ?? []) {
      if (element?.type !== "keyed_element") continue;
      const key = element.childForFieldName("key")?.text;
      if (key) fields.set(key, readValue(element.childForFieldName("value")));
    }
    const name = fields.get("Name");
    if (!name) continue;
    if (isRegistration && typeName.startsWith("component.")) {
      const registration: GoRegistration = { name, line: line(literal) };
      for (const [key, target] of [
        ["Stability", "stability"],
        ["Community", "community"],
        ["Args", "args"],
        ["Exports", "exports"],
      ] as const) {
        const value = fields.get(key);
        if (value) registration[target] = value;
      }
      facts.registrations.push(registration);
    } else if (isService && fields.has("ConfigType")) {
      const definition: GoServiceDefinition = { name, line: line(literal) };
      const configType = fields.get("ConfigType");
      if (configType) definition.configType = configType;
      const stability = fields.get("Stability");
      if (stability) definition.stability = stability;
      facts.services.push(definition);
    }
  }
}
