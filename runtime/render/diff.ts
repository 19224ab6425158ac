/** What `flitmap diff` shows: a terminal summary, and a self-contained HTML page with filters by model and field. */
import { renderHtmlPage, type HtmlBlock } from "./html.js";
import type { DiffReport } from "../lifecycle/diff.js";

function plural(count: number, word: string): string {
  return `${count.toLocaleString("en")} ${word}${count === 1 ? "" : "s"}`;
}

function totalDifferences(report: DiffReport): number {
  return report.groups.reduce((total, group) => total + group.count, 0);
}

/** The terminal summary: counts, then each model and field that differs with a few examples. */
export function diffSummary(report: DiffReport): string {
  const records = report.records.reduce((total, entry) => total + entry.count, 0);
  const differences = totalDifferences(report);
  const lines = [
    `compared ${plural(records, "record")} (${report.records.map((entry) => `${entry.model} ${entry.count}`).join(", ") || "none"}), ${plural(report.values, "field value")}${report.run === undefined ? "" : `, written by run ${report.run}`}`,
  ];
  lines.push(...setByOdooLines(report));
  if (differences === 0 && report.missing.length === 0) {
    lines.push("no differences: Odoo holds what the mapping says");
    return lines.join("\n");
  }
  lines.push(
    `${plural(differences, "difference")} in ${plural(report.groups.length, "field")}${report.missing.length > 0 ? `, ${plural(report.missing.length, "record")} missing from Odoo` : ""}:`,
  );
  for (const group of report.groups) {
    lines.push(`  ${group.model}.${group.field}: ${group.count}`);
    for (const example of group.examples.slice(0, 3))
      lines.push(`    ${example.xmlid} (id ${example.id}): mapping ${example.expected}, Odoo ${example.actual}`);
  }
  for (const record of report.missing.slice(0, 10)) lines.push(`  missing: ${record.model} ${record.xmlid}`);
  if (report.missing.length > 10) lines.push(`  ... and ${report.missing.length - 10} more missing`);
  if (report.masked.length > 0) lines.push(`values of ${report.masked.join(", ")} are masked: they come from columns marked personal`);
  return lines.join("\n");
}

/** Values Odoo set by its own rules, counted apart: they are not what the migration got wrong. */
function setByOdooLines(report: DiffReport): string[] {
  const count = report.setByOdoo.reduce((total, group) => total + group.count, 0);
  if (count === 0) return [];
  return [
    `${plural(count, "value")} set by Odoo itself, not differences:`,
    ...report.setByOdoo.map((group) => `  ${group.model}.${group.field}: ${group.count} (${group.why})`),
  ];
}

/** The page a specialist reads and shares: figures, differences per field, then every difference with filters. */
export function diffHtml(report: DiffReport): string {
  const records = report.records.reduce((total, entry) => total + entry.count, 0);
  const differences = totalDifferences(report);
  const blocks: HtmlBlock[] = [
    {
      kind: "figures",
      figures: [
        { label: "records compared", value: records },
        { label: "field values compared", value: report.values },
        { label: "differences", value: differences, tone: differences === 0 ? "good" : "bad" },
        { label: "missing from Odoo", value: report.missing.length, tone: report.missing.length === 0 ? "good" : "bad" },
      ],
    },
    { kind: "heading", text: "Differences by field" },
    {
      kind: "table",
      id: "fields",
      columns: [{ title: "model", filter: "select" }, { title: "field" }, { title: "differences", align: "right" }, { title: "example" }],
      rows: report.groups.map((group) => {
        const example = group.examples[0];
        return [group.model, group.field, group.count, example === undefined ? "" : `${example.xmlid}: mapping ${example.expected}, Odoo ${example.actual}`];
      }),
      empty: "no differences: Odoo holds what the mapping says",
    },
    { kind: "heading", text: "Every difference" },
  ];
  const setByOdoo: HtmlBlock[] =
    report.setByOdoo.length === 0
      ? []
      : [
          { kind: "heading", text: "Set by Odoo itself (not differences)" },
          {
            kind: "table",
            id: "set-by-odoo",
            columns: [
              { title: "model", filter: "select" },
              { title: "field" },
              { title: "values", align: "right" },
              { title: "Odoo's rule" },
              { title: "example" },
            ],
            rows: report.setByOdoo.map((group) => {
              const example = group.examples[0];
              return [
                group.model,
                group.field,
                group.count,
                group.why,
                example === undefined ? "" : `${example.xmlid}: mapping ${example.expected}, Odoo ${example.actual}`,
              ];
            }),
          },
        ];
  blocks.splice(2, 0, ...setByOdoo);
  if (!report.complete)
    blocks.push({
      kind: "paragraph",
      text: `The first ${report.differences.length.toLocaleString("en")} of ${differences.toLocaleString("en")} are listed; the counts above are complete.`,
      tone: "warn",
    });
  blocks.push({
    kind: "table",
    id: "differences",
    columns: [
      { title: "model", filter: "select" },
      { title: "field", filter: "select" },
      { title: "record" },
      { title: "id", align: "right" },
      { title: "mapping says" },
      { title: "Odoo holds" },
    ],
    rows: report.differences.map((difference) => [difference.model, difference.field, difference.xmlid, difference.id, difference.expected, difference.actual]),
    empty: "no differences",
  });
  if (report.missing.length > 0) {
    blocks.push({ kind: "heading", text: "Records missing from Odoo" });
    blocks.push({
      kind: "table",
      id: "missing",
      columns: [{ title: "model", filter: "select" }, { title: "record" }],
      rows: report.missing.map((record) => [record.model, record.xmlid]),
    });
  }
  blocks.push({ kind: "heading", text: "Records compared" });
  blocks.push({
    kind: "table",
    id: "records",
    columns: [{ title: "model" }, { title: "records", align: "right" }],
    rows: report.records.map((entry) => [entry.model, entry.count]),
    empty: "no migrated record was found to compare",
  });
  if (report.masked.length > 0)
    blocks.push({ kind: "paragraph", text: `Values of ${report.masked.join(", ")} are masked: they come from columns marked personal.` });
  return renderHtmlPage({
    title: `Diff of ${report.migration}`,
    subtitle: `${report.target}${report.run === undefined ? "" : `, records written by run ${report.run}`}`,
    blocks,
    footer: `Made by flitmap diff at ${report.generatedAt}`,
  });
}
