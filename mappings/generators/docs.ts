/**
 * Renders the generated sections of EXPORTS.md (file layouts, shares, defect rates) from the
 * same definitions the generators use.
 *
 *   npx tsx mappings/generators/docs.ts           rewrite the generated sections in place
 *   npx tsx mappings/generators/docs.ts --check   exit 1 if EXPORTS.md is out of date
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { resolve } from "node:path";
import type { DefectRate } from "./defects.js";
import { headersOf, type FileLayout } from "./layout.js";
import { PB_BOM_FILES, PB_SHARES, perfectBooksRates } from "./perfectbooks.js";
import { PB_LAYOUTS } from "./perfectbooks-layout.js";
import { PV_SHARES, perfectViewRates } from "./perfectview.js";
import { PV_LAYOUTS } from "./perfectview-layout.js";

export const EXPORTS_MD = resolve(fileURLToPath(new URL("./EXPORTS.md", import.meta.url)));

// Line breaks inside a value are shown as the escapes \r and \n, so each table row stays one line.
const cell = (text: string): string => text.replaceAll("|", "\\|").replaceAll("\r", "\\r").replaceAll("\n", "\\n");

function layoutSection(layout: FileLayout, delimiter: string, notes: string): string {
  const rows = layout.columns.map((spec, index) =>
    `| ${index + 1} | \`${cell(spec.header)}\` | ${spec.required ? "yes" : "no"} | ${cell(spec.meaning)} | ${cell(spec.format)} | ${spec.example === "" ? "" : `\`${cell(spec.example)}\``} |`,
  );
  return [
    `### \`${layout.file}\` — ${layout.entity}`,
    "",
    `${layout.description}${notes === "" ? "" : ` ${notes}`}`,
    "",
    `Key: ${layout.key.map((key) => `\`${key}\``).join(" + ")}. Header row, exactly:`,
    "",
    "```",
    headersOf(layout).map((header) => (delimiter === ";" ? `"${header}"` : header)).join(delimiter),
    "```",
    "",
    "| # | Header | Required | Meaning | Format | Example |",
    "|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

function ratesTable(rates: readonly DefectRate[]): string {
  return [
    "| Kind | Entity | Columns | Rate | How it appears |",
    "|---|---|---|---|---|",
    ...rates.map((rate) => {
      const columns = rate.columns.length > 4 ? `${rate.columns.slice(0, 2).map((c) => `\`${cell(c)}\``).join(", ")}, … (${rate.columns.length})` : rate.columns.map((c) => `\`${cell(c)}\``).join(", ");
      return `| \`${rate.kind}\` | ${rate.entity} | ${columns} | ${rate.every === 1 ? "every" : `1 in ${rate.every}`} | ${cell(rate.appearance)} |`;
    }),
  ].join("\n");
}

function sharesTable(shares: readonly (readonly [string, number])[]): string {
  return [
    "| Entity | Share of --rows | Records at --rows 1,000,000 |",
    "|---|---|---|",
    ...shares.map(([entity, share], index) => `| ${entity} | ${index === shares.length - 1 ? `${Math.round(share * 100)}% + rounding remainder` : `${Math.round(share * 100)}%`} | ${Math.floor(1_000_000 * share).toLocaleString("en-GB")} |`),
  ].join("\n");
}

/** Generated section bodies by marker name. */
export function generatedSections(): Record<string, string> {
  return {
    "perfectbooks-shares": sharesTable(PB_SHARES),
    "perfectbooks-files": PB_LAYOUTS.map((layout) => layoutSection(layout, ",", PB_BOM_FILES.has(layout.file) ? "Written with a UTF-8 BOM." : "")).join("\n\n"),
    "perfectbooks-defects": ratesTable(perfectBooksRates()),
    "perfectview-shares": sharesTable(PV_SHARES),
    "perfectview-files": PV_LAYOUTS.map((layout) => layoutSection(layout, ";", "")).join("\n\n"),
    "perfectview-defects": ratesTable(perfectViewRates()),
  };
}

/** Replaces the body between `<!-- generated:NAME -->` and `<!-- end:NAME -->` markers. */
export function renderExports(markdown: string): string {
  let out = markdown;
  for (const [name, body] of Object.entries(generatedSections())) {
    const open = `<!-- generated:${name} -->`;
    const close = `<!-- end:${name} -->`;
    const start = out.indexOf(open);
    const end = out.indexOf(close);
    if (start === -1 || end === -1 || end < start) throw new Error(`EXPORTS.md: markers for "${name}" are missing`);
    out = `${out.slice(0, start + open.length)}\n${body}\n${out.slice(end)}`;
  }
  return out;
}

function main(): void {
  const current = readFileSync(EXPORTS_MD, "utf8");
  const rendered = renderExports(current);
  if (process.argv.includes("--check")) {
    if (rendered !== current) {
      process.stderr.write("mappings/generators/EXPORTS.md is out of date: run npx tsx mappings/generators/docs.ts\n");
      process.exitCode = 1;
    }
    return;
  }
  if (rendered !== current) writeFileSync(EXPORTS_MD, rendered);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
