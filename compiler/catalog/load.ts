/**
 * Loading schema files: the shipped catalogs and files written by `flitmap schema pull`.
 * The only module here that touches the file system.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import type { z } from "zod";
import { OdooSchema, SCHEMA_FORMAT } from "./schema.js";
import { jsonPathOffset, jsonSyntaxErrorOffset, lineColumnAt } from "./json-locate.js";
import { compareSeries } from "./series.js";

/** Where a problem in a schema file is: the JSON path, and the line/column when known. */
export interface SchemaFileLocation {
  readonly jsonPath?: string;
  readonly line?: number;
  readonly column?: number;
}

export type SchemaFileResult = { readonly schema: OdooSchema } | { readonly error: string; readonly location?: SchemaFileLocation };

const CATALOG_FILE = /^odoo-(.+)\.json$/;

/**
 * The catalogs live in compiler/catalogs/ and tsc does not copy JSON into dist/, so the
 * directory is looked up from this module's own location: ../catalogs/ when running from
 * source (vitest, tsx), ../../../compiler/catalogs/ when running from dist/compiler/catalog/,
 * ../compiler/catalogs/ from the CLI bundle, dist/flitmap-cli.cjs.
 */
const CATALOG_DIR_CANDIDATES = [
  new URL("../catalogs/", import.meta.url),
  new URL("../../../compiler/catalogs/", import.meta.url),
  // A bundle one folder down in dist/ (dist/chunks/*.mjs).
  new URL("../../compiler/catalogs/", import.meta.url),
  // The CLI bundle (dist/flitmap-cli.cjs).
  new URL("../compiler/catalogs/", import.meta.url),
  // The VS Code extension's bundled server, with its copy in dist/catalogs/.
  new URL("./catalogs/", import.meta.url),
];

let catalogDirectory: string | undefined;

export function shippedCatalogDirectory(): string {
  if (catalogDirectory !== undefined) return catalogDirectory;
  for (const candidate of CATALOG_DIR_CANDIDATES) {
    const path = fileURLToPath(candidate);
    if (existsSync(path) && readdirSync(path).some((name) => CATALOG_FILE.test(name))) {
      catalogDirectory = path;
      return path;
    }
  }
  const tried = CATALOG_DIR_CANDIDATES.map((candidate) => fileURLToPath(candidate)).join(", ");
  throw new Error(`Flitmap's Odoo catalogs are missing (looked in ${tried}); reinstall Flitmap or run npx tsx scripts/build-catalogs.ts`);
}

let shippedSeries: string[] | undefined;

/** The Odoo series Flitmap ships a catalog for, oldest first. */
export function listShippedSeries(): string[] {
  if (shippedSeries === undefined) {
    shippedSeries = readdirSync(shippedCatalogDirectory())
      .map((name) => CATALOG_FILE.exec(name)?.[1])
      .filter((serie): serie is string => serie !== undefined)
      .sort(compareSeries);
  }
  return [...shippedSeries];
}

/**
 * Whether `value`, read from a shipped catalog's file, is the catalog of `serie`. The shipped
 * catalogs are validated against the schema when scripts/build-catalogs.ts writes them and by
 * test/compiler/catalog/shipped-catalogs.test.ts; validating their 2.8 MB again at every start was
 * most of a `flitmap check`'s catalog time, so loading checks only that the file is the catalog
 * expected (a damaged one is then validated, for the message).
 */
function isShippedCatalog(value: unknown, serie: string): value is OdooSchema {
  return (
    typeof value === "object" &&
    value !== null &&
    "format" in value &&
    value.format === SCHEMA_FORMAT &&
    "origin" in value &&
    value.origin === "catalog" &&
    "serie" in value &&
    value.serie === serie &&
    "models" in value &&
    typeof value.models === "object" &&
    value.models !== null
  );
}

/**
 * Freezes the catalog down to each model's table of fields, so that no caller adds or replaces a
 * model or a field of the object all callers share (the types make every field read-only; freezing
 * each of the hundred thousand objects below would cost a start more than reading the file).
 */
function freezeCatalog(schema: OdooSchema): OdooSchema {
  for (const model of Object.values(schema.models)) {
    Object.freeze(model.fields);
    Object.freeze(model);
  }
  Object.freeze(schema.models);
  Object.freeze(schema.references);
  Object.freeze(schema.modules);
  return Object.freeze(schema);
}

const loadedCatalogs = new Map<string, OdooSchema>();

function readShippedCatalog(path: string, serie: string): OdooSchema {
  try {
    const data: unknown = JSON.parse(readFileSync(path, "utf8"));
    if (isShippedCatalog(data, serie)) return data;
  } catch {
    // Damaged: the validation below says how.
  }
  const result = loadSchemaFile(path);
  if ("error" in result) throw new Error(`Flitmap's catalog is damaged: ${result.error}`);
  return result.schema;
}

/**
 * The shipped catalog of `serie`, frozen and cached (callers share one object).
 * Throws when no catalog is shipped for it: check listShippedSeries() first.
 */
export function loadShippedCatalog(serie: string): OdooSchema {
  const cached = loadedCatalogs.get(serie);
  if (cached !== undefined) return cached;
  if (!listShippedSeries().includes(serie)) {
    throw new Error(`No Odoo catalog for "${serie}": Flitmap ships ${listShippedSeries().join(", ")}; pull a schema from your server instead`);
  }
  const schema = freezeCatalog(readShippedCatalog(join(shippedCatalogDirectory(), `odoo-${serie}.json`), serie));
  loadedCatalogs.set(serie, schema);
  return schema;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `models["crm.lead"].fields.name.type`, the way a reader would write it in JavaScript. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else if (typeof key === "string" && IDENTIFIER.test(key)) text += text === "" ? key : `.${key}`;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text === "" ? "(the top level)" : text;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return `${formatJsonPath(issue.path)}: ${issue.message}`;
}

/**
 * Validates the text of a schema file. `fileName` only labels messages, which name the file,
 * the JSON path of the first problem and its line:column, and say what to do.
 */
export function parseSchemaText(text: string, fileName: string): SchemaFileResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = jsonSyntaxErrorOffset(text);
    const at = offset === undefined ? undefined : lineColumnAt(text, offset);
    const where = at ? `${fileName}:${at.line}:${at.column}` : fileName;
    return {
      error: `${where}: not valid JSON (${message}); pull the schema again or fix the file`,
      ...(at ? { location: at } : {}),
    };
  }
  if (data !== null && typeof data === "object" && "format" in data && data.format !== SCHEMA_FORMAT) {
    const found = JSON.stringify(data.format);
    return {
      error: `${fileName}: schema file format ${found}, this Flitmap reads format ${SCHEMA_FORMAT}; pull the schema again with this version`,
      location: { jsonPath: "format" },
    };
  }
  const parsed = OdooSchema.safeParse(data);
  if (parsed.success) return { schema: parsed.data };
  const issues = parsed.error.issues;
  const first = issues[0];
  if (first === undefined) return { error: `${fileName}: not a Flitmap schema file` };
  const at = lineColumnAt(text, jsonPathOffset(text, first.path));
  const where = `${fileName}:${at.line}:${at.column}`;
  const more =
    issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""}: ${issues.slice(1, 4).map(describeIssue).join("; ")})` : "";
  return {
    error: `${where}: not a valid Flitmap schema file: ${describeIssue(first)}${more}; pull the schema again or fix the file`,
    location: { jsonPath: formatJsonPath(first.path), ...at },
  };
}

/** Reads and validates a schema file (a shipped catalog or one written by `schema pull`). */
export function loadSchemaFile(path: string): SchemaFileResult {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const reason = error instanceof Error && "code" in error && error.code === "ENOENT" ? "no such file" : String(error);
    return { error: `${path}: cannot read the schema file (${reason}); check the path, or run flitmap schema pull to create it` };
  }
  // A byte order mark is not JSON; editors on Windows add one.
  return parseSchemaText(text.replace(/^\uFEFF/, ""), path);
}
