import { syncedFieldsOf, type SyncedFieldsFact } from "../catalog/index.js";
import type { CheckedAssignment } from "../checked-package.js";
import type { TargetSymbol } from "../model.js";
import type { PlanExpression } from "../plan/schema.js";
import type { Finding, Rule } from "./rule.js";

function list(names: readonly string[]): string {
  return names.length === 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1] ?? ""}`;
}

/**
 * Whether Odoo copies the fact's fields in for the rows this target makes: `decidedBy` left to
 * Odoo's default, or written with values that all make Odoo copy. An expression that can give
 * either is the mapping deciding row by row.
 */
function odooCopies(fact: SyncedFieldsFact, decision: CheckedAssignment | undefined): boolean {
  if (decision === undefined) return fact.copiesWhen.includes(fact.decidedByDefault);
  const values = decision.value?.constants;
  if (values === undefined) return false;
  return values.every((value) =>
    value === null ? fact.copiesWhen.includes(fact.decidedByDefault) : typeof value !== "number" && fact.copiesWhen.includes(value),
  );
}

function sameExpression(left: PlanExpression, right: PlanExpression): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

/** `X is empty`, `not (X is present)`, `X is not present`: true when it tests that `trigger` is empty. */
function testsEmpty(condition: PlanExpression, trigger: PlanExpression): boolean {
  if (condition.op === "is") return sameExpression(condition.operand, trigger) && (condition.test === "empty") !== condition.negated;
  if (condition.op === "not" && condition.operand.op === "is")
    return sameExpression(condition.operand.operand, trigger) && (condition.operand.test === "present") !== condition.operand.negated;
  return false;
}

/** Whether `condition` holds exactly when `other` does not: `not C` against `C`, or `X is empty` against `X is present`. */
function opposite(condition: PlanExpression, other: PlanExpression): boolean {
  if (condition.op === "not") return sameExpression(condition.operand, other);
  if (other.op === "not") return sameExpression(other.operand, condition);
  if (condition.op === "is" && other.op === "is" && sameExpression(condition.operand, other.operand))
    return (condition.test === other.test) !== (condition.negated === other.negated);
  return false;
}

/** `if C then X` without else: its condition, or undefined when the expression is anything else. */
function onlyWhen(expression: PlanExpression | undefined): PlanExpression | undefined {
  if (expression?.op !== "if") return undefined;
  return expression.else.op === "const" && expression.else.value === null ? expression.condition : undefined;
}

/**
 * Written only for rows Odoo leaves alone: `field <- if <the trigger's value> is empty then ...`,
 * or, when the trigger is written only under a condition (`parent_id <- if C then ...`), the
 * field only under its opposite (`field <- if not C then ...`).
 */
function onlyWithoutTrigger(assignment: CheckedAssignment, trigger: CheckedAssignment): boolean {
  const condition = onlyWhen(assignment.value?.ir);
  const triggerValue = trigger.value?.ir;
  if (condition === undefined || triggerValue === undefined) return false;
  if (testsEmpty(condition, triggerValue)) return true;
  const triggerCondition = onlyWhen(triggerValue);
  return triggerCondition !== undefined && opposite(condition, triggerCondition);
}

export const overwrittenByOdoo: Rule = {
  code: "FM410",
  name: "overwritten_by_odoo",
  defaultSeverity: "warning",
  summary:
    "A target writes fields Odoo rewrites on its own from another record, e.g. a contact's address, which Odoo replaces with its parent's: the value written is lost for the rows where Odoo copies, unless the mapping decides (`type`) or writes it only for the other rows.",
  example: {
    wrong:
      "map Company -> res.partner as company { name <- name }\nmap Contact -> res.partner { name <- name  street <- address  parent_id <- company_id | ref company }",
    reported:
      'Odoo replaces street with the parent\'s address when parent_id is set and its type is "contact" (the default) and the parent has an address, so what is written here is lost for those rows: write the address only for rows without a parent (`street <- if <the parent_id value> is empty then ...`), or give rows with a parent another type ("other", "invoice", "delivery") to keep theirs',
    right:
      "map Company -> res.partner as company { name <- name }\nmap Contact -> res.partner { name <- name  street <- if company_id | ref company is empty then address  parent_id <- company_id | ref company }",
  },
  check({ checked }) {
    const byTarget = new Map<TargetSymbol, CheckedAssignment[]>();
    for (const assignment of checked.assignments) {
      const own = byTarget.get(assignment.target) ?? [];
      own.push(assignment);
      byTarget.set(assignment.target, own);
    }
    const findings: Finding[] = [];
    for (const [target, assignments] of byTarget) {
      for (const fact of syncedFieldsOf(target.model ?? "")) {
        const trigger = assignments.find((assignment) => assignment.fieldName.value === fact.trigger);
        const decision = assignments.find((assignment) => assignment.fieldName.value === fact.decidedBy);
        if (trigger === undefined || !odooCopies(fact, decision)) continue;
        const lost = assignments.filter((assignment) => fact.fields.includes(assignment.fieldName.value) && !onlyWithoutTrigger(assignment, trigger));
        const first = lost[0];
        if (first === undefined) continue;
        findings.push({
          file: first.file,
          range: first.fieldName.range,
          message: `Odoo replaces ${list(lost.map((assignment) => assignment.fieldName.value))} with ${fact.source} when ${fact.trigger} is set and ${fact.condition}, so what is written here is lost for those rows: ${fact.keep}`,
        });
      }
    }
    return findings;
  },
};
