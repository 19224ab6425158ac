import type * as A from "../../language/ast.js";
import { isExternalIdNamespace } from "../target.js";
import { replaceFix, type Rule } from "./rule.js";

/** The namespace with every character an external ID cannot hold made an underscore; the migration's name for an empty one. */
function usableNamespace(namespace: string, migrationName: string): string {
  if (namespace === "") return migrationName;
  const cleaned = namespace.replace(/[^A-Za-z0-9_]/g, "_");
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

export const xmlidNamespace: Rule = {
  code: "FM211",
  name: "xmlid_namespace",
  defaultSeverity: "error",
  guardsPlan: true,
  summary:
    "The migration's `xmlid` namespace starts every external ID the migration gives a record (`namespace.name`): Odoo takes letters, digits and underscores there, not starting with a digit.",
  example: {
    wrong:
      'migration pb {\n  source perfectbooks\n  target odoo "17.0"\n  xmlid "perfect-books"\n}\nsource perfectbooks {\n  entity Company "companies.csv" key id { id text }\n}',
    reported: 'the xmlid namespace "perfect-books" can hold only letters, digits and underscores, not starting with a digit: e.g. "perfect_books"',
    right:
      'migration pb {\n  source perfectbooks\n  target odoo "17.0"\n  xmlid "perfect_books"\n}\nsource perfectbooks {\n  entity Company "companies.csv" key id { id text }\n}',
    selfContained: true,
  },
  check({ target }) {
    const migration = target.migration;
    if (migration === undefined || isExternalIdNamespace(target.namespace)) return [];
    // The namespace is the last `xmlid` that gives one, as resolveTarget takes it.
    const setting = migration.declaration.items
      .filter((item): item is A.XmlidSetting => item.kind === "XmlidSetting" && item.namespace.kind === "StringLiteral")
      .pop();
    if (setting === undefined || setting.namespace.kind !== "StringLiteral") return [];
    const usable = usableNamespace(target.namespace, migration.declaration.name.kind === "Name" ? migration.declaration.name.value : "migration");
    return [
      {
        file: migration.file,
        range: setting.namespace.range,
        message: `the xmlid namespace "${target.namespace}" can hold only letters, digits and underscores, not starting with a digit: e.g. "${usable}"`,
        fixes: [replaceFix(`Change to "${usable}"`, migration.file, setting.namespace.range, JSON.stringify(usable))],
      },
    ];
  },
};
