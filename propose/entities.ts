/**
 * Entities of an export, profiled: their columns (with types, repeated column groups such as
 * `Contactpersoon 1..3`), the key, duplicate keys across chunks, the column that dates changes,
 * references between entities, and what kind of CRM object each most likely is. Pure.
 */
import { asTimesOfDay } from "./agenda-rows.js";
import { findColumnGroups } from "./column-groups.js";
import { guessColumnType, type ColumnTypeGuess } from "./column-types.js";
import { groupFiles, type ExportSample, type FileGroup } from "./export.js";
import { collectRows, ID_WORDS, trimmedKey, type EntityRows, type KeyChoice } from "./entity-rows.js";
import { namesOrganisations } from "./legal-forms.js";
import { givenAndSurnames, stampsOf } from "./value-roles.js";
import { findPolymorphic, findReferences, keyValues, namesRows, type Draft, type PolymorphicParent, type ReferenceProfile } from "./references.js";
import { valueList, type ValueList } from "./value-shapes.js";
import { conceptWords, identifierOf } from "./words.js";
import { accountFileKind } from "./account-files.js";

export type { PolymorphicParent, ReferenceProfile } from "./references.js";

export interface ColumnProfile {
  /** As declared: the header, or for a group column the header with `{n}` for the instance number. */
  readonly header: string;
  readonly name: string;
  /** Every value of the column in the sample (for a group column, of every instance). */
  readonly values: readonly string[];
  readonly guess: ColumnTypeGuess;
  /** Concept words of the header (of its base, for a group column). */
  readonly words: readonly string[];
  /** The group the column belongs to, if any. */
  readonly group?: string;
  /** Cells listing several values (`Top-Kunde, Newsletter`), when they do. */
  readonly list?: ValueList;
}

/** `group contact[1..3] { contactpersoon "Contactpersoon {n}" text ... }` */
export interface GroupProfile {
  readonly name: string;
  readonly from: number;
  readonly to: number;
  /** Concept words of the label the group's headers share around the number (`Contato {n} - ...`). */
  readonly words: readonly string[];
  readonly columns: readonly ColumnProfile[];
}

export type EntityKind =
  | "company"
  | "person"
  | "relation"
  | "link"
  | "deal"
  | "lead"
  | "note"
  | "activity"
  | "message"
  | "document"
  | "quote"
  | "quote_line"
  | "invoice"
  | "invoice_line"
  | "user"
  | "case"
  | "stage"
  | "tag"
  | "definition"
  | "bank_account"
  | "unknown";

export interface EntityProfile {
  readonly name: string;
  readonly pattern: string;
  readonly group: FileGroup;
  readonly columns: readonly ColumnProfile[];
  readonly groups: readonly GroupProfile[];
  readonly key: readonly string[];
  /** How the key was chosen, for a comment. */
  readonly keyEvidence: string;
  /** Whether the key was a guess that no column really fits. */
  readonly keyUncertain: boolean;
  /** Keys found in more than one row (chunks repeating their edges). */
  readonly duplicateKeys: number;
  readonly modifiedColumn?: string;
  readonly references: readonly ReferenceProfile[];
  readonly polymorphic?: PolymorphicParent;
  readonly kind: EntityKind;
  /** Why the kind was chosen, and how sure. */
  readonly kindEvidence: string;
  readonly kindConfidence: number;
  readonly rowCount: number;
  readonly sampledRows: number;
}

// ---------------------------------------------------------------------------------------------
// rows and columns

function uniqueNames(): (wanted: string) => string {
  const used = new Set<string>();
  return (wanted) => {
    let name = wanted;
    for (let counter = 2; used.has(name); counter++) name = `${wanted}_${counter}`;
    used.add(name);
    return name;
  };
}

// ---------------------------------------------------------------------------------------------
// keys

/** Values that are data, never a record's identifier, whatever the header says (`Phone number`). */
const NOT_IDENTIFIERS: ReadonlySet<string> = new Set(["phone", "url", "date", "datetime", "money", "decimal", "boolean"]);

/** How much a header looks like a record's identifier. */
function idLikeness(column: ColumnProfile, entityWords: readonly string[]): number {
  if (NOT_IDENTIFIERS.has(column.guess.type)) return 0;
  const words = conceptWords(column.header);
  let score = 0;
  if (words.some((word) => ID_WORDS.has(word))) score += 0.6;
  if (words.some((word) => entityWords.includes(word))) score += 0.3;
  if (column.guess.type === "integer") score += 0.1;
  return score;
}

/** Whether the combined values of `columns` are non-blank and unique within every file. */
function uniqueWithinFiles(values: readonly (readonly string[])[], fileOfRow: readonly number[]): boolean {
  const seen = new Set<string>();
  const count = values[0]?.length ?? 0;
  for (let row = 0; row < count; row++) {
    const parts = values.map((column) => trimmedKey(column[row] ?? ""));
    if (parts.some((part) => part === "")) return false;
    const key = `${fileOfRow[row] ?? 0}\u0000${parts.join("\u0000")}`;
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return count > 0;
}

function duplicatesAcrossFiles(values: readonly (readonly string[])[]): number {
  const seen = new Set<string>();
  let duplicates = 0;
  const count = values[0]?.length ?? 0;
  for (let row = 0; row < count; row++) {
    const key = values.map((column) => trimmedKey(column[row] ?? "")).join("\u0000");
    if (seen.has(key)) duplicates++;
    seen.add(key);
  }
  return duplicates;
}

function chooseKey(columns: readonly ColumnProfile[], rows: EntityRows, entityWords: readonly string[], rowCount: number): KeyChoice {
  const valuesOf = (column: ColumnProfile): string[] => rows.columns.get(column.header) ?? [];
  const single = columns
    .map((column, index) => ({ column, index, score: idLikeness(column, entityWords) + (index === 0 ? 0.2 : 0) }))
    .filter(({ column }) => uniqueWithinFiles([valuesOf(column)], rows.fileOfRow))
    .sort((left, right) => right.score - left.score || left.index - right.index);
  const best = single[0];
  const sampled = `${rowCount} row${rowCount === 1 ? "" : "s"}`;
  if (best !== undefined && (best.score >= 0.5 || single.length === 1)) {
    return { columns: [best.column.name], evidence: `key: ${best.column.header} is unique and never blank in ${sampled}`, uncertain: false };
  }
  // Composite keys: a line number within a header record, a link between two records.
  const early = columns.slice(0, 6).filter((column) => column.guess.blank === 0);
  let pair: { columns: ColumnProfile[]; score: number } | undefined;
  for (let first = 0; first < early.length; first++) {
    for (let second = first + 1; second < early.length; second++) {
      const candidate = [early[first], early[second]].filter((column): column is ColumnProfile => column !== undefined);
      if (!uniqueWithinFiles(candidate.map(valuesOf), rows.fileOfRow)) continue;
      const score = candidate.reduce((sum, column) => sum + idLikeness(column, entityWords), 0) - (first + second) * 0.05;
      if (pair === undefined || score > pair.score) pair = { columns: candidate, score };
    }
  }
  if (pair !== undefined && (best === undefined || pair.score > best.score)) {
    return {
      columns: pair.columns.map((column) => column.name),
      evidence: `key: no column is unique alone; ${pair.columns.map((column) => column.header).join(" + ")} together are unique and never blank in ${sampled}`,
      uncertain: false,
    };
  }
  if (best !== undefined) {
    return {
      columns: [best.column.name],
      evidence: `key: ${best.column.header} is unique and never blank in ${sampled}, though its name does not say it is an id`,
      uncertain: true,
    };
  }
  const first = columns[0];
  return {
    columns: first === undefined ? [] : [first.name],
    evidence: `TODO: no column or pair of columns is unique in ${sampled}: say which columns identify a row`,
    uncertain: true,
  };
}

// ---------------------------------------------------------------------------------------------
// kinds

interface KindRule {
  readonly kind: EntityKind;
  /** Concept words of a file name that name this kind; every word of an entry must be present. */
  readonly names: readonly (readonly string[])[];
}

/** Checked in order: `quote line` before `quote`. */
const KIND_RULES: readonly KindRule[] = [
  { kind: "definition", names: [["custom", "field"], ["property"], ["workflow"], ["automation"], ["field"], ["setting"], ["template"]] },
  {
    kind: "quote_line",
    names: [
      ["quote", "line"],
      ["quotation", "line"],
      ["order", "line"],
      ["estimate", "line"],
    ],
  },
  {
    kind: "invoice_line",
    names: [
      ["invoice", "line"],
      ["bill", "line"],
    ],
  },
  { kind: "stage", names: [["pipeline"], ["stage"]] },
  { kind: "relation", names: [["relation"]] },
  { kind: "company", names: [["company"], ["account"], ["business"]] },
  { kind: "person", names: [["contact"], ["person"], ["people"], ["customer"], ["lid"], ["member"]] },
  { kind: "deal", names: [["deal"], ["opportunity"], ["matter"]] },
  { kind: "lead", names: [["lead"], ["prospect"]] },
  { kind: "note", names: [["note"], ["comment"]] },
  { kind: "activity", names: [["activity"], ["task"], ["todo"], ["call"], ["meeting"], ["appointment"], ["event"]] },
  { kind: "message", names: [["message"], ["email"], ["communication"], ["correspondence"], ["mail"], ["conversation"]] },
  { kind: "document", names: [["document"], ["attachment"], ["file"], ["upload"]] },
  { kind: "quote", names: [["quote"], ["quotation"], ["estimate"], ["offer"], ["order"]] },
  { kind: "invoice", names: [["invoice"], ["bill"]] },
  { kind: "user", names: [["user"], ["staff"], ["employee"], ["owner"]] },
  { kind: "case", names: [["case"], ["ticket"], ["issue"], ["support"], ["complaint"], ["incident"]] },
  { kind: "tag", names: [["tag"]] },
];

function kindFromName(words: readonly string[]): { kind: EntityKind; evidence: string } | undefined {
  for (const rule of KIND_RULES) {
    const name = rule.names.find((entry) => entry.every((word) => words.includes(word)));
    if (name !== undefined) return { kind: rule.kind, evidence: `the file name says ${name.join(" ")}` };
  }
  return undefined;
}

/** A group of columns about people: its label or one of its columns says person or contact. */
export function isPeopleGroup(group: GroupProfile): boolean {
  const people = (words: readonly string[]): boolean => words.includes("person") || words.includes("contact");
  return people(group.words) || group.columns.some((column) => people(column.words));
}

/** Without a telling file name: what the columns say (first and last names are people, ...). */
function kindFromColumns(columns: readonly ColumnProfile[], groups: readonly GroupProfile[]): { kind: EntityKind; evidence: string } | undefined {
  const words = new Set(columns.flatMap((column) => column.words));
  const has = (...wanted: string[]): boolean => wanted.every((word) => words.has(word));
  // A stage, a probability and an amount are a deal's own; the firm and contact person it names
  // (`Firma`, `Kontaktní osoba`) are its customer, not what the rows are.
  if (has("stage", "probability") && (has("amount") || has("value") || has("revenue")))
    return { kind: "deal", evidence: "it has stages, probabilities and amounts" };
  const personGroup = groups.some(isPeopleGroup);
  if (personGroup && (has("company", "name") || has("company"))) return { kind: "relation", evidence: "it holds an organisation and repeated contact persons" };
  const loneName = columns.some((column) => column.words.length === 1 && column.words[0] === "name");
  // First and last names, or a lone name beside first or last names (`Nom` + `Prénom`, `Nombre` + `Apellidos`).
  const personName = (has("first") && (has("last") || loneName)) || (has("last") && loneName);
  if (personName && has("company", "name")) return { kind: "relation", evidence: "it holds an organisation's name and a person's first and last names" };
  if (personName) return { kind: "person", evidence: "it has first and last names" };
  if (has("company", "name") || (has("website") && has("industry"))) return { kind: "company", evidence: "it has company names and web sites" };
  if (has("stage") && (has("amount") || has("revenue") || has("probability"))) return { kind: "deal", evidence: "it has stages and amounts" };
  if (has("deadline") && (has("done") || has("type") || has("subject"))) return { kind: "activity", evidence: "it has deadlines and what was done" };
  return undefined;
}

/** A pick-list of a few repeated values, filled nearly everywhere: a status, a stage, a type. */
function statusLike(column: ColumnProfile): boolean {
  const guess = column.guess;
  const filled = guess.total - guess.blank;
  return guess.type === "text" && guess.distinct >= 2 && guess.distinct <= 12 && filled >= guess.total * 0.8 && guess.distinct * 3 <= filled;
}

/** A free text of a few words, varied: a subject, a title. */
function subjectLike(column: ColumnProfile): boolean {
  const guess = column.guess;
  return guess.type === "text" && !guess.multiline && guess.distinct >= 3 && guess.maxLength <= 200 && column.list === undefined && !statusLike(column);
}

/**
 * Without telling names or header words (a language the lexicon does not know), what the values
 * say: amounts beside a date, a status and a link to other records are deals; a date, a yes/no
 * (done), a link and a subject are activities; a date, a text of several lines and a link are
 * notes; e-mail addresses, phone numbers or web sites are partners: people when they link to
 * other records (their organisation), organisations when only others link to them; names ending
 * in legal forms (`Kft.`, `s.r.o.`, `GmbH`), one a row, are organisations.
 */
function kindFromValues(
  columns: readonly ColumnProfile[],
  references: readonly ReferenceProfile[],
  referenced: boolean,
  keyColumns: readonly string[],
  self: string,
): { kind: EntityKind; evidence: string } | undefined {
  const plain = columns.filter((column) => !keyColumns.includes(column.name) && !references.some((reference) => reference.column === column.name));
  const types = new Set(plain.map((column) => column.guess.type));
  const dated = types.has("date") || types.has("datetime");
  const links = references.length > 0;
  const amounts = types.has("money") || types.has("decimal");
  const reachable = types.has("email") || types.has("phone") || types.has("url");
  const legalNames = plain.find((column) => namesRows(column, 0.9) && namesOrganisations(column.values));
  // A register of firms has amounts (a credit limit), dates, a type and links (a parent) as deals
  // do; each firm named once, with its legal form, beside its phones and e-mails, says firms.
  if (legalNames !== undefined && reachable)
    return { kind: "company", evidence: `its ${legalNames.header} are names of companies, one a row, many with their legal form, beside e-mail addresses or phone numbers` };
  // People's given names and surnames side by side, beside their e-mails or phones, are people,
  // whatever dates, yes/no flags and links their rows hold too (a contact's consent, its employer).
  if (reachable && !amounts && givenAndSurnames(plain) !== undefined)
    return { kind: "person", evidence: "its values are given names and surnames beside e-mail addresses or phone numbers" };
  if (amounts && dated && links && plain.some(statusLike)) return { kind: "deal", evidence: "its values are amounts, dates, a status and links to other records" };
  if (dated && types.has("boolean") && links && plain.some(subjectLike)) return { kind: "activity", evidence: "its values are dates, a yes/no, a subject and links to other records" };
  const outward = references.some((reference) => reference.entity !== self);
  if (reachable && outward && !amounts) return { kind: "person", evidence: "its values are e-mail addresses or phone numbers of records that link to others (their organisation)" };
  if (reachable && referenced && !amounts) return { kind: "company", evidence: "its values are e-mail addresses, phone numbers or web sites of records others link to" };
  if (legalNames !== undefined) return { kind: "company", evidence: `its ${legalNames.header} are names of companies, many with their legal form` };
  const written = plain.some((column) => column.guess.type === "text" && column.guess.multiline);
  if (dated && written && links && !types.has("boolean")) return { kind: "note", evidence: "its values are dates, texts of several lines and links to other records" };
  return undefined;
}

/**
 * A file neither its name, its columns' words nor the rules above type, and no other file points
 * to: a guess from what its values can be in Odoo rather than nothing. Prose about other files' records is notes in their
 * chatter; a column naming each row, or e-mail addresses, phones or web sites, partners. Said as a
 * guess (30%), for the specialist to confirm.
 */
function guessedKind(
  columns: readonly ColumnProfile[],
  references: readonly ReferenceProfile[],
  keyColumns: readonly string[],
): { kind: EntityKind; evidence: string; confidence: number } {
  const plain = columns.filter((column) => !keyColumns.includes(column.name) && !references.some((reference) => reference.column === column.name));
  const prose = plain.find((column) => column.guess.type === "text" && column.guess.multiline);
  if (prose !== undefined && references.length > 0)
    return { kind: "note", evidence: `a guess from its values: ${prose.header} is text of several lines about other files' records`, confidence: 0.3 };
  const reaching = plain.find((column) => column.guess.type === "email" || column.guess.type === "phone" || column.guess.type === "url");
  const naming = plain.find((column) => namesRows(column, 0.9));
  const partner = naming ?? reaching;
  if (partner !== undefined)
    return {
      kind: "person",
      evidence: `a guess from its values: ${partner.header} ${partner === naming ? "names each row" : "reaches someone"}, as a partner's do`,
      confidence: 0.3,
    };
  return UNKNOWN;
}

const UNKNOWN = { kind: "unknown", evidence: "neither its file name nor its columns say what it holds", confidence: 0 } as const;

// ---------------------------------------------------------------------------------------------
// profile

function profileColumns(rows: EntityRows, delimiter: string): { columns: ColumnProfile[]; groups: GroupProfile[] } {
  const name = uniqueNames();
  const grouped = new Set<string>();
  const groups: GroupProfile[] = [];
  const groupNames = uniqueNames();
  for (const found of findColumnGroups(rows.headers)) {
    const numbers = found.numbers;
    const memberName = uniqueNames();
    const columns: ColumnProfile[] = found.members.map((member) => {
      const headers = numbers.map((number) => member.header(number));
      const values = headers.flatMap((header) => rows.columns.get(header) ?? []);
      return {
        header: member.template,
        name: memberName(identifierOf(member.base, "column")),
        values,
        guess: guessColumnType(values),
        words: conceptWords(member.base),
        group: "",
      };
    });
    const first = columns[0];
    const labelWords = conceptWords(found.label);
    const group = { name: "", from: numbers[0] ?? 1, to: numbers[numbers.length - 1] ?? 1, words: labelWords, columns };
    // Only people repeat as records of their own (`for each`); other numbered columns (`Telefon 1`,
    // `E-Mail 2`) are fields of the row, each matched on its own.
    if (!isPeopleGroup(group)) continue;
    for (const member of found.members) for (const number of numbers) grouped.add(member.header(number));
    const groupName = groupNames(identifierOf(labelWords[0] ?? first?.words[0] ?? first?.name ?? "item", "item"));
    groups.push({ ...group, name: groupName, columns: columns.map((column) => ({ ...column, group: groupName })) });
  }
  const columns: ColumnProfile[] = [];
  rows.headers.forEach((header, index) => {
    if (grouped.has(header)) return;
    const values = rows.columns.get(header) ?? [];
    const guess = guessColumnType(values);
    const list =
      guess.type === "text"
        ? valueList(
            values.map((value) => value.trim()).filter((value) => value !== ""),
            delimiter,
          )
        : undefined;
    columns.push({
      header,
      name: name(identifierOf(header, `column_${index + 1}`)),
      values,
      guess,
      words: conceptWords(header),
      ...(list === undefined ? {} : { list }),
    });
  });
  return { columns: asTimesOfDay(columns), groups };
}

/** A column of digits compared as a number: `00042` and `42` are one key. */
function asWholeNumbers(column: ColumnProfile, why: string): ColumnProfile {
  const guess = column.guess;
  return { ...column, guess: { ...guess, type: "integer", evidence: `${guess.evidence.replace(/: a code, kept as text/, "")}; read as whole numbers: ${why}` } };
}

/**
 * A key written with leading zeros (`00042`, a code kept as text) that another file writes
 * without them (`42`) is read as a whole number, or the other file's references would find
 * nothing; so is every column of digits holding such keys (a contact's company, by its code).
 */
function numberCodeKeys(drafts: readonly Draft[], referencesOf: ReadonlyMap<Draft, readonly ReferenceProfile[]>): void {
  const numbered = new Map<string, Set<string>>();
  for (const draft of drafts) {
    const keyName = draft.key.columns.length === 1 ? draft.key.columns[0] : undefined;
    const keyColumn = draft.columns.find((column) => column.name === keyName);
    if (keyColumn === undefined || keyColumn.guess.type !== "text" || !keyColumn.values.every((value) => /^\d+$/.test(value.trim()))) continue;
    const written = new Set(keyColumn.values.map((value) => value.trim()));
    const unpadded = drafts.some((other) =>
      (referencesOf.get(other) ?? []).some((reference) => {
        if (reference.entity !== draft.group.name || reference.byName !== undefined) return false;
        const column = other.columns.find((candidate) => candidate.name === reference.column);
        return column !== undefined && column.values.some((value) => value.trim() !== "" && !written.has(value.trim()));
      }),
    );
    if (unpadded) numbered.set(draft.group.name, new Set(keyColumn.values.map(trimmedKey)));
  }
  for (const draft of drafts) {
    draft.columns.forEach((column, index) => {
      if (column.guess.type !== "text") return;
      const values = column.values.map((value) => value.trim()).filter((value) => value !== "");
      if (values.length === 0 || !values.every((value) => /^\d+$/.test(value))) return;
      const holds = [...numbered.entries()].find(([, keys]) => values.filter((value) => keys.has(trimmedKey(value))).length >= values.length * 0.8);
      if (holds !== undefined) draft.columns[index] = asWholeNumbers(column, `keys of ${holds[0]}, which other files write without the leading zeros`);
    });
  }
}

/** The kind of a header record's lines, for the kinds that have lines. */
const LINE_KINDS: Readonly<Partial<Record<EntityKind, EntityKind>>> = { quote: "quote_line", invoice: "invoice_line" };

/**
 * Lines of another file's records, whatever the file is called: rows keyed by a quote's (or an
 * invoice's) key and a line number within it (`2025/0042` + `10`, `20`, ...) are that record's
 * lines, unless the file's name says it holds something else.
 */
function asLines(entity: EntityProfile, entities: readonly EntityProfile[]): EntityProfile {
  if (entity.key.length !== 2 || Object.values(LINE_KINDS).includes(entity.kind)) return entity;
  for (const reference of entity.references) {
    const parent = entities.find((candidate) => candidate.name === reference.entity && candidate !== entity);
    const lineKind = parent === undefined ? undefined : LINE_KINDS[parent.kind];
    if (parent === undefined || lineKind === undefined || parent.key.length !== 1 || reference.byName !== undefined) continue;
    if (!entity.key.includes(reference.column) || (entity.kind !== parent.kind && entity.kindConfidence >= 0.9)) continue;
    const sequence = entity.columns.find((column) => column.name !== reference.column && entity.key.includes(column.name));
    if (sequence === undefined || sequence.guess.type !== "integer" || entity.references.some((other) => other.column === sequence.name)) continue;
    return {
      ...entity,
      kind: lineKind,
      kindEvidence: `its rows are keyed by a ${parent.name}'s ${reference.column} and a line number (${sequence.header}): the lines of a ${parent.kind}`,
      kindConfidence: 0.9,
    };
  }
  return entity;
}

/**
 * A file other files name their records' owners from (`Agente: AG01`, `Account manager`), its
 * name saying nothing else: the staff, who are Odoo users to find (by their e-mail), not
 * records to load.
 */
function asStaff(entity: EntityProfile, entities: readonly EntityProfile[]): EntityProfile {
  if (entity.kindConfidence >= 0.9 || entity.key.length !== 1 || !entity.columns.some((column) => column.guess.type === "email")) return entity;
  for (const other of entities) {
    const owner = other.references.find(
      (reference) => reference.entity === entity.name && other.columns.find((column) => column.name === reference.column)?.words.includes("owner") === true,
    );
    const header = other.columns.find((column) => column.name === owner?.column)?.header;
    if (header !== undefined) return { ...entity, kind: "user", kindEvidence: `${other.name}'s owners (${header}) are its keys: the staff`, kindConfidence: 0.8 };
  }
  return entity;
}

/** Profiles every entity of an export. */
export function profileEntities(sample: ExportSample): EntityProfile[] {
  const drafts: Draft[] = groupFiles(sample.files).map((group) => {
    const rows = collectRows(group);
    const { columns, groups } = profileColumns(rows, group.files[0]?.delimiter ?? ",");
    const key = chooseKey(columns, rows, group.words, rows.fileOfRow.length);
    return { group, rows, columns, groups, key };
  });
  const keys = new Map<Draft, Set<string>>();
  for (const draft of drafts) {
    const values = keyValues(draft);
    if (values !== undefined) keys.set(draft, values);
  }
  const referencesOf = new Map(drafts.map((draft) => [draft, findReferences(draft, drafts, keys)]));
  numberCodeKeys(drafts, referencesOf);
  const profiles = drafts.map((draft): EntityProfile => {
    const references = referencesOf.get(draft) ?? [];
    const polymorphic = findPolymorphic(draft, drafts, keys);
    const keyColumns = draft.key.columns
      .map((name) => draft.columns.find((column) => column.name === name))
      .filter((column): column is ColumnProfile => column !== undefined);
    const duplicateKeys = duplicatesAcrossFiles(keyColumns.map((column) => draft.rows.columns.get(column.header) ?? []));
    const modified =
      draft.columns.find((column) => column.words.includes("modified") && (column.guess.type === "datetime" || column.guess.type === "date")) ??
      (draft.columns.some((column) => column.words.includes("created") || column.words.includes("modified")) ? undefined : stampsOf(draft.columns)?.modified);
    const referencesTwo = draft.key.columns.length === 2 && draft.key.columns.every((name) => references.some((reference) => reference.column === name));
    let kind: { kind: EntityKind; evidence: string; confidence: number };
    const byName = kindFromName(draft.group.words);
    const referenced = drafts.some((other) => other !== draft && (referencesOf.get(other) ?? []).some((reference) => reference.entity === draft.group.name));
    const byColumns =
      accountFileKind(draft.columns, references, draft.group.name) ?? kindFromColumns(draft.columns, draft.groups) ?? kindFromValues(draft.columns, references, referenced, draft.key.columns, draft.group.name);
    if (referencesTwo) kind = { kind: "link", evidence: "its key is two references: it links records", confidence: 0.9 };
    else if (byName !== undefined && byName.kind === "relation" && byColumns?.kind !== "relation" && byColumns !== undefined)
      kind = { ...byColumns, confidence: 0.7 };
    else if (byName !== undefined) kind = { ...byName, confidence: 0.9 };
    else if (byColumns !== undefined) kind = { ...byColumns, confidence: 0.6 };
    // A file others point to (agents by code, with their e-mails and commissions) is read through them.
    else kind = referenced ? UNKNOWN : guessedKind(draft.columns, references, draft.key.columns);
    const rowCount = draft.group.files.reduce((sum, file) => sum + file.rowCount, 0);
    return {
      name: draft.group.name,
      pattern: draft.group.pattern,
      group: draft.group,
      columns: draft.columns,
      groups: draft.groups,
      key: draft.key.columns,
      keyEvidence: draft.key.evidence,
      keyUncertain: draft.key.uncertain,
      duplicateKeys,
      ...(modified === undefined ? {} : { modifiedColumn: modified.name }),
      references,
      ...(polymorphic === undefined ? {} : { polymorphic }),
      kind: kind.kind,
      kindEvidence: kind.evidence,
      kindConfidence: kind.confidence,
      rowCount,
      sampledRows: draft.rows.fileOfRow.length,
    };
  });
  return profiles.map((profile) => asStaff(asLines(profile, profiles), profiles));
}
