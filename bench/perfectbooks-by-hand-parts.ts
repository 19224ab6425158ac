/**
 * The parts of the hand-written Perfect Books transform (bench/perfectbooks-by-hand.ts) that are
 * not its steps: what it hands over and accounts, the mapping's value tables and field lists as
 * code, the cell and key helpers, and a row's notes.
 */
import type { EntityPlan, LookupPlan } from "../compiler/plan/schema.js";
import { joinKey, type RowRejection, type RowValue } from "../runtime/source/index.js";
import { knownTargetRecords, type WriteBatch } from "../runtime/targets/target.js";
import { collapseWhitespace } from "../runtime/transform/builtin-text.js";

/** Where batches go: the same sink a dry run of the executor writes to. */
export interface BatchSink {
  write(batch: WriteBatch): void;
}

export type NoteKind = "flagged" | "table-default" | "lookup-fallback" | "lookup-missing" | "dangling-reference";

export interface HandNote {
  readonly step: string;
  readonly field: string;
  readonly kind: NoteKind;
  count: number;
  readonly examples: string[];
}

export interface HandReject {
  readonly entity: string;
  readonly step?: string;
  readonly file?: string;
  readonly line?: number;
  readonly key?: string;
  readonly reason: string;
  readonly cells?: Readonly<Record<string, string>>;
}

export interface HandStepCounts {
  readonly step: string;
  loaded: number;
  skipped: number;
  rejected: number;
  deferredWritten: number;
}

export interface HandEntityCounts {
  readonly entity: string;
  read: number;
  duplicates: number;
  loaded: number;
  linked: number;
  skipped: number;
  rejected: number;
}

export interface HandResult {
  readonly steps: readonly HandStepCounts[];
  readonly entities: readonly HandEntityCounts[];
  readonly rejects: readonly HandReject[];
  readonly notes: readonly HandNote[];
  /** Rows the reader handed over, every pass counted. */
  readonly rowsRead: number;
}

export type Text = string | null;

/** A value of a field before it becomes a cell: text, a number, a boolean, an external ID, a list of them. */
export interface Ref {
  readonly xmlid: string;
}

export class RowRejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export const BATCH_SIZE = 500;

// ------------------------------------------------------------------------------------------------
// The mapping's value tables, as a programmer would write them.

export const INDUSTRY = new Map<string, string>([
  ["Legal Services", "base.res_partner_industry_M"],
  ["Accountancy", "base.res_partner_industry_M"],
  ["Construction", "base.res_partner_industry_F"],
  ["Retail", "base.res_partner_industry_G"],
  ["Hospitality", "base.res_partner_industry_I"],
  ["IT & Software", "base.res_partner_industry_J"],
  ["Manufacturing", "base.res_partner_industry_C"],
  ["Property", "base.res_partner_industry_L"],
  ["Healthcare", "base.res_partner_industry_Q"],
  ["Education", "base.res_partner_industry_P"],
  ["Financial Services", "base.res_partner_industry_K"],
  ["Transport & Logistics", "base.res_partner_industry_H"],
  ["Charity", "base.res_partner_industry_S"],
  ["Media & Marketing", "base.res_partner_industry_J"],
]);
export const PIPELINE_TEAM = new Map([
  ["Sales Pipeline", "sales_team.team_sales_department"],
  ["Conveyancing", "perfectbooks.crm_team_conveyancing"],
]);
export const TASK_TYPE = new Map([
  ["Call", "mail.mail_activity_data_call"],
  ["Meeting", "mail.mail_activity_data_meeting"],
  ["Email", "mail.mail_activity_data_email"],
  ["To-do", "mail.mail_activity_data_todo"],
]);
export const PARENT_MODEL = new Map([
  ["Contact", "res.partner"],
  ["Company", "res.partner"],
  ["Deal", "crm.lead"],
]);
export const PRACTICE_AREA = new Map([
  ["Conveyancing", "conveyancing"],
  ["Family", "family"],
  ["Litigation", "litigation"],
  ["Employment", "employment"],
  ["Probate", "probate"],
  ["Commercial", "commercial"],
  ["Immigration", "immigration"],
]);
export const CONTACT_METHOD = new Map([
  ["Email", "email"],
  ["Phone", "phone"],
  ["Post", "post"],
]);
export const RATING = new Map([
  ["hot", "hot"],
  ["warm", "warm"],
  ["cold", "cold"],
]);
export const LEAD_TYPE = new Map([
  ["Qualified", "opportunity"],
  ["Unqualified", "lead"],
]);
export const SALUTATION = new Map([
  ["Mr", "base.res_partner_title_mister"],
  ["Mrs", "base.res_partner_title_madam"],
  ["Ms", "base.res_partner_title_madam"],
  ["Miss", "base.res_partner_title_miss"],
  ["Dr", "base.res_partner_title_doctor"],
]);
export const NOTE_SUBTYPE = "mail.mt_note";

export const FIELDS = {
  stage: ["id", "name", "sequence", "is_won", "fold", "team_id/id"],
  company: [
    "id",
    "is_company",
    "type",
    "name",
    "website",
    "phone",
    "street",
    "street2",
    "city",
    "zip",
    "country_id/id",
    "industry_id/id",
    "vat",
    "user_id/id",
    "x_original_owner",
    "x_employee_count",
    "x_annual_revenue",
    "x_client_since",
    "x_practice_area",
    "x_retainer_agreed",
  ],
  companyDeferred: ["id", "parent_id/id"],
  contact: [
    "id",
    "name",
    "type",
    "x_own_address",
    "email",
    "phone",
    "function",
    "user_id/id",
    "x_original_owner",
    "x_marketing_opt_in",
    "x_contact_method",
    "mobile",
    "title/id",
    "parent_id/id",
    "x_company_role",
    "street",
    "city",
    "zip",
    "country_id/id",
    "x_other_companies",
  ],
  deal: [
    "id",
    "name",
    "type",
    "expected_revenue",
    "probability",
    "date_deadline",
    "date_closed",
    "stage_id/id",
    "team_id/id",
    "user_id/id",
    "partner_id/id",
    "active",
    "x_deal_score",
    "x_rating",
    "x_stage_entered",
    "x_original_owner",
  ],
  attachment: ["id", "name", "datas", "mimetype", "res_model", "res_id"],
  note: ["id", "model", "res_id", "body", "message_type", "subtype_id/id", "author_id/id", "date", "attachment_ids/id"],
  task: ["id", "res_model_id/id", "res_id", "activity_type_id/id", "summary", "date_deadline", "user_id/id", "active", "date_done"],
} as const;

// ------------------------------------------------------------------------------------------------
// Small pure helpers.

export function isEmptyText(value: RowValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

export function nonBlank(text: string): Text {
  return text.trim() === "" ? null : text;
}

export function text(value: RowValue): Text {
  return typeof value === "string" ? value : null;
}

export function trim(value: RowValue): Text {
  return typeof value === "string" && value.trim() !== "" ? nonBlank(collapseWhitespace(value)) : null;
}

export function numberCell(value: number | null): string {
  if (value === null) return "";
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}

export function booleanCell(value: RowValue): string {
  return typeof value === "boolean" ? (value ? "1" : "0") : "";
}

export function textCell(value: Text): string {
  return value ?? "";
}

export function refCell(value: Ref | null): string {
  return value === null ? "" : value.xmlid;
}

/** The key candidates of a reference, as the reader normalises keys (1001 and "1001.0" are the same). */
export function keyForms(key: string): string[] {
  const trimmed = key.trim();
  return /^[+-]?\d+(\.0+)?$/.test(trimmed) ? [trimmed, String(Number(trimmed))] : [trimmed];
}

/** The key a row the reader rejected names, from its key cells as read (the reader's way of joining them); undefined when one is blank. */
export function rejectedKeyOf(entity: EntityPlan, rejection: RowRejection): string | undefined {
  const parts = entity.key.map((column) => (rejection.raw[column] ?? "").trim());
  return parts.every((part) => part !== "") ? joinKey(parts) : undefined;
}

export function firstForm<T>(key: string, map: ReadonlyMap<string, T> | ReadonlySet<string>): string | undefined {
  for (const form of keyForms(key)) if (map.has(form)) return form;
  return undefined;
}

// ------------------------------------------------------------------------------------------------

export interface StepRecord {
  readonly loaded: boolean;
  readonly xmlid: string;
  readonly why?: string;
  /** Where a refused row is. */
  readonly file?: string;
  readonly line?: number;
}

/** Where a row the reader rejected is, and why. */
export interface RejectedRow {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

/** A row said by where it is, as a reference to it says why it has no record. */
export function rowWhy(row: { readonly file?: string; readonly line?: number }, reason: string): string {
  return row.file === undefined || row.line === undefined
    ? `its row was rejected: ${reason}`
    : `its row, ${row.file} line ${row.line}, was rejected: ${reason}`;
}

export interface EntityIndex {
  readonly entity: EntityPlan;
  readonly keys: Set<string>;
  readonly rejectedKeys: Map<string, RejectedRow>;
  readonly rejections: RowRejection[];
  duplicates: number;
  read: number;
}

export interface LinkedCompany {
  readonly order: RowValue;
  readonly companyId: RowValue;
  readonly role: RowValue;
}

export interface LinkedAttachment {
  readonly id: RowValue;
  readonly parentType: RowValue;
}

/** Collects one row's notes per field, committed when the field's value is kept. */
export class RowNotes {
  pending: { kind: NoteKind; detail: string }[] = [];

  add(kind: NoteKind, detail: string): void {
    this.pending.push({ kind, detail });
  }

  /** The notes of a `??` operand a later one replaced: the problem stays, "left empty" goes. */
  supersede(from: number, to: number): void {
    for (let index = from; index < to; index++) {
      const note = this.pending[index];
      if (note === undefined || (note.kind !== "dangling-reference" && note.kind !== "lookup-missing" && note.kind !== "flagged")) continue;
      this.pending[index] = { kind: note.kind, detail: `${note.detail.replace(/; left empty$/, "")}; the value after \`??\` was used` };
    }
  }

  /** Why a required value is empty, from what was noted along the way. */
  because(): string {
    const details = this.pending.filter((note) => note.kind === "dangling-reference" || note.kind === "lookup-missing").map((note) => note.detail);
    return details.length > 0 ? ` (${details.join("; ")})` : "";
  }
}

export const MODELS: Readonly<Record<string, string>> = {
  stage: "crm.stage",
  company: "res.partner",
  contact: "res.partner",
  deal: "crm.lead",
  attachment: "ir.attachment",
  note: "mail.message",
  task: "mail.activity",
};

export function fillLookup(index: Map<string, Ref>, lookup: LookupPlan): void {
  // Without a server, the reference data in the plan is what there is to match (as in a dry run).
  const records = knownTargetRecords(lookup);
  for (const field of lookup.matchFields) {
    for (const record of records) {
      if (!lookup.includeArchived && !record.active) continue;
      const value = record.values[field];
      if (value === undefined || value === null || value === false || record.xmlid === undefined) continue;
      const key = String(value).trim().toLowerCase();
      if (key === "" || index.has(key)) continue;
      index.set(key, { xmlid: record.xmlid });
    }
  }
}

/** The order of `order by`: empty last, false before true, numbers and text in their order. */
export function orderValues(left: RowValue, right: RowValue): number {
  if (left === right) return 0;
  if (left === null) return 1;
  if (right === null) return -1;
  if (typeof left === "number" && typeof right === "number") return left - right;
  if (typeof left === "boolean" && typeof right === "boolean") return left ? 1 : -1;
  return String(left) < String(right) ? -1 : String(left) > String(right) ? 1 : 0;
}
