import type { Finding, Rule } from "./rule.js";

export const dependencyCycle: Rule = {
  code: "FM603",
  name: "dependency_cycle",
  defaultSeverity: "error",
  summary:
    "Targets that point to each other through fields Odoo requires: neither can be loaded first, and a second pass cannot help (optional fields in a cycle are written in a second pass).",
  example: {
    wrong:
      'extend res.partner { x_first_order many2one sale.order "First order" required }\nmap Quote -> sale.order as quote { partner_id <- customer | ref customer }\nmap Customer -> res.partner as customer { name <- name  x_first_order <- first_quote | ref quote }',
    reported:
      "customer and quote point to each other through required fields (quote.partner_id → customer, customer.x_first_order → quote): make one of them optional so that it is written in a second pass",
    right:
      'extend res.partner { x_first_order many2one sale.order "First order" }  // not required\nmap Quote -> sale.order as quote { partner_id <- customer | ref customer }\nmap Customer -> res.partner as customer { name <- name  x_first_order <- first_quote | ref quote }',
  },
  check({ dependencies }) {
    const findings: Finding[] = [];
    for (const cycle of dependencies.cycles) {
      const names = cycle.targets.map((target) => target.alias).join(" and ");
      const edges = cycle.edges.map((edge) => `${edge.from.alias}.${edge.assignment?.fieldName.value ?? (edge.kind === "parent" ? "parent" : "when")} → ${edge.to.alias}`).join(", ");
      const anchor = cycle.edges[0]?.assignment;
      const target = cycle.targets[0];
      if (target === undefined) continue;
      findings.push({
        file: anchor?.file ?? target.file,
        range: anchor?.fieldName.range ?? target.nameRange,
        message:
          cycle.targets.length === 1
            ? `${target.alias}.${anchor?.fieldName.value ?? "?"} is required and points to ${target.alias} records, which may not exist yet when it is loaded: make it optional so that it is written in a second pass`
            : `${names} point to each other through required fields (${edges}): make one of them optional so that it is written in a second pass`,
      });
    }
    return findings;
  },
};
