/**
 * An independent reading of Alloy's Go structs, for checking the catalog against the code without the
 * generator's reader: a small tokenizer and a reader of type declarations (no tree-sitter), and Alloy's
 * decoder rules applied to it, flattened to facts such as `attr endpoint>basic_auth>password optional`.
 * It only knows what the conformance test needs: components, their arguments' attributes and blocks.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

type Token = { kind: "ident" | "string" | "number" | "punct"; text: string };

type TypeExpr =
  | { k: "name"; pkg?: string; name: string }
  | { k: "ptr" | "slice" | "array"; elem: TypeExpr }
  | { k: "map"; key: TypeExpr; value: TypeExpr }
  | { k: "struct"; fields: { names: string[]; type: TypeExpr; tag?: string }[] }
  | { k: "opaque"; empty?: boolean };

interface Package {
  name: string;
  types: Map<string, { type: TypeExpr; file: number }>;
  consts: Map<string, string>;
  /** Per file: the import paths, with their local name when the import gives one. */
  imports: { name?: string; path: string }[][];
  registrations: { name: string; args: { pkg?: string; name: string }; file: number }[];
}

const MODULE = "github.com/grafana/alloy";

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "\n" || c === " " || c === "\t" || c === "\r") {
      // A line break after these ends a statement (Go's semicolon rule), which the reader needs for `type` groups.
      if (c === "\n") tokens.push({ kind: "punct", text: ";" });
      i++;
    } else if (text.startsWith("//", i)) {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === "`") {
      const end = text.indexOf("`", i + 1);
      tokens.push({ kind: "string", text: text.slice(i + 1, end) });
      i = end + 1;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === "\\" ? 2 : 1;
      tokens.push({ kind: "string", text: text.slice(i + 1, j) });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[A-Za-z0-9_]/.test(text[j])) j++;
      tokens.push({ kind: "ident", text: text.slice(i, j) });
      i = j;
    } else if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[0-9A-Za-z_.]/.test(text[j])) j++;
      tokens.push({ kind: "number", text: text.slice(i, j) });
      i = j;
    } else {
      tokens.push({ kind: "punct", text: c });
      i++;
    }
  }
  return tokens;
}

class FileReader {
  private i = 0;
  constructor(private readonly t: Token[]) {}

  private peek(offset = 0): Token | undefined {
    return this.t[this.i + offset];
  }
  private skipNewlines(): void {
    while (this.peek()?.text === ";" && this.peek()?.kind === "punct") this.i++;
  }
  private is(text: string): boolean {
    return this.peek()?.text === text;
  }
  /** Skips a balanced group starting at the current opening bracket. */
  private skipGroup(): void {
    const open = this.peek()!.text;
    const close = open === "(" ? ")" : open === "[" ? "]" : "}";
    let depth = 0;
    for (; this.i < this.t.length; this.i++) {
      const text = this.t[this.i].kind === "punct" ? this.t[this.i].text : "";
      if (text === open) depth++;
      else if (text === close && --depth === 0) {
        this.i++;
        return;
      }
    }
  }

  readType(): TypeExpr {
    this.skipNewlines();
    const token = this.peek();
    if (!token) return { k: "opaque" };
    if (token.text === "*") {
      this.i++;
      return { k: "ptr", elem: this.readType() };
    }
    if (token.text === "[") {
      if (this.peek(1)?.text === "]") {
        this.i += 2;
        return { k: "slice", elem: this.readType() };
      }
      this.skipGroup();
      return { k: "array", elem: this.readType() };
    }
    if (token.text === "(") {
      this.i++;
      const inner = this.readType();
      this.i++;
      return inner;
    }
    if (token.kind !== "ident") return { k: "opaque" };
    if (token.text === "map") {
      this.i += 2;
      const key = this.readType();
      this.i++;
      return { k: "map", key, value: this.readType() };
    }
    if (token.text === "struct") {
      this.i++;
      return { k: "struct", fields: this.readFields() };
    }
    if (token.text === "interface") {
      this.i++;
      const start = this.i;
      this.skipGroup();
      const empty = this.t.slice(start + 1, this.i - 1).every((x) => x.text === ";");
      return { k: "opaque", empty };
    }
    if (token.text === "func") {
      this.i++;
      this.skipGroup();
      if (this.is("(")) this.skipGroup();
      else if (this.peek()?.kind === "ident" || this.is("*") || this.is("[")) this.readType();
      return { k: "opaque" };
    }
    if (token.text === "chan") {
      this.i++;
      this.readType();
      return { k: "opaque" };
    }
    this.i++;
    let result: TypeExpr = { k: "name", name: token.text };
    if (this.is(".") && this.peek(1)?.kind === "ident") {
      result = { k: "name", pkg: token.text, name: this.peek(1)!.text };
      this.i += 2;
    }
    if (this.is("[") && this.peek(1)?.text !== "]") this.skipGroup();
    return result;
  }

  private readFields(): { names: string[]; type: TypeExpr; tag?: string }[] {
    const fields: { names: string[]; type: TypeExpr; tag?: string }[] = [];
    this.i++;
    for (;;) {
      this.skipNewlines();
      if (this.is("}") || !this.peek()) {
        this.i++;
        return fields;
      }
      const names: string[] = [];
      // `A, B T`, `A T`, or an embedded `T` / `*T` / `pkg.T`.
      const embedded = this.is("*") || (this.peek(1)?.text === "." ) || this.peek(1)?.text === ";" || this.peek(1)?.text === "}" || this.peek(1)?.kind === "string";
      if (!embedded) {
        names.push(this.peek()!.text);
        this.i++;
        while (this.is(",")) {
          names.push(this.peek(1)!.text);
          this.i += 2;
        }
      }
      const type = this.readType();
      const field: { names: string[]; type: TypeExpr; tag?: string } = { names, type };
      if (this.peek()?.kind === "string") {
        field.tag = this.peek()!.text;
        this.i++;
      }
      fields.push(field);
    }
  }

  /** One declaration, or a parenthesized group of them (`import (…)`, `type (…)`, `const (…)`). */
  private eachSpec(one: () => void): void {
    if (!this.is("(")) return one();
    this.i++;
    for (this.skipNewlines(); !this.is(")"); this.skipNewlines()) one();
    this.i++;
  }

  read(pkg: Package, file: number): void {
    const imports: { name?: string; path: string }[] = [];
    pkg.imports[file] = imports;
    const addImport = () => {
      let name: string | undefined;
      if (this.peek()?.kind === "ident" || this.is(".") || this.is("_")) {
        name = this.peek()!.text;
        this.i++;
      }
      const path = this.peek()!.text;
      this.i++;
      imports.push(name ? { name, path } : { path });
    };
    let depth = 0;
    while (this.i < this.t.length) {
      const token = this.t[this.i];
      if (token.kind === "punct" && "({[".includes(token.text)) depth++;
      if (token.kind === "punct" && ")}]".includes(token.text)) depth--;
      if (depth === 0 && token.kind === "ident" && (this.i === 0 || this.t[this.i - 1].text === ";")) {
        if (token.text === "package") {
          pkg.name = this.t[this.i + 1].text;
          this.i += 2;
          continue;
        }
        if (token.text === "import") {
          this.i++;
          this.eachSpec(addImport);
          continue;
        }
        if (token.text === "type") {
          this.i++;
          const one = () => {
            const name = this.peek()!.text;
            this.i++;
            if (this.is("[") && this.peek(1)?.text !== "]") this.skipGroup();
            if (this.is("=")) this.i++;
            pkg.types.set(name, { type: this.readType(), file });
          };
          this.eachSpec(one);
          continue;
        }
        if (token.text === "const") {
          this.i++;
          const one = () => {
            const name = this.peek()!.text;
            let j = this.i + 1;
            while (j < this.t.length && this.t[j].text !== "=" && this.t[j].text !== ";") j++;
            if (this.t[j]?.text === "=" && this.t[j + 1]?.kind === "string" && this.t[j + 2]?.text === ";") pkg.consts.set(name, this.t[j + 1].text);
            while (j < this.t.length && this.t[j].text !== ";") j++;
            this.i = j;
          };
          this.eachSpec(one);
          continue;
        }
      }
      if (token.text === "Registration" && this.t[this.i - 2]?.text === "component" && this.t[this.i + 1]?.text === "{") {
        this.readRegistration(pkg, file);
        continue;
      }
      this.i++;
    }
  }

  private readRegistration(pkg: Package, file: number): void {
    this.i++;
    const start = this.i;
    this.skipGroup();
    const body = this.t.slice(start + 1, this.i - 1);
    let name: string | undefined;
    let args: { pkg?: string; name: string } | undefined;
    for (let j = 0; j < body.length; j++) {
      if (body[j].text !== ":" || j === 0) continue;
      const key = body[j - 1].text;
      const value = body[j + 1];
      if (key === "Name") name = value.kind === "string" ? value.text : pkg.consts.get(value.text) ?? `const:${value.text}`;
      if (key === "Args") {
        let k = j + 1;
        if (body[k].text === "&") k++;
        args = body[k + 1]?.text === "." ? { pkg: body[k].text, name: body[k + 2].text } : { name: body[k].text };
      }
    }
    if (name && args) pkg.registrations.push({ name, args, file });
  }
}

/** One release of `../shared/alloy-source`, read lazily package by package. */
export class GoDeclScan {
  private readonly packages = new Map<string, Package | null>();

  constructor(private readonly root: string) {}

  private load(path: string): Package | undefined {
    if (this.packages.has(path)) return this.packages.get(path) ?? undefined;
    let pkg: Package | undefined;
    const dir = path.startsWith(`${MODULE}/`) ? join(this.root, path.slice(MODULE.length + 1)) : undefined;
    if (dir && existsSync(dir)) {
      const files = readdirSync(dir).filter((f) => f.endsWith(".go") && !f.endsWith("_test.go")).sort();
      if (files.length > 0) {
        pkg = { name: "", types: new Map(), consts: new Map(), imports: [], registrations: [] };
        // Constants first, so registrations can name them wherever they are declared.
        const tokens = files.map((f) => tokenize(readFileSync(join(dir, f), "utf8")));
        tokens.forEach((t, i) => new FileReader(t).read(pkg!, i));
        pkg.registrations = [];
        tokens.forEach((t, i) => new FileReader(t).read(pkg!, i));
      }
    }
    this.packages.set(path, pkg ?? null);
    return pkg;
  }

  private importPath(pkg: Package, file: number, local: string): string | undefined {
    const imports = pkg.imports[file];
    const named = imports.find((i) => i.name === local);
    if (named) return named.path;
    return imports.find((i) => i.name === undefined && (this.load(i.path)?.name ?? i.path.split("/").pop()) === local)?.path;
  }

  /** Follows a named type to its declaration: the type expression, and the package and file it is written in. */
  private resolve(pkg: Package, file: number, type: TypeExpr): { pkg: Package; file: number; type: TypeExpr; key: string } | undefined {
    if (type.k !== "name") return { pkg, file, type, key: "" };
    const owner = type.pkg ? this.load(this.importPath(pkg, file, type.pkg) ?? "") : pkg;
    const decl = owner?.types.get(type.name);
    if (!owner || !decl) return undefined;
    return { pkg: owner, file: decl.file, type: decl.type, key: `${owner.name}.${type.name}` };
  }

  /** Follows names and pointers down to a struct, slice, map or opaque type. */
  private underlying(pkg: Package, file: number, type: TypeExpr, depth = 0): { pkg: Package; file: number; type: TypeExpr; key: string } | undefined {
    if (depth > 20) return undefined;
    if (type.k === "ptr") return this.underlying(pkg, file, type.elem, depth + 1);
    if (type.k !== "name") return { pkg, file, type, key: "" };
    const found = this.resolve(pkg, file, type);
    if (!found) return undefined;
    const inner = this.underlying(found.pkg, found.file, found.type, depth + 1);
    return inner ? { ...inner, key: found.key } : undefined;
  }

  /** Every component registered by a package reachable from `internal/component/all`, with its Args type. */
  components(): Map<string, { pkg: Package; file: number; args: TypeExpr }> {
    const found = new Map<string, { pkg: Package; file: number; args: TypeExpr }>();
    const seen = new Set<string>();
    const queue = [`${MODULE}/internal/component/all`];
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const pkg = this.load(path);
      if (!pkg) continue;
      for (const imports of pkg.imports) for (const { path: p } of imports) if (p.startsWith(`${MODULE}/`)) queue.push(p);
      for (const r of pkg.registrations) {
        if (!found.has(r.name)) found.set(r.name, { pkg, file: r.file, args: { k: "name", ...r.args } });
      }
    }
    return found;
  }

  /**
   * The decoder's facts for a component's arguments: `attr <path> required|optional` and
   * `block <path> required|optional single|repeated`, paths joined with ">". A struct met again inside
   * itself is not expanded again (the catalog marks such blocks as inheriting).
   */
  facts(component: { pkg: Package; file: number; args: TypeExpr }): Set<string> {
    const out = new Set<string>();
    const body = (pkg: Package, file: number, type: TypeExpr, path: string[], stack: string[]) => {
      const found = this.underlying(pkg, file, type);
      if (!found || found.type.k !== "struct") return;
      // Met again inside itself: its attributes, not its blocks again.
      const recursive = found.key !== "" && stack.includes(found.key);
      const inner = found.key ? [...stack, found.key] : stack;
      for (const field of found.type.fields) {
        const tag = /(?:^|\s)alloy:"([^"]*)"/.exec(field.tag ?? "")?.[1];
        if (tag === undefined || field.names.length === 0) continue;
        const [name, ...options] = tag.split(",");
        const flags = options.join(",");
        const optional = flags.endsWith(",optional");
        if (flags === "squash") {
          body(found.pkg, found.file, field.type, path, stack);
        } else if (flags.startsWith("attr")) {
          out.add(`attr ${[...path, name].join(">")} ${optional ? "optional" : "required"}`);
        } else if (recursive) {
          continue;
        } else if (flags.startsWith("block")) {
          const shape = this.underlying(found.pkg, found.file, field.type);
          const repeated = shape?.type.k === "slice" || shape?.type.k === "array";
          out.add(`block ${[...path, name].join(">")} ${optional ? "optional" : "required"} ${repeated ? "repeated" : "single"}`);
          const element = repeated && shape && (shape.type.k === "slice" || shape.type.k === "array") ? { pkg: shape.pkg, file: shape.file, type: shape.type.elem } : { pkg: found.pkg, file: found.file, type: field.type };
          body(element.pkg, element.file, element.type, [...path, name], inner);
        } else if (flags.startsWith("enum")) {
          const list = this.underlying(found.pkg, found.file, field.type);
          if (!list || (list.type.k !== "slice" && list.type.k !== "array")) continue;
          const member = this.underlying(list.pkg, list.file, list.type.elem);
          if (!member || member.type.k !== "struct" || inner.includes(`enum:${member.key}`)) continue;
          for (const blockField of member.type.fields) {
            const blockTag = /(?:^|\s)alloy:"([^"]*)"/.exec(blockField.tag ?? "")?.[1];
            if (!blockTag) continue;
            const blockName = `${name}.${blockTag.split(",")[0]}`;
            out.add(`block ${[...path, blockName].join(">")} optional repeated`);
            body(member.pkg, member.file, blockField.type, [...path, blockName], [...inner, `enum:${member.key}`]);
          }
        }
      }
    };
    body(component.pkg, component.file, component.args, [], []);
    return out;
  }
}
