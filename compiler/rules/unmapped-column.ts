import type { ColumnSymbol, EntitySymbol, TargetSymbol } from "../model.js";
import { bodyRange } from "./missing-required-field.js";
import { appendToBlock, type Finding, type Rule, type RuleContext } from "./rule.js";

/** Entities some map, split, child, `with` or `get` reads. */
export function entitiesRead(context: RuleContext): Set<EntitySymbol> {
  const read = new Set<EntitySymbol>();
  for (const target of context.bound.targets) if (target.entity !== undefined) read.add(target.entity);
  for (const column of context.checked.usedColumns) read.add(column.entity);
  return read;
}

/** The map an `ignore column` goes in: the first map of the entity. */
function firstMap(targets: readonly TargetSymbol[], entity: EntitySymbol): TargetSymbol | undefined {
  return targets.find((candidate) => candidate.entity === entity && candidate.role === "map");
}

export const unmappedColumn: Rule = {
  code: "FM501",
  name: "unmapped_column",
  defaultSeverity: "warning",
  summary: "A source column that no mapping reads and no `ignore` names: its data would be left behind without anyone deciding so.",
  example: {
    wrong:
      'migration pb { source perfectbooks  target odoo "17.0" }\nsource perfectbooks {\n  entity Company "companies.csv" key id { id text  name text  fax text }\n}\nmap Company -> res.partner { name <- name }',
    reported: "column fax of Company is read by no mapping, so its data would be lost: map it, or write `ignore fax` in a map of Company",
    right:
      'migration pb { source perfectbooks  target odoo "17.0" }\nsource perfectbooks {\n  entity Company "companies.csv" key id { id text  name text  fax text }\n}\nmap Company -> res.partner {\n  name <- name\n  ignore fax  // no fax in Odoo; nobody uses it\n}',
    selfContained: true,
  },
  check(context) {
    const { checked } = context;
    const findings: Finding[] = [];
    for (const entity of entitiesRead(context)) {
      if (!entity.file.startsWith(context.bound.directory)) continue;
      const columns: ColumnSymbol[] = [...entity.columns.values(), ...[...entity.groups.values()].flatMap((group) => [...group.columns.values()])];
      for (const column of columns) {
        const used =
          checked.usedColumns.has(column) ||
          checked.ignoredColumns.has(column) ||
          entity.key.includes(column) ||
          column.modified ||
          entity.duplicates.by === column;
        if (used) continue;
        const map = firstMap(context.bound.targets, entity);
        const name = column.group === undefined ? column.name : `${column.group.name}.${column.name}`;
        const text = map === undefined ? "" : (context.bound.files.find((file) => file.path === map.file)?.text ?? "");
        findings.push({
          file: column.file,
          range: column.nameRange,
          message: `column ${name} of ${entity.name} is read by no mapping, so its data would be lost: map it, or write \`ignore ${name}\` in a map of ${entity.name}`,
          ...(map === undefined
            ? {}
            : { fixes: [{ title: `Ignore ${name} in the map of ${entity.name}`, edits: [appendToBlock(map.file, text, bodyRange(map), `ignore ${name}`)] }] }),
        });
      }
    }
    return findings;
  },
};
