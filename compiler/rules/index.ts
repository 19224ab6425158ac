/** Every check, in the order docs/rules.md lists them. */
import { arithmeticOperand } from "./arithmetic-operand.js";
import { archiveWithoutActive } from "./archive-without-active.js";
import { computedField } from "./computed-field.js";
import { customField } from "./custom-field.js";
import { declarationShape } from "./declaration-shape.js";
import { dependencyCycle } from "./dependency-cycle.js";
import { duplicateAssignment } from "./duplicate-assignment.js";
import { duplicateDeclaration } from "./duplicate-declaration.js";
import { eachField } from "./each-field.js";
import { expressionType } from "./expression-type.js";
import { fieldNotInVersion } from "./field-not-in-version.js";
import { lookupField } from "./lookup-field.js";
import { lookupReturns } from "./lookup-returns.js";
import { lookupMissingPolicy } from "./lookup-missing-policy.js";
import { migrationBlock } from "./migration-block.js";
import { missingAppModel } from "./missing-app-model.js";
import { missingRequiredField } from "./missing-required-field.js";
import { monetaryCurrency } from "./monetary-currency.js";
import { nestingDepth } from "./nesting-depth.js";
import { possiblyEmptyRequired } from "./possibly-empty-required.js";
import { overwrittenByOdoo } from "./overwritten-by-odoo.js";
import type { Rule } from "./rule.js";
import { namedValue } from "./named-value.js";
import { namedStep } from "./named-step.js";
import { refByColumn } from "./ref-by-column.js";
import { lookupFields } from "./lookup-fields.js";
import { mergeOnto } from "./merge-onto.js";
import { mergeOverwrite } from "./merge-overwrite.js";
import { rejectWithoutReason } from "./reject-without-reason.js";
import { selectionValue } from "./selection-value.js";
import { sourceOption } from "./source-option.js";
import { tableWithoutDefault } from "./table-without-default.js";
import { targetProblem } from "./target-problem.js";
import { typeMismatch } from "./type-mismatch.js";
import { unknownColumn } from "./unknown-column.js";
import { unknownEntity } from "./unknown-entity.js";
import { unknownExternalId } from "./unknown-external-id.js";
import { unknownField } from "./unknown-field.js";
import { unknownModel } from "./unknown-model.js";
import { unknownName } from "./unknown-name.js";
import { unknownSetting } from "./unknown-setting.js";
import { unknownType } from "./unknown-type.js";
import { unmappedColumn } from "./unmapped-column.js";
import { unreachableCondition } from "./unreachable-condition.js";
import { unusedDeclaration } from "./unused-declaration.js";
import { wrongModelReference } from "./wrong-model-reference.js";
import { xmlidNamespace } from "./xmlid-namespace.js";

export const RULES: readonly Rule[] = [
  unknownEntity,
  unknownColumn,
  unknownName,
  duplicateDeclaration,
  migrationBlock,
  declarationShape,
  sourceOption,
  unknownType,
  unknownSetting,
  xmlidNamespace,
  typeMismatch,
  selectionValue,
  wrongModelReference,
  expressionType,
  nestingDepth,
  arithmeticOperand,
  refByColumn,
  namedValue,
  lookupFields,
  namedStep,
  mergeOnto,
  unknownModel,
  unknownField,
  fieldNotInVersion,
  computedField,
  missingRequiredField,
  possiblyEmptyRequired,
  missingAppModel,
  customField,
  monetaryCurrency,
  lookupField,
  mergeOverwrite,
  unknownExternalId,
  overwrittenByOdoo,
  archiveWithoutActive,
  eachField,
  lookupReturns,
  unmappedColumn,
  unusedDeclaration,
  duplicateAssignment,
  unreachableCondition,
  rejectWithoutReason,
  lookupMissingPolicy,
  tableWithoutDefault,
  dependencyCycle,
  targetProblem,
];

export function findRule(nameOrCode: string): Rule | undefined {
  return RULES.find((rule) => rule.name === nameOrCode || rule.code === nameOrCode.toUpperCase());
}
