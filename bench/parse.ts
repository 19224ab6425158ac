/**
 * Parse throughput: `node bench/run.mjs bench/parse.ts`. Prints MB/s for packages of 1 to 5 MB and the ratio
 * of times, which must grow linearly with size (a ratio near 5 for 5 MB against 1 MB).
 */
import { parse } from "../language/parse.js";
import { generatePackage, type GeneratedFile } from "./generate-package.js";

const MB = 1024 * 1024;

function parseAll(files: readonly GeneratedFile[]): number {
  const started = performance.now();
  let diagnostics = 0;
  for (const file of files) diagnostics += parse(file.text, file.path).diagnostics.length;
  const elapsed = performance.now() - started;
  if (diagnostics > 0) throw new Error(`the generated package has ${diagnostics} diagnostics`);
  return elapsed;
}

/** The fastest of several runs: the least disturbed by other work on the machine. */
function fastest(files: readonly GeneratedFile[], runs: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) best = Math.min(best, parseAll(files));
  return best;
}

// Warm-up: the parser's self-analysis and the JIT.
const warmUp = generatePackage(2 * MB);
parseAll(warmUp);
parseAll(warmUp);
const rows: { megabytes: number; bytes: number; files: number; milliseconds: number }[] = [];
for (const megabytes of [1, 2, 3, 4, 5]) {
  const files = generatePackage(megabytes * MB);
  const bytes = files.reduce((total, file) => total + file.text.length, 0);
  const milliseconds = fastest(files, 5);
  rows.push({ megabytes, bytes, files: files.length, milliseconds });
}
const first = rows[0];
console.log("size    files  bytes      time (ms)  MB/s   time / time(1 MB)");
for (const row of rows) {
  const ratio = first === undefined ? Number.NaN : row.milliseconds / first.milliseconds;
  console.log(
    `${String(row.megabytes).padStart(2)} MB  ${String(row.files).padStart(5)}  ${String(row.bytes).padStart(9)}  ${row.milliseconds.toFixed(0).padStart(9)}  ${(row.bytes / MB / (row.milliseconds / 1000)).toFixed(2).padStart(5)}  ${ratio.toFixed(2)}`,
  );
}
const last = rows[rows.length - 1];
if (first !== undefined && last !== undefined) {
  const perByteFirst = first.milliseconds / first.bytes;
  const perByteLast = last.milliseconds / last.bytes;
  console.log(`time per byte at 5 MB vs 1 MB: ${(perByteLast / perByteFirst).toFixed(2)} (1.00 = perfectly linear)`);
}
