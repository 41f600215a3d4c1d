import type { AlloyType } from "../../types.js";
import { AlloyTypeReader, goTypeText, type TypeContext } from "./alloy-type-of.js";
import type { GoField, GoType, GoValueCheck } from "./go-facts.js";
import type { GoFile, GoPackage, GoSourceTree } from "./source-tree.js";

/** An attribute as Alloy's decoder accepts it. */
export interface CodeAttribute {
  name: string;
  required: boolean;
  type: AlloyType;
  /** The Go type as written, for the report. */
  goType: string;
  /** Values a `Validate`/`UnmarshalText` check accepts (any other fails), when there is such a check. */
  enum?: string[];
  /** Where the field is declared (`internal/…/file.go:12`). */
  source: string;
}

/** A block as Alloy's decoder accepts it. */
export interface CodeBlock extends CodeBody {
  name: string;
  required: boolean;
  /** A slice or array field (or a member of an enum of blocks): the block may appear more than once. */
  repeatable: boolean;
  goType: string;
  source: string;
}

export interface CodeBody {
  attributes: CodeAttribute[];
  blocks: CodeBlock[];
  /** The struct has an `alloy:",label"` field: the block takes a label. */
  labelled: boolean;
  /** The body is decoded into a map (or `any`): attributes of any name, of this type, and no blocks. */
  openAttributes?: AlloyType;
  /** Recursive blocks: the blocks of the body at this path (relative to the root body) are allowed here too. */
  inheritsBlocksFrom?: string[];
  /** The body holds components and config blocks, as a config file does (`declare`, `foreach > template`). */
  statements?: boolean;
}

export interface SchemaProblem {
  where: string;
  message: string;
}

interface StructView {
  context: TypeContext;
  fields: GoField[];
  /** `importPath.Name` of the named type the struct was reached through, for recursion and checks. */
  key: string;
  pkg: GoPackage;
  typeName?: string;
}

/** A value check of an enclosing struct's method, with the field path left to walk down to the attribute. */
interface PendingCheck {
  check: GoValueCheck;
  rest: string[];
  pkg: GoPackage;
  file: GoFile;
}

interface Frame {
  key: string;
  path: string[];
  /** Element types of the enums expanded in this body (`stage` → `…/stages.StageConfig`). */
  enums: Map<string, string>;
}

/** Alloy's struct tag (`alloy:"name,attr,optional"`): the decoder's flags (`syntax/internal/syntaxtags`). */
interface AlloyTag {
  name: string;
  kind: "attr" | "block" | "enum" | "label" | "squash";
  optional: boolean;
}

const TAG_OPTIONS: Record<string, Omit<AlloyTag, "name">> = {
  attr: { kind: "attr", optional: false },
  "attr,optional": { kind: "attr", optional: true },
  block: { kind: "block", optional: false },
  "block,optional": { kind: "block", optional: true },
  enum: { kind: "enum", optional: false },
  "enum,optional": { kind: "enum", optional: true },
  label: { kind: "label", optional: false },
  squash: { kind: "squash", optional: false },
};

/** The `alloy` key of a Go struct tag, as `reflect.StructTag.Lookup` finds it. */
export function alloyTagOf(tag: string | undefined): { found: false } | { found: true; value: string } {
  if (tag === undefined) return { found: false };
  for (const match of tag.matchAll(/([^\s:"]+):"((?:[^"\\]|\\.)*)"/g)) {
    if (match[1] === "alloy") return { found: true, value: match[2] };
  }
  return { found: false };
}

/**
 * Turns Go structs into the attributes and blocks Alloy's decoder accepts, following its rules
 * (`syntax/internal/syntaxtags`, `syntax/vm/struct_decoder.go`): tagged fields only; `attr` fields are
 * attributes and `block` fields blocks, required unless `optional`; a slice or array block repeats; a
 * `squash` field's struct lends its fields; an `enum` field (a slice of structs of blocks) accepts the
 * blocks `<enum>.<block>` in any number and order; a `label` field makes the block labelled; a block
 * decoded into a map (or `any`) accepts attributes of any name.
 */
export class DecoderSchemaReader {
  readonly problems: SchemaProblem[] = [];
  readonly types: AlloyTypeReader;

  constructor(private readonly tree: GoSourceTree) {
    this.types = new AlloyTypeReader(tree);
  }

  /** The body of a struct type named in `file` of `pkg` (a component's `Arguments`, a config block's options). */
  body(context: TypeContext, type: GoType, where: string): CodeBody | undefined {
    const view = this.structOf(context, type, where);
    if (!view) return undefined;
    return this.readBody(view, [], [], []);
  }

  private readBody(view: StructView, path: string[], ancestors: Frame[], outer: PendingCheck[]): CodeBody {
    const frame: Frame = { key: view.key, path, enums: new Map() };
    const body: CodeBody = { attributes: [], blocks: [], labelled: false };
    const stack = [...ancestors, frame];
    this.readFields(view, [], body, path, stack, outer);
    return body;
  }

  private readFields(view: StructView, goPath: string[], body: CodeBody, path: string[], stack: Frame[], outer: PendingCheck[]): void {
    const checks = [...outer, ...this.checksOf(view)];
    const below = (fieldName: string) => checks.filter((c) => c.rest.length > 1 && c.rest[0] === fieldName).map((c) => ({ ...c, rest: c.rest.slice(1) }));
    for (const field of view.fields) {
      const lookup = alloyTagOf(field.tag);
      if (!lookup.found) continue;
      const where = `${view.context.file.path}:${field.line}`;
      if (field.names.length === 0) {
        this.problems.push({ where, message: "an embedded field has an alloy tag (Alloy panics on anonymous fields)" });
        continue;
      }
      const tag = parseTag(lookup.value);
      if (!tag) {
        this.problems.push({ where, message: `alloy tag "${lookup.value}" is not one the decoder accepts` });
        continue;
      }
      const context = view.context;
      for (const fieldName of field.names) {
        switch (tag.kind) {
          case "label":
            body.labelled = true;
            break;
          case "squash": {
            const inner = this.structOf(context, field.type, where);
            if (inner) this.readFields(inner, [...goPath, fieldName], body, path, stack, below(fieldName));
            break;
          }
          case "attr": {
            const attribute: CodeAttribute = {
              name: tag.name,
              required: !tag.optional,
              type: this.types.typeOf(context, field.type, where),
              goType: goTypeText(field.type),
              source: where,
            };
            const values = this.enumOf(context, field.type, checks.filter((c) => c.rest.length === 1 && c.rest[0] === fieldName), attribute.type);
            if (values) attribute.enum = values;
            body.attributes.push(attribute);
            break;
          }
          case "block": {
            const block = this.readBlock(context, field.type, tag.name, !tag.optional, where, path, stack, below(fieldName));
            if (block) body.blocks.push(block);
            break;
          }
          case "enum":
            this.readEnum(context, field.type, tag.name, where, body, path, stack);
            break;
        }
      }
    }
  }

  private readBlock(
    context: TypeContext,
    type: GoType,
    name: string,
    required: boolean,
    where: string,
    parentPath: string[],
    stack: Frame[],
    outer: PendingCheck[] = [],
  ): CodeBlock | undefined {
    const path = [...parentPath, name];
    const shape = this.blockShape(context, type, where);
    if (!shape) return undefined;
    const block: CodeBlock = {
      name,
      required,
      repeatable: shape.repeatable,
      goType: goTypeText(type),
      source: where,
      attributes: [],
      blocks: [],
      labelled: false,
    };
    if (shape.open) {
      block.openAttributes = shape.open;
      return block;
    }
    const view = shape.struct!;
    const ancestor = stack.find((f) => f.key === view.key);
    if (ancestor) {
      // A struct inside itself: its own attributes, and the blocks of the ancestor that first had it.
      const own = this.readBody({ ...view, fields: view.fields.filter((f) => !declaresBlocks(f)) }, path, stack, outer);
      Object.assign(block, { attributes: own.attributes, labelled: own.labelled, inheritsBlocksFrom: ancestor.path });
      return block;
    }
    Object.assign(block, this.readBody(view, path, stack, shape.repeatable ? [] : outer));
    return block;
  }

  /** `stage,enum` on `[]StageConfig`: every block field of `StageConfig` is a block `stage.<name>`. */
  private readEnum(context: TypeContext, type: GoType, name: string, where: string, body: CodeBody, path: string[], stack: Frame[]): void {
    const list = this.underlying(context, type);
    if (!list || (list.type.kind !== "slice" && list.type.kind !== "array")) {
      this.problems.push({ where, message: `enum field ${name} is not a slice` });
      return;
    }
    const element = this.structOf(list.context, list.type.elem, where);
    if (!element) return;
    const frame = stack[stack.length - 1];
    const ancestor = stack.slice(0, -1).find((f) => f.enums.get(name) === element.key);
    if (ancestor) {
      body.inheritsBlocksFrom = ancestor.path;
      return;
    }
    frame.enums.set(name, element.key);
    for (const field of element.fields) {
      const lookup = alloyTagOf(field.tag);
      if (!lookup.found) continue;
      const tag = parseTag(lookup.value);
      const fieldWhere = `${element.context.file.path}:${field.line}`;
      if (!tag || tag.kind !== "block") {
        this.problems.push({ where: fieldWhere, message: `enum ${name} member "${lookup.value}" is not a block` });
        continue;
      }
      const block = this.readBlock(element.context, field.type, `${name}.${tag.name}`, false, fieldWhere, path, stack);
      if (block) {
        block.repeatable = true;
        body.blocks.push(block);
      }
    }
  }

  /** How a block field decodes: repeatable (slice or array), into a struct, or into a map of attributes. */
  private blockShape(context: TypeContext, type: GoType, where: string): { repeatable: boolean; struct?: StructView; open?: AlloyType } | undefined {
    let elementContext = context;
    let elementType = type;
    const outer = this.underlying(context, type);
    const repeatable = outer !== undefined && (outer.type.kind === "slice" || outer.type.kind === "array");
    if (outer && (outer.type.kind === "slice" || outer.type.kind === "array")) {
      elementContext = outer.context;
      elementType = outer.type.elem;
    }
    const element = this.underlying(elementContext, elementType);
    if (!element) {
      this.problems.push({ where, message: `block type ${goTypeText(type)} cannot be read` });
      return undefined;
    }
    if (element.type.kind === "map") return { repeatable, open: this.types.typeOf(element.context, element.type.value, where) };
    if (element.type.kind === "interface") return { repeatable, open: { kind: "any" } };
    const struct = this.structOf(elementContext, elementType, where);
    return struct ? { repeatable, struct } : undefined;
  }

  /** Follows named types and pointers to a type literal (struct, slice, map, …), keeping the context it is written in. */
  underlying(context: TypeContext, type: GoType, depth = 0): { context: TypeContext; type: GoType; key?: string; pkg?: GoPackage; typeName?: string } | undefined {
    if (depth > 16) return undefined;
    if (type.kind === "pointer") return this.underlying(context, type.elem, depth + 1);
    if (type.kind !== "named") return { context, type };
    const resolved = this.tree.resolve(context.pkg, context.file, type);
    if (resolved.kind !== "declared") return undefined;
    const inner = this.underlying({ pkg: resolved.pkg, file: resolved.file }, resolved.decl.type, depth + 1);
    if (!inner) return undefined;
    // The outermost name wins: it is the type the field names, whose methods (Validate) apply.
    return { ...inner, key: `${resolved.pkg.importPath}.${resolved.decl.name}`, pkg: resolved.pkg, typeName: resolved.decl.name };
  }

  private structOf(context: TypeContext, type: GoType, where: string): StructView | undefined {
    const found = this.underlying(context, type);
    if (!found || found.type.kind !== "struct") {
      this.problems.push({ where, message: `${goTypeText(type)} is not a struct the snapshot declares` });
      return undefined;
    }
    // The first named type on the way carries the methods (Validate) and names the struct.
    const named = firstNamed(context, type, this);
    return {
      context: found.context,
      fields: found.type.fields,
      key: named?.key ?? `${context.pkg.importPath}.<struct at ${where}>`,
      pkg: named?.pkg ?? context.pkg,
      typeName: named?.name,
    };
  }

  /** `Validate`/`UnmarshalAlloy` checks of a struct on its fields (`x.Mode`, `x.TLS.MinVersion`), case-sensitive ones only. */
  private checksOf(view: StructView): PendingCheck[] {
    if (!view.typeName) return [];
    const checks: PendingCheck[] = [];
    for (const { method, file } of this.tree.methodsWithFiles(view.pkg, view.typeName)) {
      for (const check of method.checks) {
        if (check.subject.kind !== "field" || check.caseFolded) continue;
        checks.push({ check, rest: check.subject.path, pkg: view.pkg, file });
      }
    }
    return checks;
  }

  /**
   * Allowed values of a string attribute: from an enclosing struct's checks on the field, else from its
   * own type's `UnmarshalText` or `Validate` (`logging.Level`, relabel's `Action`).
   */
  private enumOf(context: TypeContext, type: GoType, fieldChecks: PendingCheck[], alloyType: AlloyType): string[] | undefined {
    if (alloyType.kind !== "string") return undefined;
    for (const pending of fieldChecks) {
      const values = this.valuesOf(pending.pkg, pending.file, pending.check);
      if (values) return values;
    }
    let current: GoType = type;
    while (current.kind === "pointer") current = current.elem;
    if (current.kind !== "named") return undefined;
    const resolved = this.tree.resolve(context.pkg, context.file, current);
    if (resolved.kind !== "declared") return undefined;
    for (const { method, file } of this.tree.methodsWithFiles(resolved.pkg, resolved.decl.name)) {
      if (!/^(UnmarshalText|Validate|Set)$/.test(method.name)) continue;
      for (const check of method.checks) {
        if (check.subject.kind !== "self" || check.caseFolded) continue;
        const values = this.valuesOf(resolved.pkg, file, check);
        if (values) return values;
      }
    }
    return undefined;
  }

  private valuesOf(pkg: GoPackage, file: GoFile, check: GoValueCheck): string[] | undefined {
    let members = check.values;
    if (check.set) {
      const found = this.tree.resolveValue(pkg, file, { kind: "ident", ...check.set });
      if (!found?.decl.setMembers) return undefined;
      members = found.decl.setMembers;
      pkg = found.pkg;
      file = found.file;
    }
    const values: string[] = [];
    for (const member of members) {
      const value = this.tree.stringOf(pkg, file, member);
      if (value === undefined) return undefined;
      if (value !== "" && !values.includes(value)) values.push(value);
    }
    return values.length >= 2 ? values : undefined;
  }
}

/** Whether a field is a block or an enum of blocks (left out of a recursive block's own body). */
function declaresBlocks(field: GoField): boolean {
  const lookup = alloyTagOf(field.tag);
  const tag = lookup.found ? parseTag(lookup.value) : undefined;
  return tag?.kind === "block" || tag?.kind === "enum";
}

function parseTag(value: string): AlloyTag | undefined {
  const comma = value.indexOf(",");
  if (comma < 0) return undefined;
  const options = TAG_OPTIONS[value.slice(comma + 1)];
  return options ? { name: value.slice(0, comma), ...options } : undefined;
}

/** The first named type reached from `type` through pointers (and, for slices, elements are not followed). */
function firstNamed(context: TypeContext, type: GoType, reader: DecoderSchemaReader): { key: string; pkg: GoPackage; name: string } | undefined {
  let current = type;
  while (current.kind === "pointer") current = current.elem;
  if (current.kind !== "named") return undefined;
  const found = reader.underlying(context, current);
  return found?.key && found.pkg && found.typeName ? { key: found.key, pkg: found.pkg, name: found.typeName } : undefined;
}
