import type { Range, Severity } from "@alloy-toolkit/parser";
import type { Fix, RelatedInformation } from "./diagnostic.js";
import type { BlockSymbol, SemanticModel, SourceDocument } from "./model.js";

/**
 * Where a diagnostic comes in `alloy validate`'s order: blocks are visited in {@link BlockSymbol.order};
 * for each, its own checks (`phase` "node", in `rank` order), its type check (`phase` "body"), then its
 * references (`phase` "references"); a scope's cycles come at its end.
 */
export type Phase = "node" | "body" | "references" | "extra";

export interface Report {
  readonly message: string;
  readonly document: SourceDocument;
  readonly range: Range;
  /** The block the diagnostic belongs to in Alloy's order (see {@link Phase}). */
  readonly order: number;
  readonly phase: Phase;
  readonly rank?: number;
  /** Offset or index breaking ties inside a phase. */
  readonly key?: number;
  readonly hint?: string;
  readonly fix?: Fix;
  readonly related?: readonly RelatedInformation[];
  /** Rules have one severity; a few report a lesser one for some findings. */
  readonly severity?: Severity;
  /** Parser diagnostics point at one position, as Alloy prints them. */
  readonly point?: boolean;
}

export interface RuleContext {
  readonly model: SemanticModel;
  report(report: Report): void;
}

/**
 * A rule: one file that owns its predicate and its messages. Config rules live under `rules/` (registered in
 * `rules/index.ts`, context {@link RuleContext}); the deployment rules of `@alloy-toolkit/deployment` under its
 * `src/rules/` (registered there, context `DeploymentRuleContext`).
 */
export interface Rule<Context = RuleContext> {
  /** Stable id, e.g. `check/unknown-attribute`; used by `--disable` and `alloylint-disable` comments. */
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  /** Whether `alloy validate` makes the same check (with the same message); others are the toolkit's own. */
  readonly alloy: boolean;
  check(context: Context): void;
}

export type { BlockSymbol };
