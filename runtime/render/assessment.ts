/** The assessment for people: a terminal summary and a self-contained HTML page. */
import type { Assessment, LookupAssessment } from "../lifecycle/assess.js";
import { renderHtmlPage, type HtmlBlock } from "./html.js";
import { matchFieldsText } from "../transform/evaluate.js";

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}

/** Columns padded to a common width: the first left-aligned, the others right-aligned. */
export function textTable(header: readonly string[], rows: readonly (readonly (string | number)[])[], indent = "  "): string[] {
  const cells = [header, ...rows.map((row) => row.map((cell) => (typeof cell === "number" ? cell.toLocaleString("en") : cell)))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? "").length)));
  return cells.map(
    (row) =>
      indent +
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
        .join("  ")
        .trimEnd(),
  );
}

function policyText(lookup: LookupAssessment): string {
  return lookup.missing.policy === "fallback" ? `missing fallback ${JSON.stringify(lookup.missing.value)}` : `missing ${lookup.missing.policy}`;
}

function shortList(values: readonly { readonly value: string; readonly rows: number }[], limit: number): string {
  const shown = values.slice(0, limit).map((entry) => `${entry.value} (${plural(entry.rows, "row")})`);
  const more = values.length - limit;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
}

/** The summary printed by `flitmap plan`: every section, long lists cut to their first entries. */
export function assessmentText(assessment: Assessment): string {
  const lines: string[] = [];
  const { totals } = assessment;
  lines.push(`Assessment of ${assessment.migration}: the export in ${assessment.sourceDirectory}, for Odoo ${assessment.target.series}`);
  lines.push(`What the target holds comes from ${assessment.target.description}.`);
  if (assessment.masked) lines.push("Columns the package marks personal are masked (‹personal #n›).");
  if (assessment.outcome !== "ready") lines.push(`A run would be ${assessment.outcome}: ${assessment.message ?? ""}`);
  lines.push("");
  lines.push(
    `${plural(totals.rowsRead, "row")} read, ${plural(totals.records, "record")} to write, ${plural(totals.rejectedRows, "row")} rejected, ${plural(totals.unmatchedLookupRows, "lookup value")} matching nothing, ${plural(totals.customFieldsToCreate, "custom field")} and ${plural(totals.recordsToCreate, "reference record")} to create${totals.appsMissing > 0 ? `, ${plural(totals.appsMissing, "app")} missing` : ""}`,
  );

  lines.push("", "Rows per entity");
  lines.push(
    ...textTable(
      ["entity", "read", "loaded", "merged", "linked", "skipped", "rejected", "duplicates"],
      assessment.entities.map((entity) => [entity.entity, entity.read, entity.loaded, entity.merged, entity.linked, entity.skipped, entity.rejected, entity.duplicates]),
    ),
  );
  const detected = assessment.entities.flatMap((entity) =>
    entity.files.filter((file) => file.note !== undefined).map((file) => `${file.file}: ${file.note ?? ""}`),
  );
  if (detected.length > 0) {
    lines.push("", "Encodings detected");
    for (const note of detected) lines.push(`  ${note}`);
  }
  lines.push("", "Records per step");
  lines.push(
    ...textTable(
      ["step", "model", "records", "skipped", "rejected", "second pass"],
      assessment.steps.map((step) => [step.step, step.model, step.records, step.skipped, step.rejected, step.deferred]),
    ),
  );

  setupText(assessment, lines);

  lines.push("", "Lookups (owners and other records the target must already hold)");
  for (const lookup of assessment.lookups) {
    lines.push(
      `  ${lookup.lookup}: ${lookup.model} by ${matchFieldsText(lookup)}, ${policyText(lookup)}; ${plural(lookup.targetRecords, "record")} to match`,
    );
    lines.push(
      `    ${plural(lookup.matchedRows, "row")} match (${plural(lookup.matched.length, "value")}), ${plural(lookup.unmatchedRows, "row")} match nothing (${plural(lookup.unmatched.length, "value")})${lookup.unmatchedRows > 0 ? `: ${lookup.consequence}` : ""}`,
    );
    if (lookup.unmatched.length > 0) lines.push(`    no match: ${shortList(lookup.unmatched, 8)}`);
  }

  if (assessment.links.length > 0) {
    lines.push("", "Many-to-many links collapsed into one record");
    for (const link of assessment.links) {
      lines.push(
        `  ${link.linkedEntity} rows into ${link.step} (${link.model}) by ${link.by}${link.orderBy === undefined ? "" : `, ordered by ${link.orderBy}${link.descending ? " desc" : ""}`}${link.filter === undefined ? "" : `, when ${link.filter}`}: ${plural(link.linkRows, "link row")}, ${plural(link.withLinks, "record")} with links, ${link.withSeveral} with several (up to ${link.mostOnOne})${link.dangling > 0 ? `, ${link.dangling} naming a ${link.entity} the export lacks` : ""}`,
      );
      for (const field of link.fields) lines.push(`    ${field.field} <- ${field.value}`);
    }
  }

  rejectedAndUnusedText(assessment, lines);

  lines.push("", "Apps");
  for (const app of assessment.apps.needed) {
    const absent = app.models.filter((model) => !model.present).map((model) => model.model);
    lines.push(
      `  ${app.installed ? "installed" : "MISSING  "}  ${app.title ?? app.module}: ${app.models.map((model) => model.model).join(", ")}${absent.length > 0 ? ` (the target lacks ${absent.join(", ")})` : ""}`,
    );
  }
  lines.push(`  the target's apps: ${assessment.apps.installed.join(", ") || "none"}`);

  if (assessment.warnings.length > 0) {
    lines.push("", "Warnings");
    for (const warning of assessment.warnings) lines.push(`  ${warning}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The assessment as one HTML page, with a filterable table per section. */
export function assessmentHtml(assessment: Assessment, generatedBy: string): string {
  const { totals } = assessment;
  const blocks: HtmlBlock[] = [
    {
      kind: "figures",
      figures: [
        { label: "rows read", value: totals.rowsRead },
        { label: "records to write", value: totals.records, tone: "good" },
        { label: "rows rejected", value: totals.rejectedRows, ...(totals.rejectedRows > 0 ? { tone: "bad" as const } : {}) },
        { label: "lookup values matching nothing", value: totals.unmatchedLookupRows, ...(totals.unmatchedLookupRows > 0 ? { tone: "warn" as const } : {}) },
        { label: "custom fields to create", value: totals.customFieldsToCreate },
        { label: "reference records to create", value: totals.recordsToCreate },
        { label: "apps missing", value: totals.appsMissing, ...(totals.appsMissing > 0 ? { tone: "bad" as const } : {}) },
      ],
    },
    { kind: "paragraph", text: `What the target holds comes from ${assessment.target.description}.` },
  ];
  if (assessment.masked) blocks.push({ kind: "paragraph", text: "Columns the package marks personal are masked (‹personal #n›)." });
  if (assessment.outcome !== "ready")
    blocks.push({ kind: "paragraph", tone: "bad", text: `A run would be ${assessment.outcome}: ${assessment.message ?? ""}` });
  if (assessment.warnings.length > 0) blocks.push({ kind: "heading", text: "Warnings" }, { kind: "list", items: assessment.warnings });

  blocks.push(
    ...rowBlocks(assessment),
    ...setupBlocks(assessment),
    ...lookupBlocks(assessment),
    ...linkBlocks(assessment),
    ...rejectBlocks(assessment),
    ...valueBlocks(assessment),
    ...unusedBlocks(assessment),
    ...appBlocks(assessment),
  );
  return renderHtmlPage({
    title: `Assessment of ${assessment.migration}`,
    subtitle: `The export in ${assessment.sourceDirectory}, for Odoo ${assessment.target.series}: what a run would do, before anything moves.`,
    blocks,
    footer: generatedBy,
  });
}

/** Rows per entity and records per step. */
function rowBlocks(assessment: Assessment): HtmlBlock[] {
  return [
    { kind: "heading", text: "Rows per entity" },
    {
      kind: "table",
      id: "entities",
      columns: [
        { title: "entity" },
        { title: "files" },
        { title: "read", align: "right" },
        { title: "loaded", align: "right" },
        { title: "merged", align: "right" },
        { title: "linked", align: "right" },
        { title: "skipped", align: "right" },
        { title: "rejected", align: "right" },
        { title: "duplicates", align: "right" },
      ],
      rows: assessment.entities.map((entity) => [
        entity.entity,
        entity.files
          .map(
            (file) =>
              `${file.file} (${file.encoding}, "${file.delimiter}"${file.detected ? ", detected" : ""})${file.note === undefined ? "" : `: ${file.note}`}`,
          )
          .join("\n"),
        entity.read,
        entity.loaded,
        entity.merged,
        entity.linked,
        entity.skipped,
        entity.rejected,
        entity.duplicates,
      ]),
    },
    { kind: "heading", text: "Records per step" },
    {
      kind: "table",
      id: "steps",
      columns: [
        { title: "step" },
        { title: "entity" },
        { title: "model", filter: "select" },
        { title: "records", align: "right" },
        { title: "skipped", align: "right" },
        { title: "rejected", align: "right" },
        { title: "second pass", align: "right" },
      ],
      rows: assessment.steps.map((step) => [step.step, step.entity, step.model, step.records, step.skipped, step.rejected, step.deferred]),
    },
  ];
}

/** What the setup creates: custom fields and reference records. */
function setupBlocks(assessment: Assessment): HtmlBlock[] {
  return [
    { kind: "heading", text: "Custom fields" },
    {
      kind: "table",
      id: "custom-fields",
      columns: [
        { title: "model", filter: "select" },
        { title: "field" },
        { title: "type" },
        { title: "label" },
        { title: "status", filter: "select" },
        { title: "detail" },
      ],
      rows: assessment.customFields.map((field) => [field.model, field.name, field.type, field.label, field.status, field.detail ?? ""]),
      empty: "the package adds no custom field",
    },
    { kind: "heading", text: "Reference records" },
    {
      kind: "table",
      id: "records",
      columns: [{ title: "model", filter: "select" }, { title: "name" }, { title: "external ID" }, { title: "status", filter: "select" }, { title: "detail" }],
      rows: assessment.records.map((record) => [record.model, record.name, record.xmlid, record.status, record.detail ?? ""]),
      empty: "the package declares no reference record",
    },
  ];
}

/** Lookups, and every value the export asks one for. */
function lookupBlocks(assessment: Assessment): HtmlBlock[] {
  return [
    { kind: "heading", text: "Lookups" },
    {
      kind: "table",
      id: "lookups",
      columns: [
        { title: "lookup" },
        { title: "model" },
        { title: "match by" },
        { title: "policy" },
        { title: "records in the target", align: "right" },
        { title: "rows matching", align: "right" },
        { title: "rows matching nothing", align: "right" },
        { title: "then" },
      ],
      rows: assessment.lookups.map((lookup) => [
        lookup.lookup,
        lookup.model,
        matchFieldsText(lookup),
        policyText(lookup),
        lookup.targetRecords,
        lookup.matchedRows,
        lookup.unmatchedRows,
        lookup.consequence,
      ]),
      empty: "the package uses no lookup",
    },
    {
      kind: "table",
      id: "lookup-values",
      caption: "Every value the export asks a lookup for",
      columns: [
        { title: "lookup", filter: "select" },
        { title: "value" },
        { title: "rows", align: "right" },
        { title: "matches", filter: "select" },
        { title: "record or consequence" },
        { title: "steps" },
      ],
      rows: assessment.lookups.flatMap((lookup) => [
        ...lookup.unmatched.map((entry) => [lookup.lookup, entry.value, entry.rows, "no", lookup.consequence, entry.steps.join(", ")]),
        ...lookup.matched.map((entry) => [lookup.lookup, entry.value, entry.rows, "yes", entry.record ?? "", entry.steps.join(", ")]),
      ]),
      empty: "no row asks a lookup for a value",
    },
  ];
}

/** The N:N links collapsed into records. */
function linkBlocks(assessment: Assessment): HtmlBlock[] {
  return [
    { kind: "heading", text: "Many-to-many links" },
    {
      kind: "table",
      id: "links",
      columns: [
        { title: "linked rows" },
        { title: "into" },
        { title: "by" },
        { title: "link rows", align: "right" },
        { title: "records with links", align: "right" },
        { title: "with several", align: "right" },
        { title: "most on one", align: "right" },
        { title: "dangling", align: "right" },
        { title: "how they are collapsed" },
      ],
      rows: assessment.links.map((link) => [
        link.linkedEntity,
        `${link.step} (${link.model})`,
        `${link.by}${link.orderBy === undefined ? "" : `, order by ${link.orderBy}${link.descending ? " desc" : ""}`}${link.filter === undefined ? "" : `, when ${link.filter}`}`,
        link.linkRows,
        link.withLinks,
        link.withSeveral,
        link.mostOnOne,
        link.dangling,
        link.fields.map((field) => `${field.field} <- ${field.value}`).join("\n"),
      ]),
      empty: "the package collapses no link rows",
    },
  ];
}

/** Rejected rows, by reason, with examples. */
function rejectBlocks(assessment: Assessment): HtmlBlock[] {
  return [
    { kind: "heading", text: "Rejected rows" },
    {
      kind: "table",
      id: "reject-groups",
      columns: [{ title: "entity", filter: "select" }, { title: "step" }, { title: "reason" }, { title: "rows", align: "right" }],
      rows: assessment.rejects.groups.map((group) => [group.entity, group.step ?? "(reading)", group.pattern, group.count]),
      empty: "no row would be rejected",
    },
    {
      kind: "table",
      id: "reject-examples",
      caption: "Examples (up to 3 per reason)",
      columns: [{ title: "entity", filter: "select" }, { title: "file" }, { title: "line", align: "right" }, { title: "key" }, { title: "reason" }],
      rows: assessment.rejects.groups.flatMap((group) =>
        group.examples.map((example) => [group.entity, example.file ?? "", example.line ?? null, example.key ?? "", example.reason]),
      ),
      empty: "no row would be rejected",
    },
  ];
}

/** Values left empty, replaced or cut. */
function valueBlocks(assessment: Assessment): HtmlBlock[] {
  return [
    { kind: "heading", text: "Values left empty, replaced or cut" },
    {
      kind: "table",
      id: "values",
      columns: [
        { title: "step", filter: "select" },
        { title: "field" },
        { title: "what", filter: "select" },
        { title: "rows", align: "right" },
        { title: "examples" },
      ],
      rows: assessment.values.map((note) => [note.step, note.field, note.kind, note.count, note.examples.join("\n")]),
      empty: "every value is written as read",
    },
  ];
}

/** Source data no mapping reads. */
function unusedBlocks(assessment: Assessment): HtmlBlock[] {
  return [
    { kind: "heading", text: "Source data no mapping reads" },
    {
      kind: "table",
      id: "unused",
      columns: [{ title: "entity or file", filter: "select" }, { title: "column" }, { title: "header" }, { title: "why", filter: "select" }],
      rows: [
        ...assessment.unused.columns.map((column) => [column.entity, column.column, column.header, column.why]),
        ...assessment.unused.headers.map((header) => [header.file, "", header.header, "declared by no entity"]),
        ...assessment.unused.files.map((file) => [
          file,
          "",
          "",
          assessment.unused.workflowFiles.includes(file) ? "workflow definitions (flitmap workflows)" : "read by no entity",
        ]),
      ],
      empty: "every column and file of the export is read",
    },
  ];
}

/** The apps the package needs and the target has. */
function appBlocks(assessment: Assessment): HtmlBlock[] {
  return [
    { kind: "heading", text: "Apps" },
    {
      kind: "table",
      id: "apps",
      columns: [{ title: "module" }, { title: "installed", filter: "select" }, { title: "models the package needs" }, { title: "models the target lacks" }],
      rows: assessment.apps.needed.map((app) => [
        app.title ?? app.module,
        app.installed ? "yes" : "no",
        app.models.map((model) => model.model).join(", "),
        app.models
          .filter((model) => !model.present)
          .map((model) => model.model)
          .join(", "),
      ]),
    },
    { kind: "paragraph", text: `The target's apps: ${assessment.apps.installed.join(", ") || "none"}.` },
  ];
}

/** The custom fields and reference records the setup creates. */
function setupText(assessment: Assessment, lines: string[]): void {
  const toCreate = assessment.customFields.filter((field) => field.status === "create");
  lines.push("", `Custom fields: ${toCreate.length} to create, ${assessment.customFields.length - toCreate.length} already there`);
  for (const field of assessment.customFields)
    lines.push(
      `  ${field.status === "create" ? "create" : "exists"}  ${field.model}.${field.name} (${field.type}, "${field.label}")${field.detail === undefined ? "" : `: ${field.detail}`}`,
    );
  const byStatus = (status: string): number => assessment.records.filter((record) => record.status === status).length;
  lines.push(
    "",
    `Reference records: ${byStatus("create")} to create, ${byStatus("matched")} matched by name, ${byStatus("exists")} already there${byStatus("missing") > 0 ? `, ${byStatus("missing")} MISSING` : ""}${byStatus("unknown") > 0 ? `, ${byStatus("unknown")} not known to the catalog` : ""}`,
  );
  for (const record of assessment.records.filter((candidate) => candidate.status !== "exists"))
    lines.push(`  ${record.status}  ${record.model} ${record.name} (${record.xmlid})${record.detail === undefined ? "" : `: ${record.detail}`}`);
}

/** Rejected rows by reason, values changed on the way, and what no mapping reads. */
function rejectedAndUnusedText(assessment: Assessment, lines: string[]): void {
  lines.push("", `Rejected rows: ${assessment.rejects.total}`);
  for (const group of assessment.rejects.groups) {
    lines.push(`  ${String(group.count).padStart(5)}  ${group.entity}${group.step === undefined ? "" : ` (${group.step})`}: ${group.pattern}`);
    for (const example of group.examples)
      lines.push(
        `         ${example.file ?? ""}${example.line === undefined ? "" : `:${example.line}`}${example.key === undefined ? "" : ` key ${example.key}`}: ${example.reason}`,
      );
  }

  if (assessment.values.length > 0) {
    lines.push("", "Values left empty, replaced or cut (the record still loads)");
    for (const note of assessment.values) lines.push(`  ${String(note.count).padStart(5)}  ${note.step}.${note.field} ${note.kind}: ${note.examples[0] ?? ""}`);
  }

  const { unused } = assessment;
  lines.push("", "Source data no mapping reads");
  if (unused.columns.length === 0 && unused.headers.length === 0 && unused.files.length === 0) lines.push("  none");
  for (const column of unused.columns) lines.push(`  ${column.entity}.${column.column} ("${column.header}"): ${column.why}`);
  for (const header of unused.headers) lines.push(`  ${header.file}: column "${header.header}" is declared by no entity`);
  if (unused.files.length > 0)
    lines.push(
      `  files no entity reads: ${unused.files.map((file) => (unused.workflowFiles.includes(file) ? `${file} (workflow definitions: \`flitmap workflows\` renders them to rebuild by hand)` : file)).join(", ")}`,
    );
}
