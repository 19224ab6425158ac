import { defaultAlias } from "../bind.js";
import type { PackageSymbol } from "../model.js";
import type { Node } from "../../language/ast.js";
import { forEachNode } from "../../language/visit.js";
import type { BoundPackage } from "../bind.js";
import type { Finding, Rule } from "./rule.js";

/**
 * Names written under an `if` on the target or a setting, in a map such an `if` switches off, or
 * in either body of a map with a fallback: a table used only for Odoo 17 is not unused when
 * checking for 19, nor a helpdesk stage table on an Odoo without Helpdesk.
 */
function namesUnderConditions(bound: BoundPackage): Set<string> {
  const names = new Set<string>();
  const collect = (subtree: Node): void =>
    forEachNode(subtree, (node) => {
      if (node.kind === "Name") names.add(node.value);
    });
  for (const file of bound.files) {
    forEachNode(file.document.declarations, (node) => {
      if (node.kind === "TargetIf") collect(node);
      else if ((node.kind === "MapDeclaration" || node.kind === "SplitDeclaration" || node.kind === "SplitTarget") && node.enabledIf !== undefined) collect(node);
      else if ((node.kind === "MapDeclaration" || node.kind === "SplitTarget") && node.fallback !== undefined) collect(node);
    });
  }
  return names;
}
import { entitiesRead } from "./unmapped-column.js";

export const unusedDeclaration: Rule = {
  code: "FM502",
  name: "unused_declaration",
  defaultSeverity: "warning",
  summary: "A table, lookup, record, alias, import or entity that nothing uses: probably a forgotten step (an entity nobody maps is data left behind).",
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
