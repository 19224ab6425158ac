/**
 * FM416 merge_overwrite: the fields a `merge onto` names after `overwrite` are fields the map
 * writes. A merged row fills the fields the record it merges onto holds no value in; `overwrite`
 * says which of the map's fields replace that record's value instead, so a name the map does not
 * write (a typo, a field another map writes) would overwrite nothing, silently.
 */
import { suggestNames } from "../catalog/index.js";
import { replaceFix, type Finding, type Rule } from "./rule.js";

export const mergeOverwrite: Rule = {
  code: "FM416",
  name: "merge_overwrite",
  defaultSeverity: "error",
  summary: "`merge onto ... overwrite FIELD` names a field the map does not write, or names it twice: it would overwrite nothing.",
  example: {
    wrong:
      "map Company -> res.partner as company { name <- name }\nmap Contact -> res.partner as person merge onto company_id | ref company overwrite mobil { name <- name  mobile <- mobile  ignore first_name, last_name, address }",
    reported: "`overwrite mobil`: this map does not write mobil (it writes name, mobile)",
    right:
      "map Company -> res.partner as company { name <- name }\nmap Contact -> res.partner as person merge onto company_id | ref company overwrite mobile { name <- name  mobile <- mobile  ignore first_name, last_name, address }",
  },
  check({ checked }) {
    const findings: Finding[] = [];
    for (const merge of checked.merges) {
      const written = [
        ...new Set(checked.assignments.filter((assignment) => assignment.target === merge.target).map((assignment) => assignment.fieldName.value)),
      ];
      const seen = new Set<string>();
      for (const field of merge.clause.overwrite) {
        const at = { file: merge.file, range: field.range };
        if (seen.has(field.value)) findings.push({ ...at, message: `\`overwrite ${field.value}\`: named twice` });
        else if (!written.includes(field.value)) {
          const [closest] = suggestNames(field.value, written, 1);
          findings.push({
            ...at,
            message: `\`overwrite ${field.value}\`: this map does not write ${field.value} (it writes ${written.join(", ")})`,
            ...(closest === undefined ? {} : { fixes: [replaceFix(`Change to ${closest}`, merge.file, field.range, closest)] }),
          });
        }
        seen.add(field.value);
      }
    }
    return findings;
  },
};
