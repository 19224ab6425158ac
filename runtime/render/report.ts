/** The audit report as Markdown (to keep with the migration's records) and as a self-contained HTML page. */
import { renderHtmlPage, type HtmlBlock } from "./html.js";
import type { Decision } from "../lifecycle/decisions.js";
import type { AuditReport } from "../lifecycle/report.js";

/** A Markdown table cell: pipes escaped, line breaks as <br>. */
function cell(value: string | number | undefined): string {
  if (value === undefined) return "";
  const text = typeof value === "number" ? value.toLocaleString("en") : value;
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

function table(header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[], right: ReadonlySet<number> = new Set()): string[] {
  return [
    `| ${header.map(cell).join(" | ")} |`,
    `| ${header.map((_, index) => (right.has(index) ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ];
}

export function seconds(ms: number | undefined): string {
  return ms === undefined ? "" : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

const DECISION_TITLES: Readonly<Record<Decision["kind"], string>> = {
  "lookup-fallback": "lookup fell back",
  "lookup-ambiguous": "lookup settled an ambiguous value",
  "ref-ambiguous": "link settled an ambiguous name",
  "lookup-missing": "lookup found nothing",
  "table-default": "table default used",
  flagged: "value left empty",
  truncated: "value cut",
  default: "default used",
  "dangling-reference": "reference left empty",
  "optional-link": "optional link left empty",
  "collapsed-links": "links collapsed",
  "deduplicated-keys": "duplicate keys merged",
  "matched-record": "existing record used",
  "existing-field": "existing field used",
  "left-out": "rows left out",
  disappeared: "records gone from the export",
  unarchived: "records back in the export",
};

export function decisionTitle(decision: Decision): string {
  return DECISION_TITLES[decision.kind];
}

/** A row of the rows-per-entity table, in the Markdown and the HTML report alike. */
function entityCells(entity: AuditReport["entities"][number]): (string | number)[] {
  return [
    entity.entity,
    entity.rowsIn,
    entity.loaded,
    entity.linked,
    entity.skipped,
    entity.rejected,
    entity.duplicates,
    entity.notSelected,
    entity.balanced ? "yes" : "NO",
  ];
}

/** A row of the records-per-model table, in the Markdown and the HTML report alike. */
function modelCells(model: AuditReport["models"][number]): (string | number)[] {
  return [
    model.step,
    model.model,
    model.loaded,
    model.created,
    model.updated,
    model.unchanged,
    model.skipped,
    model.rejected,
    model.secondPass,
    seconds(model.ms),
  ];
}

export function reportMarkdown(report: AuditReport): string {
  const lines: string[] = [];
  lines.push(`# Audit report: ${report.migration}, run ${report.run}`, "");
  lines.push(
    ...table(
      ["", ""],
      [
        ["state", `${report.state}${report.attempts > 1 ? ` (${report.attempts} attempts)` : ""}`],
        ["mode", report.mode],
        ["target", report.target],
        ["rows", report.selection],
        ["started", report.started],
        ["ended", report.ended],
        ["duration", seconds(report.durationMs)],
        ["throughput", report.rowsPerSecond === undefined ? undefined : `${report.rowsPerSecond.toLocaleString("en")} rows/s`],
      ].filter((row) => row[1] !== undefined && row[1] !== ""),
    ),
  );
  if (report.masked) lines.push("", "Columns the package marks personal are masked (‹personal #n›).");
  if (report.warnings.length > 0) {
    lines.push("", "## Warnings", "");
    for (const warning of report.warnings) lines.push(`- ${warning}`);
  }
  lines.push("", "## Rows per entity", "");
  lines.push(
    ...table(
      ["entity", "rows in", "loaded", "linked", "skipped", "rejected", "duplicates", "left out", "adds up"],
      report.entities.map(entityCells),
      new Set([1, 2, 3, 4, 5, 6, 7]),
    ),
  );
  lines.push("", "## Records per model", "");
  lines.push(
    ...table(
      ["step", "model", "loaded", "created", "updated", "unchanged", "skipped", "rejected", "second pass", "time"],
      report.models.map(modelCells),
      new Set([2, 3, 4, 5, 6, 7, 8, 9]),
    ),
  );
  if (report.models.some((model) => model.ms !== undefined))
    lines.push("", "A step's time runs from the previous step's last batch Odoo acknowledged to its own last one (the first step's includes the setup).");
  setupDecisionsAndRejectsMarkdown(report, lines);

  return `${lines.join("\n")}\n`;
}

export function reportHtml(report: AuditReport, generatedBy: string): string {
  const blocks: HtmlBlock[] = [
    {
      kind: "figures",
      figures: [
        { label: "state", value: report.state, tone: report.state === "complete" ? "good" : "bad" },
        { label: "rows in", value: report.entities.reduce((sum, entity) => sum + entity.rowsIn, 0) },
        { label: "records loaded", value: report.models.reduce((sum, model) => sum + model.loaded, 0), tone: "good" },
        { label: "rows rejected", value: report.rejects.total, ...(report.rejects.total > 0 ? { tone: "bad" as const } : {}) },
        { label: "decisions", value: report.decisions.length, ...(report.decisions.length > 0 ? { tone: "warn" as const } : {}) },
        { label: "duration", value: seconds(report.durationMs) || "?" },
      ],
    },
    {
      kind: "paragraph",
      text: `${report.mode} run into ${report.target}, ${report.selection}; started ${report.started}${report.ended === undefined ? "" : `, ended ${report.ended}`}.`,
    },
  ];
  if (report.masked) blocks.push({ kind: "paragraph", text: "Columns the package marks personal are masked (‹personal #n›)." });
  if (report.warnings.length > 0) blocks.push({ kind: "heading", text: "Warnings" }, { kind: "list", items: report.warnings });
  blocks.push(
    { kind: "heading", text: "Rows per entity" },
    {
      kind: "table",
      id: "entities",
      columns: [
        { title: "entity" },
        { title: "rows in", align: "right" },
        { title: "loaded", align: "right" },
        { title: "linked", align: "right" },
        { title: "skipped", align: "right" },
        { title: "rejected", align: "right" },
        { title: "duplicates", align: "right" },
        { title: "left out", align: "right" },
        { title: "adds up", filter: "select" },
      ],
      rows: report.entities.map(entityCells),
      empty: "the run left no counts",
    },
    { kind: "heading", text: "Records per model" },
    {
      kind: "table",
      id: "models",
      columns: [
        { title: "step" },
        { title: "model", filter: "select" },
        { title: "loaded", align: "right" },
        { title: "created", align: "right" },
        { title: "updated", align: "right" },
        { title: "unchanged", align: "right" },
        { title: "skipped", align: "right" },
        { title: "rejected", align: "right" },
        { title: "second pass", align: "right" },
        { title: "time", align: "right" },
      ],
      rows: report.models.map(modelCells),
      empty: "the run wrote nothing",
    },
    ...decisionRejectAndSetupBlocks(report),
  );
  return renderHtmlPage({ title: `Audit report: ${report.migration}, run ${report.run}`, blocks, footer: generatedBy });
}

/** The setup, the decisions on values and the rejected rows, as Markdown sections. */
function setupDecisionsAndRejectsMarkdown(report: AuditReport, lines: string[]): void {
  lines.push("", "## Setup", "");
  lines.push(`${report.setup.created} created, ${report.setup.matched} matched by name, ${report.setup.existing} already there.`);
  const created = report.setup.items.filter((item) => item.action === "created");
  if (created.length > 0)
    lines.push(
      "",
      ...table(
        ["kind", "model", "name"],
        created.map((item) => [item.kind, item.model, item.name]),
      ),
    );
  lines.push("", "## Decisions", "");
  if (report.decisions.length === 0) lines.push("Every value was written as read: no decision to report.");
  else
    lines.push(
      ...table(
        ["decision", "where", "rows", "what was done", "examples"],
        report.decisions.map((decision) => [decisionTitle(decision), decision.where, decision.count, decision.what, decision.examples.join("\n")]),
        new Set([2]),
      ),
    );
  lines.push("", `## Rejected rows (${report.rejects.total})`, "");
  if (report.rejects.groups.length === 0) lines.push("No row was rejected.");
  else
    lines.push(
      ...table(
        ["entity", "step", "reason", "rows", "examples"],
        report.rejects.groups.map((group) => [
          group.entity,
          group.step ?? "(reading)",
          group.pattern,
          group.count,
          group.examples.map((example) => `${example.file ?? ""}${example.line === undefined ? "" : `:${example.line}`}: ${example.reason}`).join("\n"),
        ]),
        new Set([3]),
      ),
    );
}

/** The decisions on values, the rejected rows and the setup, as filterable tables. */
function decisionRejectAndSetupBlocks(report: AuditReport): HtmlBlock[] {
  return [
    { kind: "heading", text: "Decisions" },
    {
      kind: "table",
      id: "decisions",
      columns: [
        { title: "decision", filter: "select" },
        { title: "where", filter: "select" },
        { title: "rows", align: "right" },
        { title: "what was done" },
        { title: "examples" },
      ],
      rows: report.decisions.map((decision) => [decisionTitle(decision), decision.where, decision.count, decision.what, decision.examples.join("\n")]),
      empty: "every value was written as read",
    },
    { kind: "heading", text: "Rejected rows" },
    {
      kind: "table",
      id: "rejects",
      columns: [{ title: "entity", filter: "select" }, { title: "step" }, { title: "reason" }, { title: "rows", align: "right" }, { title: "examples" }],
      rows: report.rejects.groups.map((group) => [
        group.entity,
        group.step ?? "(reading)",
        group.pattern,
        group.count,
        group.examples.map((example) => `${example.file ?? ""}${example.line === undefined ? "" : `:${example.line}`}: ${example.reason}`).join("\n"),
      ]),
      empty: "no row was rejected",
    },
    { kind: "heading", text: "Setup" },
    {
      kind: "table",
      id: "setup",
      columns: [{ title: "kind", filter: "select" }, { title: "model", filter: "select" }, { title: "name" }, { title: "action", filter: "select" }],
      rows: report.setup.items.map((item) => [item.kind, item.model, item.name, item.action]),
      empty: "the package sets nothing up",
    },
  ];
}
