/**
 * Benchmark: reading and typing a 1,000,000-row PerfectView-style export.
 *
 *   npx tsx scripts/bench-source.ts [rows]
 *
 * Writes the CSV to a temp dir, then measures, each in its own process so peak RSS is its own:
 *   baseline   csv-parse alone over the same file (no decoding choices, no typing)
 *   first      readEntity, duplicates rule "first" (one pass)
 *   last-file  readEntity, duplicates rule "last-file" (two passes + key index), encoding "auto"
 * and prints rows/s, peak RSS and each figure as a ratio of the baseline from the same run.
 */

import { spawnSync } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse";
import { readEntity } from "../runtime/source/csv-reader.js";
import type { EntitySourceSpec } from "../runtime/source/entity-reading.js";
import { valueFormat } from "../runtime/source/values.js";

const HEADER = "Relatienummer;Naam bedrijf;Omzet;Aantal medewerkers;Klant sinds;Gewijzigd op;Actief;E-mailadres";

function pad(number: number): string {
  return String(number).padStart(2, "0");
}

function rowFor(index: number): string {
  const day = (index % 28) + 1;
  const month = (index % 12) + 1;
  // One row in 1,000 has a quoted newline, one in 10,000 an impossible date: the messy cases cost too.
  const name = index % 1000 === 0 ? `"Bakkerij ${index}\nafdeling Zoë"` : `Café ${index} B.V.`;
  const since = index % 10_000 === 0 ? "31-02-2024" : `${pad(day)}-${pad(month)}-20${pad(index % 25)}`;
  const revenue = `€ ${Math.floor(index / 7).toLocaleString("de-DE")},${pad(index % 100)}`;
  return `R${index};${name};${revenue};${index % 500};${since};${pad(day)}-${pad(month)}-2024 ${pad(index % 24)}:${pad(index % 60)};${index % 2 === 0 ? "ja" : "nee"};info${index}@Bedrijf${index % 97}.NL`;
}

async function generate(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const write = (text: string): Promise<void> =>
    new Promise((resolve) => {
      if (out.write(text)) resolve();
      else out.once("drain", resolve);
    });
  await write(`${HEADER}\r\n`);
  let batch = "";
  for (let index = 1; index <= rows; index++) {
    batch += `${rowFor(index)}\r\n`;
    if (index % 5000 === 0) {
      await write(batch);
      batch = "";
    }
  }
  await write(batch);
  await new Promise<void>((resolve) => out.end(resolve));
}

function specFor(directory: string, rule: "first" | "last-file"): EntitySourceSpec {
  const format = valueFormat({ date: "dd-MM-yyyy", datetime: "dd-MM-yyyy HH:mm", timezone: "Europe/Amsterdam", decimal: ",", currency: "€" });
  const column = (name: string, header: string, type: EntitySourceSpec["columns"][number]["type"], required = false) => ({
    name,
    header,
    type,
    format,
    required,
  });
  return {
    entity: "Relation",
    directory,
    pattern: "relations_*.csv",
    delimiter: rule === "first" ? ";" : "auto",
    encoding: rule === "first" ? "utf-8" : "auto",
    columns: [
      column("id", "Relatienummer", "text", true),
      column("name", "Naam bedrijf", "text", true),
      column("revenue", "Omzet", "money"),
      column("employees", "Aantal medewerkers", "integer"),
      column("since", "Klant sinds", "date"),
      column("modified", "Gewijzigd op", "datetime"),
      column("active", "Actief", "boolean"),
      column("email", "E-mailadres", "email"),
    ],
    key: ["id"],
    duplicates: { rule },
  };
}

interface PhaseResult {
  phase: string;
  rows: number;
  seconds: number;
  peakRssMb: number;
  detail: string;
}

async function runPhase(phase: string, directory: string): Promise<PhaseResult> {
  const started = performance.now();
  let rows = 0;
  let detail = "";
  if (phase === "baseline") {
    const parser = createReadStream(join(directory, "relations_001.csv"), { encoding: "utf8" }).pipe(parse({ delimiter: ";", relax_column_count: true }));
    for await (const record of parser as AsyncIterable<string[]>) if (record.length > 0) rows++;
    rows--;
  } else {
    const reading = readEntity(specFor(directory, phase === "first" ? "first" : "last-file"));
    for await (const item of reading.rows) if (item.kind !== "duplicate") rows++;
    const report = reading.report();
    detail = `emitted ${report.rowsEmitted}, rejected ${report.rejected}, duplicates ${report.duplicatesDropped.length}`;
  }
  const seconds = (performance.now() - started) / 1000;
  return { phase, rows, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, detail };
}

async function main(): Promise<void> {
  const [, , first, second] = process.argv;
  if (first === "--phase" && second !== undefined) {
    const directory = process.argv[4] ?? "";
    process.stdout.write(JSON.stringify(await runPhase(second, directory)));
    return;
  }
  const rows = first === undefined ? 1_000_000 : Number(first);
  const directory = mkdtempSync(join(tmpdir(), "flitmap-bench-source-"));
  try {
    const file = join(directory, "relations_001.csv");
    const generateStart = performance.now();
    await generate(file, rows);
    console.log(
      `generated ${rows.toLocaleString("en")} rows, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB in ${((performance.now() - generateStart) / 1000).toFixed(1)} s`,
    );
    const self = fileURLToPath(import.meta.url);
    const results: PhaseResult[] = [];
    for (const phase of ["baseline", "first", "last-file"]) {
      const child = spawnSync(process.execPath, [...process.execArgv, self, "--phase", phase, directory], { encoding: "utf8", maxBuffer: 1 << 20 });
      if (child.status !== 0) throw new Error(`phase ${phase} failed: ${child.stderr}`);
      results.push(JSON.parse(child.stdout) as PhaseResult);
    }
    const baseline = results[0];
    if (baseline === undefined) return;
    const baselineRate = baseline.rows / baseline.seconds;
    console.log("phase       rows/s      seconds  peak RSS   vs baseline (time)");
    for (const result of results) {
      const rate = result.rows / result.seconds;
      console.log(
        `${result.phase.padEnd(10)} ${Math.round(rate).toLocaleString("en").padStart(9)}  ${result.seconds.toFixed(2).padStart(8)}  ${result.peakRssMb.toFixed(0).padStart(5)} MB   ${(result.seconds / baseline.seconds).toFixed(2)}x  ${result.detail}`,
      );
    }
    console.log(`typed reading runs at ${((results[1]?.rows ?? 0) / (results[1]?.seconds ?? 1) / baselineRate).toFixed(2)} of raw csv-parse speed (one pass)`);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

await main();
