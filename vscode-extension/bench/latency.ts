/**
 * How long a user waits for diagnostics after typing, on a 3,000-line package (three files):
 * the time from a `didChange` to the diagnostics of that version, over 50 edits, through a real
 * LSP connection to the server in this process. Measured with the editor's debounce (200 ms) and
 * without it, against the baseline of calling `analyzePackage` directly on the same files in the
 * same run. Keyword completion latency is measured too.
 *
 *   npx tsx vscode-extension/bench/latency.ts
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { CompletionItem } from "vscode-languageserver";
import { analyzePackage } from "../../compiler/analyze.js";
import { DEFAULT_DEBOUNCE_MS } from "../server/server.js";
import { startInMemoryServer } from "../tools/lsp-client.js";

const EDITS = 50;

function sourceFile(entities: number, columns: number): string {
  const lines = ["source pb {", '  csv { delimiter ";"  encoding "windows-1252" }'];
  for (let entity = 0; entity < entities; entity++) {
    lines.push(`  entity Entity${entity} "entity_${entity}_*.csv" key id {`, '    id "Nummer" text required');
    for (let column = 0; column < columns; column++) lines.push(`    column_${column} "Kolom ${column}" text`);
    lines.push("  }");
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

function mapFile(entities: number, fields: number): string {
  const lines: string[] = [];
  for (let entity = 0; entity < entities; entity++) {
    lines.push(`map Entity${entity} -> res.partner as partner_${entity} when column_0 != "deleted" {`);
    for (let field = 0; field < fields; field++) lines.push(`  x_field_${field} <- column_${field} | trim | truncate(64) ?? "none"`);
    lines.push("}", "");
  }
  return `${lines.join("\n")}\n`;
}

function tableFile(tables: number, entries: number): string {
  const lines: string[] = [];
  for (let table = 0; table < tables; table++) {
    lines.push(`table table_${table}: text -> crm.stage {`);
    for (let entry = 0; entry < entries; entry++) lines.push(`  "value ${entry}" -> stage_${entry}`);
    lines.push("  _ -> reject", "}", "");
  }
  return `${lines.join("\n")}\n`;
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

function summary(samples: readonly number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((left, right) => left - right);
  return { median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
}

const format = (ms: number): string => `${ms.toFixed(1)} ms`;

/** A map file's lines: 40 maps of a header, 23 assignments, `}` and a blank line (26 lines each). */
async function measure(folder: string, mapText: string, debounceMs: number): Promise<{ diagnostics: number[]; completion: number[] }> {
  const client = startInMemoryServer({ debounceMs });
  await client.initialize(folder);
  const uri = pathToFileURL(join(folder, "maps.flitmap")).href;
  await client.open(uri, mapText, 1);
  await client.waitForDiagnostics(uri, (params) => params.version === 1, 30_000);
  const samples: number[] = [];
  const lines = mapText.split("\n");
  for (let edit = 0; edit < EDITS; edit++) {
    const version = edit + 2;
    // Every other edit drops an arrow, so the diagnostics really change as they would while typing.
    const line = (edit % 40) * 26 + 1 + ((edit * 7) % 23);
    const edited = [...lines];
    if (edit % 2 === 0) edited[line] = (edited[line] ?? "").replace("<-", "");
    const started = performance.now();
    await client.change(uri, edited.join("\n"), version);
    const published = await client.waitForDiagnostics(uri, (params) => params.version === version, 30_000);
    samples.push(performance.now() - started);
    const broken = published.diagnostics.some((diagnostic) => diagnostic.code === "FM101");
    if (broken !== (edit % 2 === 0)) throw new Error(`edit ${edit}: the missing arrow was ${broken ? "reported after it was put back" : "not reported"}`);
  }
  const completionSamples: number[] = [];
  const position = { line: 3, character: 2 };
  for (let request = 0; request < EDITS; request++) {
    const started = performance.now();
    const items = await client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position });
    completionSamples.push(performance.now() - started);
    if (items.length === 0) throw new Error("completion offered nothing");
  }
  await client.dispose();
  return { diagnostics: samples, completion: completionSamples };
}

const folder = mkdtempSync(join(tmpdir(), "flitmap-latency-"));
try {
  const packageFolder = join(folder, "pb");
  mkdirSync(packageFolder);
  const files = {
    "source.flitmap": sourceFile(40, 22),
    "maps.flitmap": mapFile(40, 23),
    "tables.flitmap": tableFile(20, 45),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(packageFolder, name), text);
  const lineCount = Object.values(files).reduce((total, text) => total + text.split("\n").length - 1, 0);

  const sources = Object.entries(files).map(([name, text]) => ({ path: join(packageFolder, name), text }));
  for (let warmup = 0; warmup < 5; warmup++) analyzePackage(sources);
  const baseline: number[] = [];
  for (let run = 0; run < EDITS; run++) {
    const started = performance.now();
    analyzePackage(sources);
    baseline.push(performance.now() - started);
  }
  const immediate = await measure(packageFolder, files["maps.flitmap"], 0);
  const debounced = await measure(packageFolder, files["maps.flitmap"], DEFAULT_DEBOUNCE_MS);

  const base = summary(baseline);
  const rows: [string, { median: number; p95: number }][] = [
    ["analyzePackage alone (baseline)", base],
    ["didChange -> diagnostics, no debounce", summary(immediate.diagnostics)],
    [`didChange -> diagnostics, ${DEFAULT_DEBOUNCE_MS} ms debounce`, summary(debounced.diagnostics)],
    ["keyword completion request", summary([...immediate.completion, ...debounced.completion])],
  ];
  console.log(`package: ${lineCount} lines in ${Object.keys(files).length} files; ${EDITS} edits (or requests) per row; Node ${process.version}`);
  console.log(`${"".padEnd(44)}${"median".padStart(10)}${"p95".padStart(10)}${"median/baseline".padStart(18)}`);
  for (const [label, { median, p95 }] of rows) {
    console.log(`${label.padEnd(44)}${format(median).padStart(10)}${format(p95).padStart(10)}${`${(median / base.median).toFixed(2)}x`.padStart(18)}`);
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
