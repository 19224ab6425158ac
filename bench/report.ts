/** What the benchmarks share: reading their options, and printing figures as aligned tables. */
import { spawnSync } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";

/** `--name N` from the command line: a positive whole number (underscores and commas allowed: 1_000_000). */
export function numberOption(argv: readonly string[], name: string, fallback: number): number {
  const index = argv.indexOf(name);
  if (index < 0) return fallback;
  const text = argv[index + 1] ?? "";
  const value = Number(text.replace(/[_,]/g, ""));
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} takes a whole number above 0, not "${text}"`);
  return value;
}

/** `--name VALUE` from the command line, or undefined. */
export function stringOption(argv: readonly string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  if (index < 0) return undefined;
  const value = argv[index + 1];
  if (value === undefined || value.startsWith("--")) throw new Error(`${name} needs a value`);
  return value;
}

export function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "-";
}

export function thousands(value: number): string {
  return Math.round(value).toLocaleString("en");
}

/** Columns padded to their widest cell; the first column left-aligned, the others right-aligned. */
export function padTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** The commit measured, and whether the working tree had changes on top of it. */
function commitMeasured(): string {
  const head = spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" });
  if (head.status !== 0) return "not a git checkout";
  const changed = spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" });
  return `commit ${head.stdout.trim()}${changed.stdout.trim() === "" ? "" : " with uncommitted changes"}`;
}

/** The machine and code the figures come from: the load average says how much others were using it. */
export function machineLine(): string {
  const [one] = loadavg();
  return `machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? "unknown"}), ${fixed(totalmem() / 1024 ** 3, 0)} GB, node ${process.version}, load average ${fixed(one ?? 0, 2)} at start (shared with other work); ${commitMeasured()}`;
}

/** Peak resident memory of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
