import type { UnresolvedKind } from "../bound-package.js";
import { didYouMean, replaceFix, type Rule } from "./rule.js";

const WHAT: Partial<Record<UnresolvedKind, (name: string, scope: string | undefined) => string>> = {
  step: (name) => `\`${name}\` is not a built-in, a table, a lookup or a named step`,
  alias: (name) => `no map or split target is called ${name} (an alias comes from \`as name\` or \`name: model\`)`,
  "inactive-alias": (name, scope) =>
    `${name} loads nothing here: its map runs only if ${scope ?? "its condition holds"}; put this under the same \`if ${scope ?? "..."} { ... }\``,
  record: (name, scope) => `no ${scope === undefined ? "" : `${scope} `}record is called ${name}: declare it in a \`records\` block`,
  "bare-value": (name, scope) => `\`${name}\` names no record${scope === undefined ? "" : `, and ${scope}`}: write text in quotes, \`"${name}"\``,
  group: (name, scope) => `${scope ?? "the entity"} has no column group ${name}`,
  import: (name, scope) =>
    scope === undefined || scope.includes("/")
      ? `nothing to import at ${name} (looked for ${scope ?? name})`
      : `${scope} declares no table, lookup or entity called ${name}`,
  source: (name) => `no source is called ${name}`,
};

export const unknownName: Rule = {
  code: "FM203",
  name: "unknown_name",
  defaultSeverity: "error",
  guardsPlan: true,
  summary:
    "A pipeline step, alias, record, column group, source or import names nothing the package declares; so does a bare name written as a value that is meant as text.",
  example: {
    wrong: "map Company -> res.partner { name <- name | trimm }",
    reported: "`trimm` is not a built-in, a table, a lookup or a named step; did you mean `trim`?",
    right: "map Company -> res.partner { name <- name | trim }",
  },
  check({ bound }) {
    return bound.unresolved.flatMap((entry) => {
      const describe = WHAT[entry.kind];
      if (describe === undefined) return [];
      const best = entry.candidates[0];
      const fix =
        entry.kind === "bare-value"
          ? replaceFix(`Write "${entry.name}"`, entry.file, entry.range, JSON.stringify(entry.name))
          : best === undefined
            ? undefined
            : replaceFix(`Change to ${best}`, entry.file, entry.range, best);
      return [
        {
          file: entry.file,
          range: entry.range,
          message: `${describe(entry.name, entry.scope)}${didYouMean(entry.candidates)}`,
          ...(fix === undefined ? {} : { fixes: [fix] }),
        },
      ];
    });
  },
};
