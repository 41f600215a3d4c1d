import {
  childBlocks,
  deprecatedFunctionNames,
  getComponent,
  getConfigBlock,
  listComponents,
  type AlloyVersion,
  type BlockContainer,
  type BlockSchema,
} from "@alloy-toolkit/catalog";
import { walk, type Block, type Range, type Severity, type Statement } from "@alloy-toolkit/parser";
import type { ParsedDocument } from "./documents.js";
import { accessChain, type SemanticModel } from "./semantic-model.js";
import { closestName } from "./suggest.js";

/** A diagnostic of the server's own checks; `data` feeds the quick fixes. */
export interface BasicDiagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly data?: { readonly replacement?: string; readonly missing?: readonly string[] };
}

/**
 * The few checks the server makes itself when `@alloy-toolkit/checker` is not available: unknown
 * components, arguments and blocks (with did-you-mean), missing required arguments, deprecated stdlib
 * names and references to components that do not exist.
 */
export function basicChecks(doc: ParsedDocument, model: SemanticModel, version: AlloyVersion): BasicDiagnostic[] {
  const out: BasicDiagnostic[] = [];
  const deprecated = deprecatedFunctionNames(version);
  const componentNames = () => listComponents({ version }).map((c) => c.name);

  const checkBody = (root: BlockContainer, container: BlockContainer, body: readonly Statement[], block: Block) => {
    const seen = new Set<string>();
    for (const statement of body) {
      if (statement.kind === "Attribute") {
        seen.add(statement.name.name);
        if (!container.attributes.some((a) => a.name === statement.name.name)) {
          const suggestion = closestName(statement.name.name, container.attributes.map((a) => a.name));
          out.push({
            code: "check/unknown-attribute",
            severity: "error",
            message: `unrecognized attribute name "${statement.name.name}"${suggestion ? `; did you mean "${suggestion}"?` : ""}`,
            range: statement.name.range,
            ...(suggestion ? { data: { replacement: suggestion } } : {}),
          });
        }
        continue;
      }
      const schema: BlockSchema | undefined = allowed(root, container).find((b) => b.name === statement.name);
      if (!schema) {
        const suggestion = closestName(statement.name, allowed(root, container).map((b) => b.name));
        const first = statement.nameParts[0]?.range ?? statement.range;
        const last = statement.nameParts[statement.nameParts.length - 1]?.range ?? statement.range;
        out.push({
          code: "check/unknown-block",
          severity: "error",
          message: `unrecognized block name "${statement.name}"${suggestion ? `; did you mean "${suggestion}"?` : ""}`,
          range: { start: first.start, end: last.end },
          ...(suggestion ? { data: { replacement: suggestion } } : {}),
        });
        continue;
      }
      checkBody(root, schema, statement.body, statement);
    }
    const missing = container.attributes.filter((a) => a.required && !a.requiredCondition && !seen.has(a.name)).map((a) => a.name);
    if (missing.length > 0) {
      out.push({
        code: "check/missing-required-attribute",
        severity: "error",
        message: `missing required attribute${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")}`,
        range: block.label?.range ?? block.nameParts[block.nameParts.length - 1]?.range ?? block.range,
        data: { missing },
      });
    }
  };

  const checkStatements = (body: readonly Statement[]) => {
    for (const statement of body) {
      if (statement.kind !== "Block") continue;
      if (statement.name === "declare") {
        checkStatements(statement.body);
        continue;
      }
      const component = getComponent(statement.name, version);
      const schema = component ?? getConfigBlock(statement.name, version);
      if (schema) {
        checkBody(schema, schema, statement.body, statement);
        continue;
      }
      if (["argument", "export", "foreach"].includes(statement.name) || isModuleComponent(model, statement)) continue;
      const suggestion = closestName(statement.name, componentNames());
      const first = statement.nameParts[0]?.range ?? statement.range;
      const last = statement.nameParts[statement.nameParts.length - 1]?.range ?? statement.range;
      out.push({
        code: "check/unknown-component",
        severity: "error",
        message: `unrecognized block name "${statement.name}"${suggestion ? `; did you mean "${suggestion}"?` : ""}`,
        range: { start: first.start, end: last.end },
        ...(suggestion ? { data: { replacement: suggestion } } : {}),
      });
    }
  };
  checkStatements(doc.ast.body);

  walk(doc.ast, {
    enter(node) {
      if (node.kind !== "CallExpression") return;
      const parts = accessChain(node.callee);
      const name = parts?.map((p) => p.name).join(".");
      if (!parts || !name || !(name in deprecated)) return;
      out.push({
        code: "check/deprecated-function",
        severity: "warning",
        message: `"${name}" is deprecated; use "${deprecated[name]}"`,
        range: { start: parts[0].range.start, end: parts[parts.length - 1].range.end },
        data: { replacement: deprecated[name] },
      });
    },
  });
  out.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return out;
}

function isModuleComponent(model: SemanticModel, block: Block): boolean {
  return model.symbols.some((s) => s.block === block && s.instanceOf !== undefined);
}

function allowed(root: BlockContainer, container: BlockContainer): BlockSchema[] {
  return childBlocks(root, container);
}
