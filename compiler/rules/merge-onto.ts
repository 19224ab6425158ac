/**
 * FM311 merge_onto: what a map's `merge onto` must find. A merged row is written onto a record
 * another map of the package loads, under that record's external ID, so the expression must give a
 * record of the map's own model that a `| ref` to another map finds: a lookup finds records the
 * package does not own (and a rollback could not put back), a record of another model could not
 * take the map's fields, and the map's own records are its rows.
 */
import { isMissing } from "../../language/ast.js";
import { typeString } from "../check-expressions.js";
import type { CheckedMerge } from "../checked-package.js";
import { referencedSteps } from "../dependencies.js";
import type { TargetSymbol } from "../model.js";
import type { Finding, Rule } from "./rule.js";

export const mergeOnto: Rule = {
  code: "FM311",
  name: "merge_onto",
  defaultSeverity: "error",
  guardsPlan: true,
  summary:
    "A map's `merge onto` does not give a record of the map's own model that another map loads (`| ref ALIAS`, `| ref ALIAS by COLUMN`, joined by `??`): only such a record can take the merged row's fields and be put back by a rollback.",
  example: {
    wrong:
      "map Company -> res.partner as company { name <- name }\nmap Contact -> res.partner as person merge onto company_id | ref person { name <- name  ignore first_name, last_name, address, mobile }",
    reported: "`merge onto` finds records of person, this map's own: name another map's records of res.partner (`| ref ALIAS`)",
    right:
      "map Company -> res.partner as company { name <- name }\nmap Contact -> res.partner as person merge onto company_id | ref company { name <- name  ignore first_name, last_name, address, mobile }",
  },
  check({ checked, bound }) {
    const byAlias = new Map(bound.targets.map((target) => [target.alias, target]));
    return checked.merges.flatMap((merge) => mergeFindings(merge, byAlias));
  },
};

function mergeFindings(merge: CheckedMerge, byAlias: ReadonlyMap<string, TargetSymbol>): Finding[] {
  const { target, clause, onto } = merge;
  if (isMissing(clause.onto) || onto.type.kind === "unknown") return [];
  const at = { file: merge.file, range: clause.onto.range };
  const model = target.model ?? "";
  if (onto.type.kind !== "record" || (onto.type.model !== undefined && target.model !== undefined && onto.type.model !== model))
    return [{ ...at, message: `\`merge onto\` gives ${typeString(onto.type)}: it must be a record of ${model} that another map loads (\`| ref ALIAS\`)` }];
  const steps = [...new Set(referencedSteps(onto.ir).map(({ step }) => step))];
  if (steps.length === 0) return [{ ...at, message: `\`merge onto\` finds no map's record: name another map's records of ${model} (\`| ref ALIAS\`)` }];
  const findings: Finding[] = [];
  for (const step of steps) {
    const other = byAlias.get(step);
    if (step === target.alias)
      findings.push({ ...at, message: `\`merge onto\` finds records of ${step}, this map's own: name another map's records of ${model} (\`| ref ALIAS\`)` });
    else if (other?.merge !== undefined)
      findings.push({ ...at, message: `\`merge onto\` finds records of ${step}, which merges itself: merge onto the records ${step} merges onto` });
    else if (other?.parent !== undefined)
      findings.push({ ...at, message: `\`merge onto\` finds records of ${step}, child lines of another record: merge onto a map's records` });
  }
  return findings;
}
