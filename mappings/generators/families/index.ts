/**
 * The export families `flitmap init` is measured on (test/propose/families.test.ts, docs/init.md),
 * each written by its own generator from a seed:
 *
 *   npx tsx mappings/generators/families/index.ts kundenwerk --rows 600 --seed families --out /tmp/kundenwerk
 *
 * Same family, --rows and --seed give byte-identical files.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { generateAdresar } from "./adresar.js";
import { generateAnagrafe } from "./anagrafe.js";
import { generateAsiakkaat } from "./asiakkaat.js";
import { generateCarnet } from "./carnet.js";
import { generateCarteira } from "./carteira.js";
import { generateCasebook } from "./casebook.js";
import { generateClientela } from "./clientela.js";
import { generateDebitorer } from "./debitorer.js";
import { generateDefter } from "./defter.js";
import { writeFamily, type FamilyExport, type FamilyOptions } from "./family.js";
import { generateKartoteka } from "./kartoteka.js";
import { generateKundenwerk } from "./kundenwerk.js";
import { generateKundregister } from "./kundregister.js";
import { generateParteneri } from "./parteneri.js";
import { generatePelatologio } from "./pelatologio.js";
import { generatePipelane } from "./pipelane.js";
import { generateUgyfeltar } from "./ugyfeltar.js";
import { generateZonnedak } from "./zonnedak.js";

export const FAMILY_GENERATORS: Readonly<Record<string, (options: FamilyOptions) => FamilyExport>> = {
  kundenwerk: generateKundenwerk,
  carnet: generateCarnet,
  casebook: generateCasebook,
  pipelane: generatePipelane,
  clientela: generateClientela,
  anagrafe: generateAnagrafe,
  carteira: generateCarteira,
  kartoteka: generateKartoteka,
  defter: generateDefter,
  kundregister: generateKundregister,
  pelatologio: generatePelatologio,
  ugyfeltar: generateUgyfeltar,
  asiakkaat: generateAsiakkaat,
  adresar: generateAdresar,
  parteneri: generateParteneri,
  debitorer: generateDebitorer,
  zonnedak: generateZonnedak,
};

/** The size and seed the measurement uses. */
export const FAMILY_SAMPLE: FamilyOptions = { rows: 600, seed: "families" };

export function generateFamily(name: string, options: FamilyOptions, outDir: string): { readonly files: readonly string[]; readonly rows: number } {
  const generator = FAMILY_GENERATORS[name];
  if (generator === undefined) throw new Error(`unknown family "${name}": use ${Object.keys(FAMILY_GENERATORS).join(", ")}`);
  return writeFamily(generator(options), outDir);
}

function main(argv: readonly string[]): number {
  const [name, ...rest] = argv;
  const option = (flag: string): string | undefined => {
    const index = rest.indexOf(flag);
    return index < 0 ? undefined : rest[index + 1];
  };
  const out = option("--out");
  if (name === undefined || out === undefined) {
    process.stderr.write(`usage: families/index.ts <${Object.keys(FAMILY_GENERATORS).join("|")}> --out DIR [--rows N] [--seed TEXT]\n`);
    return 2;
  }
  const rows = Number(option("--rows") ?? FAMILY_SAMPLE.rows);
  if (!Number.isInteger(rows) || rows < 50 || rows > 100_000) {
    process.stderr.write(`--rows must be a whole number from 50 to 100000\n`);
    return 2;
  }
  const written = generateFamily(name, { rows, seed: option("--seed") ?? FAMILY_SAMPLE.seed }, resolve(out));
  process.stdout.write(`${name}: ${written.files.length} CSV files, ${written.rows} data rows -> ${resolve(out)}\n`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main(process.argv.slice(2));
