/**
 * How long a user waits for the editor on a 3,000-line package (five files, semantically clean:
 * `flitmap check` reports nothing on it):
 *
 * - the time from a `didChange` to the diagnostics of that version, over 50 edits (every other
 *   one removes an arrow, a syntax error; the next puts it back, and the package is clean again),
 *   through a real LSP connection to the server in this process, with the editor's debounce
 *   (200 ms) and without it, against the baseline of a full analysis (`analyzePackage` of the same
 *   files without the server's parse cache) in the same run; in wall time and in this process's
 *   CPU time, which other work on a shared machine disturbs less;
 * - completion latency: keywords, and names (the fields of res.partner at a statement start, the
 *   source's columns after `<-`, tables and built-ins after `|`), on an idle server and right after
 *   an edit (the answer then comes from the latest analysis, without waiting for the next);
 * - hover on an Odoo field, which needs an analysis of the current text (idle server).
 *
 *   node bench/run.mjs vscode-extension/bench/latency.ts   (bundled, as the server ships)
 *   npx tsx vscode-extension/bench/latency.ts              (from the sources)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { CompletionItem, Hover } from "vscode-languageserver";
import { analyzePackage } from "../../compiler/analyze.js";
import { machineLine, padTable } from "../../bench/report.js";
import { DEFAULT_DEBOUNCE_MS } from "../server/server.js";
import { startInMemoryServer, type LspTestClient } from "../tools/lsp-client.js";

const EDITS = 50;
const ENTITIES = 40;
const COLUMNS = 22;
const TABLES = 20;
const TABLE_ENTRIES = 45;

const MIGRATION = 'migration pb {\n  source pb\n  target odoo "17.0"\n  xmlid "pb"\n}\n';

function sourceFile(): string {
  const lines = ["source pb {", '  csv { delimiter ";"  encoding "windows-1252" }'];
  for (let entity = 0; entity < ENTITIES; entity++) {
    lines.push(`  entity Entity${entity} "entity_${entity}_*.csv" key id {`, '    id "Nummer" text required');
    // The name comes from column_0: required, as a partner's name must be (FM414).
    for (let column = 0; column < COLUMNS; column++) lines.push(`    column_${column} "Kolom ${column}" text${column === 0 ? " required" : ""}`);
    lines.push("  }");
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

/** The custom fields the maps write: one `extend` block. */
function extendFile(): string {
  const lines = ["extend res.partner {"];
  for (let field = 1; field < COLUMNS; field++) lines.push(`  x_field_${field} char "Field ${field}"`);
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

/**
 * 40 maps of 26 lines: a header, 23 assignments, `}` and a blank line. Every column is read; the
 * first 20 maps read column_1 through a table of their own.
 */
function mapFile(): string {
  const lines: string[] = [];
  for (let entity = 0; entity < ENTITIES; entity++) {
    lines.push(`map Entity${entity} -> res.partner as partner_${entity} when column_0 != "deleted" {`);
    lines.push("  name <- column_0 | trim", "  ref <- id");
    for (let field = 1; field < COLUMNS; field++) {
      const table = field === 1 && entity < TABLES ? ` | table_${entity}` : "";
      lines.push(`  x_field_${field} <- column_${field}${table} | trim | truncate(64) ?? "none"`);
    }
    lines.push("}", "");
  }
  return `${lines.join("\n")}\n`;
}

function tableFile(): string {
  const lines: string[] = [];
  for (let table = 0; table < TABLES; table++) {
    lines.push(`table table_${table}: text -> text {`);
    for (let entry = 0; entry < TABLE_ENTRIES; entry++) lines.push(`  "value ${entry}" -> "label ${entry}"`);
    lines.push("  _ -> keep", "}", "");
  }
  return `${lines.join("\n")}\n`;
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

interface Summary {
  readonly median: number;
  readonly p95: number;
}

function summary(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((left, right) => left - right);
  return { median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
}

/** This process's CPU time so far (all threads), in milliseconds. */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Wall and CPU milliseconds of each sample. */
class Timings {
  readonly wall: number[] = [];
  readonly cpu: number[] = [];

  async time<Result>(work: () => Promise<Result> | Result): Promise<Result> {
    const wallStarted = performance.now();
    const cpuStarted = cpuMs();
    const result = await work();
    this.cpu.push(cpuMs() - cpuStarted);
    this.wall.push(performance.now() - wallStarted);
    return result;
  }
}

const format = (ms: number): string => `${ms.toFixed(1)} ms`;
const ratio = (value: number, baseline: number): string => `${(value / baseline).toFixed(2)}x`;

/** A completion request the benchmark makes: where, and what must come back. */
interface CompletionProbe {
  readonly label: string;
  readonly position: { line: number; character: number };
  readonly expect: string;
}

/** In the first map: after its `when` condition (keywords), a statement start, after `<-`, after `|`. */
const PROBES: readonly CompletionProbe[] = [
  { label: "keyword completion (after an expression)", position: { line: 0, character: mapFile().indexOf(" {") + 1 }, expect: "and" },
  { label: "name completion: res.partner fields", position: { line: 1, character: 2 }, expect: "parent_id" },
  { label: "name completion: columns after <-", position: { line: 1, character: 10 }, expect: "column_21" },
  { label: "name completion: steps after |", position: { line: 1, character: 21 }, expect: "truncate" },
];

async function complete(client: LspTestClient, uri: string, probe: CompletionProbe): Promise<number> {
  const started = performance.now();
  const items = await client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position: probe.position });
  const elapsed = performance.now() - started;
  if (!items.some((item) => item.label === probe.expect)) throw new Error(`${probe.label}: ${probe.expect} was not offered`);
  return elapsed;
}

interface Measured {
  readonly diagnostics: Timings;
  readonly completion: Map<string, number[]>;
  readonly completionAfterEdit: number[];
  readonly hover: number[];
}

async function measure(folder: string, mapText: string, debounceMs: number): Promise<Measured> {
  const client = startInMemoryServer({ debounceMs });
  await client.initialize(folder);
  const uri = pathToFileURL(join(folder, "maps.flitmap")).href;
  await client.open(uri, mapText, 1);
  const first = await client.waitForDiagnostics(uri, (params) => params.version === 1, 30_000);
  if (first.diagnostics.length > 0) throw new Error(`the package is not clean: ${JSON.stringify(first.diagnostics.slice(0, 3))}`);
  const samples = new Timings();
  const completionAfterEdit: number[] = [];
  const lines = mapText.split("\n");
  for (let edit = 0; edit < EDITS; edit++) {
    const version = edit + 2;
    // Every other edit drops an arrow, so the diagnostics really change as they would while typing.
    const line = (edit % ENTITIES) * 26 + 1 + ((edit * 7) % 23);
    const edited = [...lines];
    if (edit % 2 === 0) edited[line] = (edited[line] ?? "").replace("<-", "");
    const published = await samples.time(async () => {
      await client.change(uri, edited.join("\n"), version);
      return client.waitForDiagnostics(uri, (params) => params.version === version, 30_000);
    });
    const broken = published.diagnostics.some((diagnostic) => diagnostic.code === "FM101");
    if (broken !== (edit % 2 === 0)) throw new Error(`edit ${edit}: the missing arrow was ${broken ? "reported after it was put back" : "not reported"}`);
    if (!broken && published.diagnostics.length > 0) throw new Error(`edit ${edit}: the clean package reports ${published.diagnostics.length} diagnostics`);
  }
  // Completion while typing: right after an edit, before its analysis (the debounce is still running).
  for (let edit = 0; edit < EDITS; edit++) {
    const version = EDITS + 2 + edit;
    await client.change(uri, `${mapText}${"\n".repeat(edit % 2)}`, version);
    completionAfterEdit.push(await complete(client, uri, PROBES[1] as CompletionProbe));
  }
  await client.waitForDiagnostics(uri, (params) => params.version === EDITS * 2 + 1, 30_000);
  const completion = new Map<string, number[]>();
  for (const probe of PROBES) {
    const timings: number[] = [];
    for (let request = 0; request < EDITS; request++) timings.push(await complete(client, uri, probe));
    completion.set(probe.label, timings);
  }
  const hover: number[] = [];
  for (let request = 0; request < EDITS; request++) {
    const started = performance.now();
    const result = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: { line: 1, character: 3 } });
    hover.push(performance.now() - started);
    if (result === null || !JSON.stringify(result.contents).includes("res.partner.name: char")) throw new Error(`hover: ${JSON.stringify(result)}`);
  }
  await client.dispose();
  return { diagnostics: samples, completion, completionAfterEdit, hover };
}

const folder = mkdtempSync(join(tmpdir(), "flitmap-latency-"));
try {
  const packageFolder = join(folder, "pb");
  mkdirSync(packageFolder);
  const files = {
    "migration.flitmap": MIGRATION,
    "source.flitmap": sourceFile(),
    "custom-fields.flitmap": extendFile(),
    "maps.flitmap": mapFile(),
    "tables.flitmap": tableFile(),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(packageFolder, name), text);
  const lineCount = Object.values(files).reduce((total, text) => total + text.split("\n").length - 1, 0);

  const sources = Object.entries(files).map(([name, text]) => ({ path: join(packageFolder, name), text }));
  const clean = analyzePackage(sources).diagnostics;
  if (clean.length > 0) throw new Error(`the generated package is not clean: ${clean.length} diagnostics, e.g. ${clean[0]?.code} ${clean[0]?.message}`);
  for (let warmup = 0; warmup < 5; warmup++) analyzePackage(sources);
  const baseline = new Timings();
  for (let run = 0; run < EDITS; run++) await baseline.time(() => analyzePackage(sources));
  const immediate = await measure(packageFolder, files["maps.flitmap"], 0);
  const debounced = await measure(packageFolder, files["maps.flitmap"], DEFAULT_DEBOUNCE_MS);

  const base = { wall: summary(baseline.wall), cpu: summary(baseline.cpu) };
  console.log(machineLine());
  console.log(
    `package: ${lineCount} lines in ${Object.keys(files).length} files, no diagnostics; ${EDITS} edits (or requests) per row, twice for the completion and hover rows`,
  );
  const timed: [string, Timings][] = [
    ["full analysis: analyzePackage, no cache (baseline)", baseline],
    ["didChange -> diagnostics, no debounce", immediate.diagnostics],
    [`didChange -> diagnostics, ${DEFAULT_DEBOUNCE_MS} ms debounce`, debounced.diagnostics],
  ];
  const table: string[][] = [["", "median", "p95", "/baseline", "CPU median", "CPU p95", "/baseline"]];
  for (const [label, timings] of timed) {
    const wall = summary(timings.wall);
    const cpu = summary(timings.cpu);
    table.push([
      label,
      format(wall.median),
      format(wall.p95),
      ratio(wall.median, base.wall.median),
      format(cpu.median),
      format(cpu.p95),
      ratio(cpu.median, base.cpu.median),
    ]);
  }
  const requests: [string, Summary][] = [
    ...PROBES.map((probe): [string, Summary] => [
      probe.label,
      summary([...(immediate.completion.get(probe.label) ?? []), ...(debounced.completion.get(probe.label) ?? [])]),
    ]),
    ["fields completion right after a didChange", summary(debounced.completionAfterEdit)],
    ["hover on an Odoo field", summary([...immediate.hover, ...debounced.hover])],
  ];
  for (const [label, { median, p95 }] of requests) table.push([label, format(median), format(p95), ratio(median, base.wall.median), "", "", ""]);
  console.log(padTable(table));
} finally {
  rmSync(folder, { recursive: true, force: true });
}
