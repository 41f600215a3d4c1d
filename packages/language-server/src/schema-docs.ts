import {
  componentAvailability,
  type AlloyVersion,
  typeToString,
  type AttributeSchema,
  type BlockSchema,
  type ComponentSchema,
  type ConfigBlockSchema,
  type ExportSchema,
  type FunctionSchema,
  type Stability,
} from "@alloy-toolkit/catalog";

/** Markdown documentation of catalog entries, shared by hover and completion. */

const STABILITY_LABELS: Record<Stability, string> = {
  "generally-available": "Generally available",
  "public-preview": "Public preview",
  experimental: "Experimental",
  community: "Community",
};

export function stabilityLabel(stability: Stability): string {
  return STABILITY_LABELS[stability];
}

export function componentMarkdown(component: ComponentSchema | ConfigBlockSchema): string {
  const lines = [`**${component.name}**${"status" in component && component.status === "removed" ? " (removed)" : ""}`];
  // The release facts: since, removed in, and the stability at the chosen release (with a later promotion).
  const release = [`since ${component.since}`];
  if ("removedIn" in component && component.removedIn) release.push(`removed in ${component.removedIn}`);
  const promotion = "status" in component && component.status === "active" ? componentAvailability(component.name, component.alloyVersion as AlloyVersion) : undefined;
  lines.push("", `Stability: ${stabilityLabel(component.stability)} in ${component.alloyVersion} · ${release.join(" · ")}`);
  if (promotion?.status === "available" && promotion.message) lines.push("", promotion.message);
  lines.push("", component.description);
  const required = component.attributes.filter((a) => a.required).map((a) => `\`${a.name}\``);
  if (required.length > 0) lines.push("", `Required arguments: ${required.join(", ")}`);
  if (component.exports.length > 0) {
    lines.push("", "Exports:", ...component.exports.map((e) => `- \`${e.name}\`: \`${typeToString(e.type)}\``));
  }
  lines.push("", `[Documentation](${component.docUrl})`);
  return lines.join("\n");
}

export function attributeMarkdown(attribute: AttributeSchema, docUrl?: string): string {
  const lines = [`**${attribute.name}** \`${typeToString(attribute.type)}\``, ""];
  const facts = [attribute.required ? "required" : "optional"];
  if (attribute.requiredCondition) facts.push(`required: ${attribute.requiredCondition}`);
  if (attribute.default !== undefined && attribute.default !== "") facts.push(`default: \`${attribute.default}\``);
  if (attribute.deprecated) facts.push("**deprecated**");
  if (attribute.since) facts.push(`since ${attribute.since}`);
  lines.push(facts.join(" · "));
  if (attribute.description) lines.push("", attribute.description);
  if (attribute.enum?.length) lines.push("", `Values: ${attribute.enum.map((v) => `\`"${v}"\``).join(", ")}`);
  if (docUrl) lines.push("", `[Documentation](${docUrl}#arguments)`);
  return lines.join("\n");
}

export function blockMarkdown(block: BlockSchema, docUrl?: string): string {
  const facts = [block.required ? "required" : "optional"];
  if (block.repeatable) facts.push("repeatable");
  if (block.labelled) facts.push("labelled");
  if (block.since) facts.push(`since ${block.since}`);
  const lines = [`**${block.path.join(" > ")}** block`, "", facts.join(" · ")];
  if (block.description) lines.push("", block.description);
  if (docUrl) lines.push("", `[Documentation](${docUrl}#${block.name.replace(/\./g, "")})`);
  return lines.join("\n");
}

export function exportMarkdown(owner: string, exported: ExportSchema, docUrl?: string): string {
  const lines = [`**${owner}** export \`${exported.name}\`: \`${typeToString(exported.type)}\``];
  if (exported.description) lines.push("", exported.description);
  if (docUrl) lines.push("", `[Documentation](${docUrl}#exported-fields)`);
  return lines.join("\n");
}

export function functionSignature(fn: FunctionSchema): string {
  const params = fn.params.map((p, i) => {
    const rest = fn.variadic && i === fn.params.length - 1 ? "..." : "";
    return `${p.name}${p.optional ? "?" : ""}: ${typeToString(p.type)}${rest}`;
  });
  return `${fn.name}(${params.join(", ")}) → ${typeToString(fn.returns)}`;
}

export function functionMarkdown(fn: FunctionSchema, calledAs?: string): string {
  const lines = ["```alloy", functionSignature(fn), "```"];
  if (calledAs && calledAs !== fn.name) lines.push("", `**Deprecated**: \`${calledAs}\` is an old name of \`${fn.name}\`.`);
  if (fn.stability !== "generally-available") lines.push("", `Stability: ${stabilityLabel(fn.stability)}`);
  if (fn.description) lines.push("", fn.description);
  lines.push("", `[Documentation](${fn.docUrl})`);
  return lines.join("\n");
}
