/**
 * The families' per-column agreement at other sizes and seeds than the test's, or with their
 * headers made unknown: `npx tsx test/propose/families-matrix.ts [rows] [seed] [--opaque]
 * [--verbose]` (default 600, `families`). Prints, per family, the columns with the hand-written
 * target and the structure differences, as families.test.ts measures them, without loading into
 * the double; `--opaque` first turns every header word into a word of an invented language
 * (opaque-headers.ts), `--verbose` lists the differing columns.
 */
import { FAMILIES } from "./families/support.js";
import { measureFamily, measureLine } from "./family-measure.js";

const flags = process.argv.slice(2).filter((argument) => argument.startsWith("--"));
const [rowsArgument, seedArgument] = process.argv.slice(2).filter((argument) => !argument.startsWith("--"));
const rows = Number(rowsArgument ?? "600");
const seed = seedArgument ?? "families";
const opaque = flags.includes("--opaque");
for (const { name } of FAMILIES) {
  const measure = await measureFamily(name, { sample: { rows, seed }, opaque });
  try {
    process.stdout.write(`${measureLine(`${name} (${rows} rows, seed ${seed}${opaque ? ", opaque headers" : ""})`, measure)}\n`);
    if (flags.includes("--verbose")) {
      for (const difference of [...measure.comparison.differences, ...measure.structure]) process.stdout.write(`    ${difference}\n`);
    }
  } finally {
    measure.remove();
  }
}
