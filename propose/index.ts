/**
 * `flitmap init`'s proposal: from a sampled export and the target Odoo's schema to a formatted
 * package that passes `flitmap check` without errors. Pure but for the compiler host, which the
 * caller gives (the check reads a pulled schema file through it).
 *
 * After writing the proposal, the package is checked; a line the compiler refuses is turned into
 * a `// TODO` with the compiler's reason, so a specialist starts from a package that checks.
 */
import { posix } from "node:path";
import { analyzePackage } from "../compiler/analyze.js";
import type { OdooSchema } from "../compiler/catalog/index.js";
import { diskHost, overlayHost, type CompilerHost } from "../compiler/host.js";
import type { Diagnostic } from "../language/diagnostic.js";
import { parse } from "../language/parse.js";
import { DEFAULT_PRINT_WIDTH, print } from "../language/printer.js";
import { ProposalBuilder } from "./build.js";
import type { DoneActivities } from "./build-state.js";
import { declaredType } from "./column-types.js";
import { defaultBooleanWords, defaultWordsUsed, type BooleanWords } from "./value-shapes.js";
import { emitPackage, type CsvPlan, type CsvSetting, type EmittedFile, type EmittedLine } from "./emit.js";
import { profileEntities, type EntityProfile } from "./entities.js";
import type { ExportSample } from "./export.js";
import type { ColumnOutcome, ColumnReport, PackageProposal } from "./proposal.js";
import { identifierOf } from "./words.js";

export type { ExportFile, ExportSample } from "./export.js";
export type { ColumnOutcome, ColumnReport, PackageProposal } from "./proposal.js";
export type { DoneActivities } from "./build-state.js";
export { guessColumnType, type ColumnTypeGuess } from "./column-types.js";
export { profileEntities, type EntityProfile } from "./entities.js";

export interface ProposeOptions {
  /** The source's name in the package (`perfectview`); also the external ID namespace. */
  readonly sourceName: string;
  /** As the migration block will say it: a shipped series, or a schema file relative to the package. */
  readonly target: PackageProposal["target"];
  readonly schema: OdooSchema;
  /** The folder the package will be written to: the check resolves the schema file from it. */
  readonly directory: string;
  /** Reads files the check needs (a pulled schema); the disk by default. */
  readonly host?: CompilerHost;
  readonly printWidth?: number;
  /** Done activities kept archived or written as chatter messages; unset, decided per file. */
  readonly doneActivities?: DoneActivities;
}

export interface ProposedPackage {
  /** File name → formatted text. */
  readonly files: readonly EmittedFile[];
  readonly proposal: PackageProposal;
  readonly columns: readonly ColumnReport[];
  /** What `flitmap check` reports on the package (warnings only, unless something went wrong). */
  readonly diagnostics: readonly Diagnostic[];
  /** Lines the check refused and that were turned into TODOs, with the reason. */
  readonly demoted: readonly string[];
}

function majority<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

function numericSeparators(entity: EntityProfile): ("." | ",")[] {
  return entity.columns
    .filter((column) => (column.guess.type === "decimal" || column.guess.type === "money") && column.guess.decimal !== undefined)
    .map((column) => column.guess.decimal ?? ".");
}

/** The encodings most exports come in, which `auto` reads without a word in the package. */
const AUTO_DETECTED: ReadonlySet<string> = new Set(["utf-8", "utf-16le", "utf-16be", "windows-1252", "mixed"]);

/** The csv options: what most files and columns share at source level, the rest per entity or column. */
function planCsv(sample: ExportSample, entities: readonly EntityProfile[]): CsvPlan {
  const source: CsvSetting[] = [];
  const comments: string[] = [];
  const delimiter = majority(sample.files.map((file) => file.delimiter)) ?? ",";
  source.push({ name: "delimiter", value: delimiter === "\t" ? "\t" : delimiter });
  const encodings = new Map<string, number>();
  for (const file of sample.files) encodings.set(file.encoding, (encodings.get(file.encoding) ?? 0) + 1);
  const [only] = encodings.keys();
  if (encodings.size === 1 && only !== undefined) {
    source.push({ name: "encoding", value: only });
  } else {
    source.push({ name: "encoding", value: "auto" });
    const described = [...encodings.entries()].map(([encoding, count]) => `${count} ${encoding}`).join(", ");
    comments.push(`encoding auto: the files differ (${described}); each is read in its own encoding`);
  }
  const columns = entities.flatMap((entity) => [...entity.columns, ...entity.groups.flatMap((group) => group.columns)]);
  // Columns read as text and converted in the map name their pattern there.
  const typed = columns.filter((column) => declaredType(column.guess) === column.guess.type);
  const date = majority(
    typed.filter((column) => column.guess.type === "date" && column.guess.pattern !== undefined).map((column) => column.guess.pattern ?? ""),
  );
  const datetime = majority(
    typed.filter((column) => column.guess.type === "datetime" && column.guess.pattern !== undefined).map((column) => column.guess.pattern ?? ""),
  );
  if (date !== undefined) source.push({ name: "date", value: date });
  if (datetime !== undefined) source.push({ name: "datetime", value: datetime });
  const decimal = majority(entities.flatMap(numericSeparators)) ?? ".";
  if (decimal === ",") source.push({ name: "decimal", value: "," });
  source.push(...booleanSettings(columns));
  if (datetime !== undefined) {
    comments.push(
      `TODO: the export's date-times are local times, read as UTC until its time zone is given: add timezone "${timeZoneExample(columns, decimal)}" (or the right zone) to the csv options`,
    );
  }
  const entityCsv = new Map<string, CsvSetting[]>();
  const columnFormats = new Map<string, string>();
  for (const entity of entities) {
    const settings: CsvSetting[] = [];
    const own = majority(entity.group.files.map((file) => file.delimiter));
    if (own !== undefined && own !== delimiter) settings.push({ name: "delimiter", value: own });
    // A file in another code page than `auto` reads most exports in declares it, so that the package says what the export is.
    const ownEncoding = majority(entity.group.files.map((file) => file.encoding));
    if (encodings.size > 1 && ownEncoding !== undefined && !AUTO_DETECTED.has(ownEncoding)) settings.push({ name: "encoding", value: ownEncoding });
    const ownDecimal = majority(numericSeparators(entity));
    if (ownDecimal !== undefined && ownDecimal !== decimal) settings.push({ name: "decimal", value: ownDecimal });
    if (settings.length > 0) entityCsv.set(entity.name, settings);
    for (const column of [...entity.columns, ...entity.groups.flatMap((group) => group.columns)]) {
      const key = `${entity.name}.${column.group === undefined ? "" : `${column.group}.`}${column.name}`;
      if (column.guess.percent === true) columnFormats.set(key, "%");
      const pattern = declaredType(column.guess) === column.guess.type ? column.guess.pattern : undefined;
      const defaultPattern = column.guess.type === "date" ? date : column.guess.type === "datetime" ? datetime : undefined;
      if (pattern !== undefined && pattern !== defaultPattern && (column.guess.type === "date" || column.guess.type === "datetime"))
        columnFormats.set(key, pattern);
    }
  }
  const emptyValues = recurringPlaceholders(columns);
  if (emptyValues.length > 0) {
    source.push({ name: "empty_values", value: emptyValues.join(", ") });
    comments.push(
      `empty_values: ${emptyValues.map((value) => `'${value}'`).join(", ")} stand for no value in several columns; every column reads them as blank`,
    );
  }
  return { source, sourceComments: comments, entities: entityCsv, columnFormats, emptyValues: new Set(emptyValues) };
}

/**
 * Placeholders several columns share (`-` for no phone and no credit limit, `N/D` for no amount and
 * no date) are the export's way of writing no value: declared once for the source. One column's
 * own placeholder stays on that column. A value holding a comma cannot be listed.
 */
function recurringPlaceholders(columns: readonly EntityProfile["columns"][number][]): string[] {
  const columnsHolding = new Map<string, number>();
  const rows = new Map<string, number>();
  for (const column of columns) {
    for (const placeholder of column.guess.placeholders) {
      columnsHolding.set(placeholder.value, (columnsHolding.get(placeholder.value) ?? 0) + 1);
      rows.set(placeholder.value, (rows.get(placeholder.value) ?? 0) + placeholder.count);
    }
  }
  return [...columnsHolding.entries()]
    .filter(([value, count]) => count >= 2 && !value.includes(","))
    .map(([value]) => value)
    .sort((left, right) => (rows.get(right) ?? 0) - (rows.get(left) ?? 0) || (left < right ? -1 : 1));
}

/**
 * `true_words` and `false_words` when a yes/no column uses words the reader does not know by
 * default (`nein`, `oui`/`non`): every yes/no word the export uses, the reader's own among them
 * (an activity report's `x` beside a register's `ja`/`nej`), since the option gives the whole list.
 */
function booleanSettings(columns: readonly EntityProfile["columns"][number][]): CsvSetting[] {
  const lists = columns.flatMap((column): BooleanWords[] => {
    if (column.guess.type !== "boolean") return [];
    return [column.guess.booleanWords ?? defaultWordsUsed(column.values)];
  });
  if (lists.every(defaultBooleanWords)) return [];
  const words = (side: "true" | "false"): string => [...new Set(lists.flatMap((list) => list[side]))].sort().join(",");
  return [
    { name: "true_words", value: words("true") },
    { name: "false_words", value: words("false") },
  ];
}

/** Countries' names as exports write them, and the time zone of their capital. */
const COUNTRY_ZONES: readonly (readonly [RegExp, string])[] = [
  [/^(deutschland|germany|allemagne|duitsland)$/, "Europe/Berlin"],
  [/^(france|frankreich|frankrijk)$/, "Europe/Paris"],
  [/^(nederland|netherlands|the netherlands|niederlande|pays-bas)$/, "Europe/Amsterdam"],
  [/^(belgi(e|ë|que|um)|belgien)$/, "Europe/Brussels"],
  [/^(osterreich|österreich|austria|autriche)$/, "Europe/Vienna"],
  [/^(schweiz|suisse|switzerland|zwitserland)$/, "Europe/Zurich"],
  [/^(united kingdom|uk|england|scotland|wales|great britain)$/, "Europe/London"],
  [/^(ireland|irland|ierland|irlande)$/, "Europe/Dublin"],
];

/** The zone the export's countries suggest (the most frequent), else one its amounts suggest. */
function timeZoneExample(columns: readonly EntityProfile["columns"][number][], decimal: "." | ","): string {
  const zones = columns
    .filter((column) => column.words.includes("country"))
    .flatMap((column) => column.values.map((value) => COUNTRY_ZONES.find(([pattern]) => pattern.test(value.trim().toLowerCase()))?.[1] ?? ""))
    .filter((zone) => zone !== "");
  const fromCountries = majority(zones);
  if (fromCountries !== undefined) return fromCountries;
  const money = columns.find((column) => column.guess.currency !== undefined)?.guess.currency;
  return money === "GBP" ? "Europe/London" : decimal === "," ? "Europe/Amsterdam" : "Europe/London";
}

/** Formats a file as `flitmap fmt` does (without a Prettier configuration). */
export function formatFlitmap(text: string, file: string, printWidth = DEFAULT_PRINT_WIDTH): string {
  const parsed = parse(text, file);
  const error = parsed.diagnostics.find((diagnostic) => diagnostic.severity === "error");
  if (error !== undefined) throw new Error(`${file}:${error.range.start.line}:${error.range.start.column}: the proposal does not parse: ${error.message}`);
  return print(parsed.document, { text, printWidth });
}

const ASSIGNMENT_LINE = /^(\s*)([A-Za-z_][A-Za-z0-9_]*\s*(?:<-|=)\s*.*?)(?:\s*\/\/.*)?$/;

function analyze(files: readonly EmittedFile[], directory: string, host: CompilerHost): readonly Diagnostic[] {
  const contents = new Map(files.map((file) => [posix.join(directory, file.name), file.text]));
  const overlay = overlayHost(contents, host);
  return analyzePackage(
    [...contents.entries()].map(([path, text]) => ({ path, text })),
    { host: overlay },
  ).diagnostics;
}

/** Proposes a package for an export. */
export function proposePackage(sample: ExportSample, options: ProposeOptions): ProposedPackage {
  const entities = profileEntities(sample);
  const migrationName = identifierOf(`${options.sourceName}_to_odoo`, "migration");
  const proposal = new ProposalBuilder(entities, {
    migrationName,
    sourceName: options.sourceName,
    target: options.target,
    schema: options.schema,
    ...(options.doneActivities === undefined ? {} : { doneActivities: options.doneActivities }),
  }).build();
  const plan = planCsv(sample, entities);
  const emitted = emitPackage(proposal, plan);
  const directory = options.directory.split("\\").join("/");
  const host = options.host ?? diskHost;
  let files = emitted.files;
  const demoted: string[] = [];
  const outcomes = new Map(proposal.columns.map((report) => [`${report.entity}\u0000${report.column}`, report]));
  let diagnostics = analyze(files, directory, host);
  for (let round = 0; round < 3 && diagnostics.some((diagnostic) => diagnostic.severity === "error"); round++) {
    const byFile = new Map<string, Set<number>>();
    const reasons = new Map<string, string>();
    for (const diagnostic of diagnostics) {
      if (diagnostic.severity !== "error") continue;
      const name = posix.basename(diagnostic.file);
      const lines = byFile.get(name) ?? new Set<number>();
      lines.add(diagnostic.range.start.line);
      byFile.set(name, lines);
      reasons.set(`${name}:${diagnostic.range.start.line}`, `${diagnostic.code} ${diagnostic.message}`);
    }
    let changed = false;
    files = files.map((file) => {
      const lines = byFile.get(file.name);
      if (lines === undefined) return file;
      const text = file.text.split("\n").map((line, index) => {
        if (!lines.has(index + 1)) return line;
        const match = ASSIGNMENT_LINE.exec(line);
        if (match === null || line.trimStart().startsWith("//")) return line;
        changed = true;
        const reason = reasons.get(`${file.name}:${index + 1}`) ?? "";
        demoted.push(`${file.name}: ${(match[2] ?? "").trim()} — ${reason}`);
        const emittedLine = emitted.lines.find((candidate) => candidate.file === file.name && candidate.line === index + 1);
        if (emittedLine !== undefined) markTodo(outcomes, emittedLine);
        return `${match[1] ?? ""}// TODO (flitmap check: ${reason.replace(/\s+/g, " ")}): ${(match[2] ?? "").trim()}`;
      });
      return { name: file.name, text: text.join("\n") };
    });
    if (!changed) break;
    diagnostics = analyze(files, directory, host);
  }
  const printWidth = options.printWidth ?? DEFAULT_PRINT_WIDTH;
  const formatted = files.map((file) => ({ name: file.name, text: formatFlitmap(file.text, file.name, printWidth) }));
  return {
    files: formatted,
    proposal,
    columns: [...outcomes.values()],
    diagnostics: analyze(formatted, directory, host),
    demoted,
  };
}

function markTodo(outcomes: Map<string, ColumnReport>, line: EmittedLine): void {
  for (const column of line.columns) {
    const key = `${line.entity}\u0000${column}`;
    const report = outcomes.get(key);
    if (report === undefined) continue;
    const changed: ColumnOutcome[] = report.outcomes.map((outcome) =>
      outcome.kind === "field" && outcome.field === line.field
        ? { kind: "todo", model: outcome.model, field: outcome.field, confidence: outcome.confidence }
        : outcome,
    );
    outcomes.set(key, { ...report, outcomes: changed });
  }
}
