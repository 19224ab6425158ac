/**
 * Rebuilds the shipped Odoo catalogs (compiler/catalogs/odoo-<serie>.json) from the recordings
 * of real servers in test/fixtures/odoo/<serie>/{models.json,reference_data.json}.
 *
 *   npx tsx scripts/build-catalogs.ts           write the catalogs
 *   npx tsx scripts/build-catalogs.ts --check   exit 1 if a catalog differs from a rebuild
 *
 * Output is deterministic: re-running it on the same recordings gives byte-identical files.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";
import {
  RawFieldsGetEntry,
  RawIrModel,
  RawModule,
  RawReferenceRecord,
  RawServerVersion,
  schemaFromOdoo,
  type ConvertedSchema,
  type RawModelInput,
} from "../compiler/catalog/from-odoo.js";
import { stableJson } from "../compiler/catalog/json.js";

const REPO_ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
export const RECORDINGS_DIR = join(REPO_ROOT, "test", "fixtures", "odoo");
export const CATALOGS_DIR = join(REPO_ROOT, "compiler", "catalogs");

const RecordedModel = z.looseObject({
  ir_model: RawIrModel,
  fields: z.record(z.string(), RawFieldsGetEntry),
  default_get: z.record(z.string(), z.unknown()).optional(),
});

const RecordedModels = z.looseObject({
  server_version: RawServerVersion,
  models_requested: z.array(z.string()),
  models_skipped_not_installed: z.array(z.string()),
  default_get_errors: z.record(z.string(), z.string()).optional(),
  installed_modules: z.array(RawModule),
  models: z.record(z.string(), RecordedModel),
});

const RecordedReferences = z.looseObject({
  models: z.record(
    z.string(),
    // Either the records or, for a model the server lacks, the error it gave.
    z.looseObject({
      count: z.number().int().optional(),
      records: z.array(RawReferenceRecord).optional(),
      error: z.string().optional(),
    }),
  ),
});

function parseRecording<T>(schema: z.ZodType<T>, path: string): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new Error(`${path}: not a recording this script understands:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Reduces one serie's recordings to its catalog. Pure apart from reading the two files. */
export function catalogFromRecordings(serieDir: string): ConvertedSchema {
  const recorded = parseRecording(RecordedModels, join(serieDir, "models.json"));
  const referenceData = parseRecording(RecordedReferences, join(serieDir, "reference_data.json"));
  const version = recorded.server_version;

  const models: RawModelInput[] = Object.values(recorded.models).map((model) => ({
    irModel: model.ir_model,
    fieldsGet: model.fields,
    defaultGet: model.default_get,
  }));

  const references: Record<string, RawReferenceRecord[]> = {};
  const referenceNotes: string[] = [];
  for (const [modelName, entry] of Object.entries(referenceData.models)) {
    if (entry.records === undefined) {
      referenceNotes.push(`No reference records for ${modelName}: ${entry.error ?? "not recorded"}.`);
      continue;
    }
    const records = entry.records.filter((record) => typeof record.name === "string");
    for (const record of entry.records) {
      if (typeof record["note"] === "string") referenceNotes.push(`${modelName}: ${record["note"]}.`);
    }
    if (records.length < (entry.count ?? records.length) && !entry.records.some((record) => typeof record["note"] === "string")) {
      referenceNotes.push(`${modelName}: ${records.length} of ${entry.count} records listed.`);
    }
    references[modelName] = records;
  }

  const notes = [
    `Recorded from a real Odoo Community ${version.server_version} database (no demo data) with ` +
      `${recorded.installed_modules.length} modules installed; ${Object.keys(recorded.models).length} models: ` +
      "the ones Flitmap mappings touch, not every model of the database.",
    ...(recorded.models_skipped_not_installed.length > 0
      ? [`Not in this version: ${recorded.models_skipped_not_installed.join(", ")}.`]
      : []),
    "Writability comes from fields_get readonly/store only: a read-only stored field is 'unknown' " +
      "(a plain column or a stored compute cannot be told apart without fields_get depends).",
    "required is Odoo's ORM flag; values refused by Python or SQL constraints are listed in compiler/catalog/constraints.ts.",
    "Defaults are default_get as admin with an empty context right after install; ids in defaults and " +
      "references belong to the recorded database, xmlids are stable.",
    "res.users virtual group fields (in_group_N, sel_groups_N_M) are left out: their names carry database ids.",
    ...referenceNotes.sort(),
  ];

  return schemaFromOdoo({
    origin: "catalog",
    version,
    modules: recorded.installed_modules,
    models,
    references,
    notes,
  });
}

/** The series that have recordings: every directory of test/fixtures/odoo holding a models.json. */
export function recordedSeries(recordingsDir: string = RECORDINGS_DIR): string[] {
  return readdirSync(recordingsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(recordingsDir, entry.name, "models.json")))
    .map((entry) => entry.name)
    .sort();
}

export function catalogFileName(serie: string): string {
  return `odoo-${serie}.json`;
}

/** Every catalog file's name and exact text. */
export function buildCatalogTexts(recordingsDir: string = RECORDINGS_DIR): Map<string, string> {
  const texts = new Map<string, string>();
  for (const serie of recordedSeries(recordingsDir)) {
    const { schema } = catalogFromRecordings(join(recordingsDir, serie));
    if (schema.serie !== serie) {
      throw new Error(`${join(recordingsDir, serie)}: the server says serie ${schema.serie}; rename the directory to match`);
    }
    texts.set(catalogFileName(serie), stableJson(schema));
  }
  return texts;
}

function main(args: readonly string[]): number {
  const check = args.includes("--check");
  const texts = buildCatalogTexts();
  let stale = 0;
  if (!check) mkdirSync(CATALOGS_DIR, { recursive: true });
  for (const [fileName, text] of texts) {
    const path = join(CATALOGS_DIR, fileName);
    const current = existsSync(path) ? readFileSync(path, "utf8") : undefined;
    if (current === text) {
      process.stdout.write(`${fileName}: up to date (${text.length} bytes)\n`);
      continue;
    }
    if (check) {
      stale += 1;
      process.stdout.write(`${fileName}: differs from a rebuild; run npx tsx scripts/build-catalogs.ts\n`);
    } else {
      writeFileSync(path, text);
      process.stdout.write(`${fileName}: written (${text.length} bytes)\n`);
    }
  }
  return stale === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
