/**
 * Self-contained HTML pages for people to read and share (the assessment, the audit report, the
 * diff): one file, inline CSS and JS, no external asset, readable with scripts off. A page is a
 * title and a list of blocks; tables get a text filter over all cells and a select filter on the
 * columns that ask for one.
 *
 * ```ts
 * import { renderHtmlPage } from "../render/html.js";
 *
 * const html = renderHtmlPage({
 *   title: "Assessment of perfectbooks_to_odoo",
 *   subtitle: "export in ./sample, Odoo 17.0 catalog",
 *   blocks: [
 *     { kind: "figures", figures: [{ label: "rows read", value: 390 }, { label: "rejected", value: 8, tone: "bad" }] },
 *     { kind: "heading", text: "Rejected rows" },
 *     {
 *       kind: "table",
 *       id: "rejects",
 *       columns: [{ title: "entity", filter: "select" }, { title: "line", align: "right" }, { title: "reason" }],
 *       rows: [["Company", 24, "'Company Name' is required and blank"]],
 *       empty: "no row would be rejected",
 *     },
 *   ],
 * });
 * ```
 *
 * For tests and tools: every table is `<table data-table="ID">`, its rows `tbody tr`; a filtered-out
 * row has the `hidden` attribute; the text filter is `input[data-filter="ID"]`, a column's select is
 * `select[data-column-filter="ID"][data-column="N"]` (N from 0), and `[data-count="ID"]` reads
 * "N of M rows".
 */

export type Tone = "good" | "warn" | "bad";

export interface Figure {
  readonly label: string;
  readonly value: string | number;
  readonly tone?: Tone;
}

export interface TableColumn {
  readonly title: string;
  /** `select`: a drop-down of the column's distinct values (for columns with few of them). */
  readonly filter?: "select";
  readonly align?: "right";
}

export type Cell = string | number | null;

export type HtmlBlock =
  | { readonly kind: "heading"; readonly text: string; readonly level?: 2 | 3; readonly id?: string }
  | { readonly kind: "paragraph"; readonly text: string; readonly tone?: Tone }
  | { readonly kind: "figures"; readonly figures: readonly Figure[] }
  | { readonly kind: "list"; readonly items: readonly string[] }
  | { readonly kind: "code"; readonly text: string }
  | {
      readonly kind: "table";
      /** Unique on the page: letters, digits, `-` and `_`. */
      readonly id: string;
      readonly caption?: string;
      readonly columns: readonly TableColumn[];
      readonly rows: readonly (readonly Cell[])[];
      /** Shown instead of an empty table. */
      readonly empty?: string;
    };

export interface HtmlPage {
  readonly title: string;
  readonly subtitle?: string;
  readonly blocks: readonly HtmlBlock[];
  /** A line at the bottom, e.g. which Flitmap made the page and when. */
  readonly footer?: string;
}

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

function cellText(cell: Cell): string {
  return cell === null ? "" : typeof cell === "number" ? cell.toLocaleString("en") : cell;
}

const STYLE = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6472; --line: #d9dee7; --band: #f4f6fa; --good: #1f7a3a; --warn: #9a6200; --bad: #b3261e; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1200px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 18px 0 6px; }
.subtitle { color: var(--muted); margin: 0 0 16px; }
p.good { color: var(--good); } p.warn { color: var(--warn); } p.bad { color: var(--bad); }
.figures { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; }
.figure { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 120px; background: var(--band); }
.figure .value { font-size: 20px; font-weight: 600; }
.figure .label { color: var(--muted); font-size: 12px; }
.figure.good .value { color: var(--good); } .figure.warn .value { color: var(--warn); } .figure.bad .value { color: var(--bad); }
.controls { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin: 6px 0; }
.controls input { padding: 4px 8px; border: 1px solid var(--line); border-radius: 4px; min-width: 240px; font: inherit; }
.controls .count { color: var(--muted); font-size: 12px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 12px; }
caption { text-align: left; color: var(--muted); padding: 2px 0 6px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: var(--band); font-weight: 600; white-space: nowrap; }
th select { display: block; margin-top: 3px; font: inherit; font-weight: normal; max-width: 180px; }
td { white-space: pre-wrap; overflow-wrap: break-word; }
td.right, th.right { text-align: right; white-space: nowrap; }
tr[hidden] { display: none; }
.empty { color: var(--muted); font-style: italic; }
pre { background: var(--band); border: 1px solid var(--line); border-radius: 4px; padding: 8px 10px; overflow-x: auto; }
footer { color: var(--muted); font-size: 12px; margin-top: 32px; }
`;

// Written for old and new browsers alike: no modules, no build step, nothing fetched.
const SCRIPT = `
(function () {
  function apply(id) {
    var table = document.querySelector('table[data-table="' + id + '"]');
    if (!table) return;
    var input = document.querySelector('input[data-filter="' + id + '"]');
    var needle = input ? input.value.trim().toLowerCase() : "";
    var selects = document.querySelectorAll('select[data-column-filter="' + id + '"]');
    var rows = table.tBodies[0] ? table.tBodies[0].rows : [];
    var shown = 0;
    for (var r = 0; r < rows.length; r++) {
      var row = rows[r];
      var visible = needle === "" || row.textContent.toLowerCase().indexOf(needle) >= 0;
      for (var s = 0; s < selects.length && visible; s++) {
        var wanted = selects[s].value;
        var cell = row.cells[Number(selects[s].getAttribute("data-column"))];
        if (wanted !== "" && (!cell || cell.textContent !== wanted)) visible = false;
      }
      if (visible) { row.removeAttribute("hidden"); shown++; } else { row.setAttribute("hidden", ""); }
    }
    var count = document.querySelector('[data-count="' + id + '"]');
    if (count) count.textContent = shown + " of " + rows.length + " rows";
  }
  var controls = document.querySelectorAll("[data-filter], [data-column-filter]");
  for (var i = 0; i < controls.length; i++) {
    (function (control) {
      var id = control.getAttribute("data-filter") || control.getAttribute("data-column-filter");
      control.addEventListener(control.tagName === "SELECT" ? "change" : "input", function () { apply(id); });
    })(controls[i]);
  }
})();
`;

function renderTable(block: Extract<HtmlBlock, { kind: "table" }>): string {
  if (!/^[A-Za-z0-9_-]+$/.test(block.id)) throw new Error(`table id "${block.id}" must be letters, digits, - and _`);
  if (block.rows.length === 0) return `<p class="empty" data-empty="${block.id}">${escapeHtml(block.empty ?? "nothing to show")}</p>`;
  const id = escapeHtml(block.id);
  const header = block.columns
    .map((column, index) => {
      const align = column.align === "right" ? ' class="right"' : "";
      if (column.filter !== "select") return `<th${align}>${escapeHtml(column.title)}</th>`;
      const values = [...new Set(block.rows.map((row) => cellText(row[index] ?? null)))].sort((left, right) => left.localeCompare(right));
      const options = [
        `<option value="">all</option>`,
        ...values.map((value) => `<option value="${escapeHtml(value)}">${escapeHtml(value === "" ? "(empty)" : value)}</option>`),
      ];
      return `<th${align}>${escapeHtml(column.title)}<select data-column-filter="${id}" data-column="${index}" aria-label="filter ${escapeHtml(column.title)}">${options.join("")}</select></th>`;
    })
    .join("");
  const body = block.rows
    .map(
      (row) =>
        `<tr>${block.columns.map((column, index) => `<td${column.align === "right" ? ' class="right"' : ""}>${escapeHtml(cellText(row[index] ?? null))}</td>`).join("")}</tr>`,
    )
    .join("\n");
  const count = `${block.rows.length} of ${block.rows.length} rows`;
  return [
    `<div class="controls"><input type="search" data-filter="${id}" placeholder="filter these rows" aria-label="filter rows"><span class="count" data-count="${id}">${count}</span></div>`,
    `<div class="scroll"><table data-table="${id}">${block.caption === undefined ? "" : `<caption>${escapeHtml(block.caption)}</caption>`}`,
    `<thead><tr>${header}</tr></thead>`,
    `<tbody>\n${body}\n</tbody></table></div>`,
  ].join("\n");
}

function renderBlock(block: HtmlBlock): string {
  switch (block.kind) {
    case "heading": {
      const level = block.level ?? 2;
      return `<h${level}${block.id === undefined ? "" : ` id="${escapeHtml(block.id)}"`}>${escapeHtml(block.text)}</h${level}>`;
    }
    case "paragraph":
      return `<p${block.tone === undefined ? "" : ` class="${block.tone}"`}>${escapeHtml(block.text)}</p>`;
    case "figures":
      return `<div class="figures">${block.figures
        .map(
          (figure) =>
            `<div class="figure${figure.tone === undefined ? "" : ` ${figure.tone}`}"><div class="value">${escapeHtml(cellText(figure.value))}</div><div class="label">${escapeHtml(figure.label)}</div></div>`,
        )
        .join("")}</div>`;
    case "list":
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
    case "code":
      return `<pre>${escapeHtml(block.text)}</pre>`;
    case "table":
      return renderTable(block);
  }
}

/** The whole page as one HTML document. */
export function renderHtmlPage(page: HtmlPage): string {
  const ids = page.blocks.filter((block) => block.kind === "table").map((block) => block.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate !== undefined) throw new Error(`two tables have the id "${duplicate}"`);
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    // Nothing may be loaded from elsewhere: the page is shared as a file, often offline.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body><main>",
    `<h1>${escapeHtml(page.title)}</h1>`,
    page.subtitle === undefined ? "" : `<p class="subtitle">${escapeHtml(page.subtitle)}</p>`,
    ...page.blocks.map(renderBlock),
    page.footer === undefined ? "" : `<footer>${escapeHtml(page.footer)}</footer>`,
    "</main>",
    `<script>${SCRIPT}</script>`,
    "</body></html>",
    "",
  ].join("\n");
}
