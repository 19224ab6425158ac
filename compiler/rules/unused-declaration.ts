import { defaultAlias } from "../bind.js";
import type { PackageSymbol } from "../model.js";
import { documentFacts } from "../document-facts.js";
import type { BoundPackage } from "../bound-package.js";
import type { Finding, Rule } from "./rule.js";

/** Names written where the Odoo version or a setting decides whether they count (document-facts.ts). */
function namesUnderConditions(bound: BoundPackage): Set<string> {
  const names = new Set<string>();
  for (const file of bound.files) for (const name of documentFacts(file.document).namesUnderConditions) names.add(name);
  return names;
}
import { entitiesRead } from "./unmapped-column.js";

export const unusedDeclaration: Rule = {
  code: "FM502",
  name: "unused_declaration",
  defaultSeverity: "warning",
  summary: "A table, lookup, named step, record, alias, import or entity that nothing uses: probably a forgotten step (an entity nobody maps is data left behind).",
  example: {
    wrong: 'table rating: text -> text { "Hot" -> "hot" }\nmap Deal -> crm.lead { name <- name }',
    reported: "table rating is used nowhere: use it in a pipeline (`| rating`) or remove it",
    right: 'table rating: text -> text { "Hot" -> "hot" }\nmap Deal -> crm.lead { name <- name  x_rating <- hot_rating | rating }',
  },
  check(context) {
    const { bound } = context;
    const used = new Set<PackageSymbol>(bound.references.map((reference) => reference.symbol));
    const conditional = namesUnderConditions(bound);
    const mine = (file: string): boolean => file.startsWith(bound.directory) && bound.files.some((candidate) => candidate.path === file);
    const findings: Finding[] = [];
    for (const table of bound.tables.values()) {
      if (mine(table.file) && !used.has(table) && !conditional.has(table.name))
        findings.push({
          file: table.file,
          range: table.nameRange,
          message: `table ${table.name} is used nowhere: use it in a pipeline (\`| ${table.name}\`) or remove it`,
        });
    }
    for (const lookup of bound.lookups.values()) {
      if (mine(lookup.file) && !used.has(lookup) && !conditional.has(lookup.name))
        findings.push({
          file: lookup.file,
          range: lookup.nameRange,
          message: `lookup ${lookup.name} is used nowhere: use it in a pipeline (\`| ${lookup.name}\`) or remove it`,
        });
    }
    for (const step of bound.steps.values()) {
      if (mine(step.file) && !used.has(step) && !conditional.has(step.name))
        findings.push({ file: step.file, range: step.nameRange, message: `step ${step.name} is used nowhere: use it in a pipeline (\`| ${step.name}\`) or remove it` });
    }
    for (const byName of bound.records.values()) {
      for (const record of byName.values()) {
        if (!mine(record.file) || used.has(record) || conditional.has(record.name)) continue;
        findings.push({
          file: record.file,
          range: record.nameRange,
          message: `${record.model} record ${record.name} is used by no table or constant${record.existing === undefined ? "; it will still be created" : ""}`,
        });
      }
    }
    for (const target of bound.targets) {
      // An alias also names the records' external IDs; only one that changes nothing and is never referenced is unused.
      if (!target.aliasDeclared || target.role !== "map" || !mine(target.file) || used.has(target)) continue;
      if (target.entityName.kind !== "Name" || target.alias !== defaultAlias(target.entityName.value)) continue;
      findings.push({
        file: target.file,
        range: target.nameRange,
        message: `alias ${target.alias} is used by no \`ref\` and is the one the map has anyway: remove \`as ${target.alias}\``,
      });
    }
    for (const symbol of bound.imports) {
      if (symbol.imported === undefined) continue;
      const importedUsed = bound.references.some(
        (reference) => reference.symbol === symbol.imported && !(reference.file === symbol.file && reference.range === symbol.nameRange),
      );
      if (!importedUsed) findings.push({ file: symbol.file, range: symbol.nameRange, message: `${symbol.name} is imported but used nowhere` });
    }
    const read = entitiesRead(context);
    for (const entity of bound.entities.values()) {
      if (!mine(entity.file) || read.has(entity)) continue;
      findings.push({
        file: entity.file,
        range: entity.nameRange,
        message: `entity ${entity.name} is mapped nowhere, so its rows would not be migrated: map it, or remove it from the source`,
      });
    }
    return findings;
  },
};
