import type { Range } from "../../language/location.js";
import type { ColumnSymbol, EntitySymbol, TargetSymbol } from "../model.js";
import type { Finding, Rule, RuleContext } from "./rule.js";

/** Entities some map, split, child, `with` or `get` reads. */
export function entitiesRead(context: RuleContext): Set<EntitySymbol> {
  const read = new Set<EntitySymbol>();
  for (const target of context.bound.targets) if (target.entity !== undefined) read.add(target.entity);
  for (const column of context.checked.usedColumns) read.add(column.entity);
  return read;
}

/** Where `ignore column` goes: before the closing brace of the first map of the entity. */
function ignoreInsertion(targets: readonly TargetSymbol[], entity: EntitySymbol): { file: string; range: Range } | undefined {
  const target = targets.find((candidate) => candidate.entity === entity && candidate.role === "map");
  if (target === undefined) return undefined;
  const declaration = target.usesFallback && target.fallback !== undefined ? target.fallback : target.declaration;
  const end = declaration.range.end;
  const brace = { offset: end.offset - 1, line: end.line, column: end.column - 1 };
  return { file: target.file, range: { start: brace, end: brace } };
}

export const unmappedColumn: Rule = {
  code: "FM501",
  name: "unmapped_column",
  defaultSeverity: "warning",
  summary: "A source column that no mapping reads and no `ignore` names: its data would be left behind without anyone deciding so.",
  example: {
    wrong: 'entity Company "companies.csv" key id { id text  name text  fax text }\nmap Company -> res.partner { name <- name }',
    reported: "column fax of Company is read by no mapping, so its data would be lost: map it, or write `ignore fax` in a map of Company",
    right: 'map Company -> res.partner {\n  name <- name\n  ignore fax  // no fax in Odoo; nobody uses it\n}',
  },
  check(context) {
    const { checked } = context;
    const findings: Finding[] = [];
    for (const entity of entitiesRead(context)) {
      if (!entity.file.startsWith(context.bound.directory)) continue;
      const columns: ColumnSymbol[] = [...entity.columns.values(), ...[...entity.groups.values()].flatMap((group) => [...group.columns.values()])];
      for (const column of columns) {
        const used = checked.usedColumns.has(column) || checked.ignoredColumns.has(column) || entity.key.includes(column) || column.modified || entity.duplicates.by === column;
        if (used) continue;
        const insertion = ignoreInsertion(context.bound.targets, entity);
        const name = column.group === undefined ? column.name : `${column.group.name}.${column.name}`;
        findings.push({
          file: column.file,
          range: column.nameRange,
          message: `column ${name} of ${entity.name} is read by no mapping, so its data would be lost: map it, or write \`ignore ${name}\` in a map of ${entity.name}`,
          ...(insertion === undefined ? {} : { fixes: [{ title: `Ignore ${name} in the map of ${entity.name}`, edits: [{ file: insertion.file, range: insertion.range, newText: `  ignore ${name}\n` }] }] }),
        });
      }
    }
    return findings;
  },
};
