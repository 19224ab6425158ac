import type * as A from "../../language/ast.js";
import type { Finding, Rule } from "./rule.js";

export const migrationBlock: Rule = {
  code: "FM205",
  name: "migration_block",
  defaultSeverity: "error",
  guardsPlan: true,
  summary: "A package needs exactly one `migration` block, naming a source the package declares: without one it cannot be compiled or run.",
  example: {
    wrong: 'source perfectbooks {\n  entity Company "companies.csv" key id { id text  name text }\n}\nmap Company -> res.partner { name <- name }',
    reported: 'this package maps data but has no migration block: add `migration name { source ...  target odoo "17.0" }`',
    right:
      'migration pb { source perfectbooks  target odoo "17.0"  xmlid "pb" }\nsource perfectbooks {\n  entity Company "companies.csv" key id { id text  name text }\n}\nmap Company -> res.partner { name <- name }',
    selfContained: true,
  },
  check({ bound, target }) {
    const findings: Finding[] = [];
    const firstTarget = bound.targets[0];
    const firstFile = bound.files[0];
    if (target.migration === undefined && firstTarget !== undefined) {
      findings.push({
        file: firstTarget.file,
        range: firstTarget.declaration.range,
        message: 'this package maps data but has no migration block: add `migration name { source ...  target odoo "17.0" }`',
      });
    } else if (target.migration === undefined && firstFile !== undefined) {
      // Nothing to compile or run without one; said once, where the package starts.
      const start = firstFile.document.range.start;
      findings.push({
        file: firstFile.path,
        range: firstFile.document.declarations[0]?.range ?? { start, end: start },
        message: 'this package has no migration block, so it cannot be compiled or run: add `migration name { source ...  target odoo "17.0" }`',
      });
    }
    for (const other of target.otherMigrations) {
      findings.push({
        file: other.file,
        range: other.declaration.name.range,
        message: `a package has one migration block; this is another (the first is in ${target.migration?.file.split("/").pop() ?? "this package"})`,
      });
    }
    const migration = target.migration;
    if (migration !== undefined) {
      const sources = migration.declaration.items.filter((item): item is A.SourceReference => item.kind === "SourceReference");
      if (sources.length === 0 && bound.sources.size > 0) {
        findings.push({
          file: migration.file,
          range: migration.declaration.name.range,
          message: `the migration names no source: add \`source ${[...bound.sources.keys()][0] ?? "name"}\``,
        });
      }
      const [firstDeleted, ...otherDeleted] = migration.declaration.items.filter((item): item is A.DeletedSetting => item.kind === "DeletedSetting");
      for (const other of otherDeleted) {
        findings.push({
          file: migration.file,
          range: other.range,
          message: `the migration says once what happens to records whose source row is gone; the first \`deleted\` (${firstDeleted?.policy.kind === "Name" ? firstDeleted.policy.value : "…"}) counts: remove this one`,
        });
      }
      for (const source of sources) {
        if (source.source.kind === "Missing" || bound.sources.has(source.source.value)) continue;
        findings.push({
          file: migration.file,
          range: source.source.range,
          message: `no source is called ${source.source.value}${bound.sources.size > 0 ? `; this package declares ${[...bound.sources.keys()].join(", ")}` : ""}`,
        });
      }
    }
    return findings;
  },
};
