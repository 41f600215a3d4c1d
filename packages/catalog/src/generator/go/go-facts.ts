/**
 * What the generator keeps of one Go source file: declarations and a few shapes of statements,
 * as plain data (no syntax tree), so a file's facts can be cached by its content across releases.
 */

/** A Go type expression. `named` is a type name, qualified by an import's local name when `pkg` is set. */
export type GoType =
  | { kind: "named"; pkg?: string; name: string }
  | { kind: "pointer"; elem: GoType }
  | { kind: "slice"; elem: GoType }
  | { kind: "array"; elem: GoType; length: string }
  | { kind: "map"; key: GoType; value: GoType }
  | { kind: "struct"; fields: GoField[] }
  /** `methods` lists the interface's method names; an interface without methods (`any`) has none. */
  | { kind: "interface"; methods: string[]; embeds: number }
  | { kind: "func"; results: number; firstResultIsError: boolean }
  | { kind: "chan" }
  /** A type this reader does not model (generic instantiation, …), with its source text. */
  | { kind: "other"; text: string };

export interface GoField {
  /** Field names; empty for an embedded field. */
  names: string[];
  type: GoType;
  /** The raw struct tag (between the quotes), if any. */
  tag?: string;
  /** 1-based line of the field, for reports. */
  line: number;
}

export interface GoTypeDecl {
  name: string;
  type: GoType;
  /** `type A = B` */
  alias: boolean;
  line: number;
}

/** A value reference inside a method body or composite literal: a string literal or a (qualified) identifier. */
export type GoValue =
  | { kind: "string"; value: string }
  | { kind: "ident"; pkg?: string; name: string }
  | { kind: "bool"; value: boolean }
  | { kind: "composite"; type: GoType }
  | { kind: "other"; text: string };

/**
 * A test of one value against a fixed set, which fails (returns an error) for any other value:
 * `switch x.F { case "a", "b": … default: return err }`, `if x.F != "a" && x.F != "b" { return err }`,
 * `if _, ok := set[T(text)]; !ok { return err }`, `if !slices.Contains([]string{"a"}, x.F) { return err }`.
 */
export interface GoValueCheck {
  /** What is tested: a field of the receiver (`field`), or the method's value itself (`self`: text, receiver). */
  subject: { kind: "field"; path: string[] } | { kind: "self" };
  /** Allowed values, or the name of a package-level set (`map` keys or slice elements) holding them. */
  values: GoValue[];
  set?: { pkg?: string; name: string };
  /** The subject was lowered or uppered before the test: the check is case-insensitive. */
  caseFolded: boolean;
  line: number;
}

export interface GoMethod {
  receiver: string;
  pointerReceiver: boolean;
  name: string;
  /** The method's parameter count, to tell `UnmarshalText(text []byte)` from other methods of that name. */
  params: number;
  checks: GoValueCheck[];
  line: number;
}

/** A `component.Register(component.Registration{…})` call. */
export interface GoRegistration {
  name: GoValue;
  stability?: GoValue;
  community?: GoValue;
  args?: GoValue;
  exports?: GoValue;
  line: number;
}

/** A `service.Definition{…}` literal. */
export interface GoServiceDefinition {
  name: GoValue;
  configType?: GoValue;
  stability?: GoValue;
  line: number;
}

/** A package-level `const` or `var`: its string value when it has one, or the keys/elements of a set literal. */
export interface GoValueDecl {
  name: string;
  /** The declared type name, when given (`const Replace Action = "replace"`). */
  typeName?: string;
  value?: GoValue;
  /** Keys of a map literal or elements of a slice literal that are values (`map[Action]struct{}{Replace: {}}`). */
  setMembers?: GoValue[];
  line: number;
}

export interface GoFileFacts {
  packageName: string;
  /** The `//go:build` expression, if any. */
  buildConstraint?: string;
  /** Local name → import path; the local name is empty when the import has no explicit name. */
  imports: { name: string; path: string }[];
  types: GoTypeDecl[];
  methods: GoMethod[];
  values: GoValueDecl[];
  registrations: GoRegistration[];
  services: GoServiceDefinition[];
}
