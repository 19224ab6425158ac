import { syncedFieldsOf, type SyncedFieldsFact } from "../catalog/index.js";
import type { CheckedAssignment } from "../check-expressions.js";
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
  return values.every((value) => (value === null ? fact.copiesWhen.includes(fact.decidedByDefault) : typeof value !== "number" && fact.copiesWhen.includes(value)));
}

/** `X is empty`, `not (X is present)`, `X is not present`: true when it tests that `trigger` is empty. */
function testsEmpty(condition: PlanExpression, trigger: PlanExpression): boolean {
  const same = (operand: PlanExpression): boolean => JSON.stringify(operand) === JSON.stringify(trigger);
  if (condition.op === "is") return same(condition.operand) && (condition.test === "empty") !== condition.negated;
  if (condition.op === "not" && condition.operand.op === "is")
    return same(condition.operand.operand) && (condition.operand.test === "present") !== condition.operand.negated;
  return false;
}

/** `field <- if <the trigger's value> is empty then ...` (without else): written only for rows Odoo leaves alone. */
function onlyWithoutTrigger(assignment: CheckedAssignment, trigger: CheckedAssignment): boolean {
  const value = assignment.value?.ir;
  const triggerValue = trigger.value?.ir;
  if (value?.op !== "if" || triggerValue === undefined) return false;
  const otherwiseEmpty = value.else.op === "const" && value.else.value === null;
  return otherwiseEmpty && testsEmpty(value.condition, triggerValue);
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
