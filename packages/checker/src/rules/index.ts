import type { Rule } from "../rule.js";
import { rule as attributeBlockMismatch } from "./attribute-block-mismatch.js";
import { rule as blockPlacement } from "./block-placement.js";
import { rule as clusterBlockUnsupported } from "./cluster-block-unsupported.js";
import { rule as clusterInstanceSpecificLabels } from "./cluster-instance-specific-labels.js";
import { rule as clusterNodeLocalTargets } from "./cluster-node-local-targets.js";
import { rule as cycle } from "./cycle.js";
import { rule as deprecatedFunction } from "./deprecated-function.js";
import { rule as duplicateBlock } from "./duplicate-block.js";
import { rule as functionArity } from "./function-arity.js";
import { rule as importNotRead } from "./import-not-read.js";
import { rule as invalidEnumValue } from "./invalid-enum-value.js";
import { rule as missingLabel } from "./missing-label.js";
import { rule as missingRequired } from "./missing-required.js";
import { rule as referenceType } from "./reference-type.js";
import { rule as repeated } from "./repeated.js";
import { rule as stability } from "./stability.js";
import { rule as stdlibShadowed } from "./stdlib-shadowed.js";
import { rule as uncheckedImport } from "./unchecked-import.js";
import { rule as unknownAttribute } from "./unknown-attribute.js";
import { rule as unknownBlock } from "./unknown-block.js";
import { rule as unknownComponent } from "./unknown-component.js";
import { rule as unknownExport } from "./unknown-export.js";
import { rule as unknownFunction } from "./unknown-function.js";
import { rule as unresolvedReference } from "./unresolved-reference.js";
import { rule as unusedComponent } from "./unused-component.js";
import { rule as valueType } from "./value-type.js";

/** Every rule, Alloy's own checks first. */
export const rules: readonly Rule[] = [
  unknownComponent,
  stability,
  missingLabel,
  duplicateBlock,
  blockPlacement,
  unknownAttribute,
  unknownBlock,
  attributeBlockMismatch,
  repeated,
  missingRequired,
  valueType,
  invalidEnumValue,
  unresolvedReference,
  cycle,
  stdlibShadowed,
  deprecatedFunction,
  unknownExport,
  referenceType,
  unknownFunction,
  functionArity,
  unusedComponent,
  uncheckedImport,
  importNotRead,
  clusterBlockUnsupported,
  clusterNodeLocalTargets,
  clusterInstanceSpecificLabels,
];

/** A rule by id. */
export function getRule(id: string): Rule | undefined {
  return rules.find((r) => r.id === id);
}
