import { constraintFactsFor, type RequiredByConstraint } from "../catalog/index.js";
import type { CheckedAssignment, CheckedPackage } from "../checked-package.js";
import { mayBeEmpty, withCondition, type KnownPresent } from "../emptiness.js";
import type { TargetSymbol } from "../model.js";
import type { Finding, Rule } from "./rule.js";

/** What the target's `when` conditions prove present in every row it loads. */
function knownFor(target: TargetSymbol, checked: CheckedPackage): KnownPresent {
  let known: KnownPresent = { entity: target.entity, present: new Set() };
  for (const condition of checked.conditions) {
    if (condition.target === target) known = withCondition(known, condition.expression.ir);
  }
  return known;
}

/** Whether the target writes the constraint's condition field with a constant the constraint does not apply to (a delivery address). */
function exempted(constraint: RequiredByConstraint, target: TargetSymbol, checked: CheckedPackage): boolean {
  const condition = constraint.appliesWhen;
  if (condition === undefined) return false;
  return checked.assignments.some((assignment) => {
    if (assignment.target !== target || assignment.fieldName.value !== condition.field) return false;
    const value = assignment.value?.ir;
    return value?.op === "const" && typeof value.value === "string" && !condition.values.includes(value.value);
  });
}

/** The expression's text, shortened to what a message can quote. */
const QUOTED_LENGTH = 60;

function written(assignment: CheckedAssignment, text: string): string {
  const node = assignment.value?.node;
  return node === undefined ? assignment.fieldName.value : text.slice(node.range.start.offset, node.range.end.offset);
}

function quoted(expression: string): string {
  const oneLine = expression.replace(/\s+/g, " ");
  return oneLine.length <= QUOTED_LENGTH ? oneLine : `${oneLine.slice(0, QUOTED_LENGTH - 1)}…`;
}

export const possiblyEmptyRequired: Rule = {
  code: "FM414",
  name: "possibly_empty_required",
  defaultSeverity: "warning",
  summary:
    "A field Odoo refuses empty by a constraint fields_get does not show (a contact's name) is written from a value that can be blank: a column not declared `required`, with no fallback and no `when` testing it. Odoo refuses those records; the run rejects their rows.",
  example: {
    wrong: "map Contact -> res.partner { name <- last_name }",
    reported:
      'res.partner\'s name comes from `last_name`, which can be blank, and Odoo refuses such a record ("Contacts require a name", when type is "contact" (the default); delivery, invoice and other addresses may be nameless): the run rejects those rows. Say what should happen: `| required` to reject them with the column named, a fallback with `??`, or a `when` on the map',
    right: 'map Contact -> res.partner { name <- last_name ?? "(no name)" }',
  },
  check({ bound, checked }) {
    const findings: Finding[] = [];
    for (const assignment of checked.assignments) {
      const model = assignment.target.model;
      const value = assignment.value;
      // An expression the check could not type is reported by its own rule; guessing at it here would only add noise.
      if (model === undefined || value === undefined || value.type.kind === "unknown") continue;
      for (const constraint of constraintFactsFor(model)) {
        if (constraint.kind !== "required" || constraint.field !== assignment.fieldName.value) continue;
        if (exempted(constraint, assignment.target, checked) || !mayBeEmpty(value.ir, knownFor(assignment.target, checked))) continue;
        const text = bound.files.find((file) => file.path === assignment.file)?.text ?? "";
        const shown = written(assignment, text);
        const when = constraint.condition === undefined ? "" : `, when ${constraint.condition}`;
        const node = value.node;
        const guarded = node.kind === "ColumnPath" || node.kind === "PipeExpression" || node.kind === "ParenthesizedExpression" ? `${shown} | required` : `(${shown}) | required`;
        findings.push({
          file: assignment.file,
          range: node.range,
          message: `${model}'s ${constraint.field} comes from \`${quoted(shown)}\`, which can be blank, and Odoo refuses such a record ("${constraint.odooMessage}"${when}): the run rejects those rows. Say what should happen: \`| required\` to reject them with the column named, a fallback with \`??\`, or a \`when\` on the map`,
          fixes: [{ title: "Reject rows where it is blank (| required)", edits: [{ file: assignment.file, range: node.range, newText: guarded }] }],
        });
      }
    }
    return findings;
  },
};
