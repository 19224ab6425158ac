/**
 * Binding a package's frame: the migration block (its sources and settings), the settings every
 * `if setting` reads and the models and fields every `if odoo has` names, and imports of tables, lookups and entities from other packages.
 */
import { dirname, resolve } from "node:path";
import type * as A from "../language/ast.js";
import type { Binder } from "./bind.js";
import { suggestNames } from "./catalog/index.js";
import { documentFacts } from "./document-facts.js";
import { recordConditionName } from "./external-names.js";
import type { ImportSymbol } from "./model.js";
import type { ParsedFileLike } from "./target.js";

/** The migration block's `source` items name sources (FM205 reports one that names none), and its settings are declared. */
export function bindMigration(binder: Binder, declaration: A.MigrationDeclaration, file: string): void {
  for (const item of declaration.items) {
    if (item.kind === "SourceReference" && item.source.kind === "Name") {
      const source = binder.sources.get(item.source.value);
      if (source !== undefined) binder.reference(file, item.source.range, source);
    } else if (item.kind === "SettingDeclaration" && item.name.kind === "Name" && !binder.settings.has(item.name.value)) {
      binder.settings.set(item.name.value, {
        kind: "setting",
        name: item.name.value,
        file,
        nameRange: item.name.range,
        declaration: item,
        value: item.value.kind === "StringLiteral" ? item.value.value : item.value.kind === "NumberLiteral" ? item.value.raw : undefined,
      });
    }
  }
}

/** Every `if setting name ...`, taken or not, reads its setting (FM210 reports one the migration does not declare). */
/** The names `if setting ...` and `if odoo has ...` conditions read, wherever they are written, taken or not. */
export function bindConditions(binder: Binder, file: ParsedFileLike): void {
  const facts = documentFacts(file.document);
  for (const condition of [...facts.settingConditions, ...facts.settingReads]) {
    if (condition.name.kind !== "Name") continue;
    const setting = binder.settings.get(condition.name.value);
    if (setting !== undefined) binder.reference(file.path, condition.name.range, setting);
  }
  for (const condition of facts.hasConditions) recordConditionName(binder.externalNames, file.path, condition, binder.schema);
}

export function bindImport(binder: Binder, declaration: A.ImportDeclaration, file: string): void {
  if (declaration.from.kind === "Missing") return;
  const path = resolve(dirname(file), declaration.from.value);
  const imported = binder.loadImport(path);
  if (imported === undefined) {
    binder.unknown({ kind: "import", name: declaration.from.value, file, range: declaration.from.range, candidates: [], scope: path });
  } else {
    binder.importedPackages.push(imported);
  }
  for (const name of declaration.names) {
    const symbol: ImportSymbol = { kind: "import", name: name.value, file, nameRange: name.range, declaration, imported: undefined };
    binder.imports.push(symbol);
    if (imported === undefined) continue;
    const found = imported.tables.get(name.value) ?? imported.lookups.get(name.value) ?? imported.entities.get(name.value);
    if (found === undefined) {
      const names = [...imported.tables.keys(), ...imported.lookups.keys(), ...imported.entities.keys()];
      binder.unknown({
        kind: "import",
        name: name.value,
        file,
        range: name.range,
        candidates: suggestNames(name.value, names),
        scope: declaration.from.value,
      });
      continue;
    }
    symbol.imported = found;
    binder.reference(file, name.range, found);
    if (!binder.declareCallable("import", name, file)) continue;
    if (found.kind === "table") binder.tables.set(name.value, found);
    else if (found.kind === "lookup") binder.lookups.set(name.value, found);
    else if (found.kind === "entity") binder.entities.set(name.value, found);
  }
}
