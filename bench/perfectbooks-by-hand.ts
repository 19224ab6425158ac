/**
 * The shipped mapping mappings/perfectbooks-to-odoo, written by hand in TypeScript: the baseline
 * of bench/transform.ts. It reads the export with the same reader as the executor (readPlanEntity,
 * the plan's entities: same files, same typed columns, same duplicate rule), parses with the same
 * value functions (parseCell, the trim and html helpers, the attachment reader), and hands the
 * same batches of cells to the same sink as a dry run of the executor; it also keeps the same
 * accounts (every row loaded, skipped or rejected with its reason; values left empty counted per
 * field). What it does not do is interpret a plan: every field is a line of code.
 *
 * The benchmark checks that both produce the same cells, the same rejects and the same counts
 * (`--verify`), so the ratio compares equal work.
 *
 * It is written for the plan the package compiles to for Odoo 17.0 with `secondary_links "text"`
 * (mobile and title on res.partner, other companies as text), and refuses any other. This file
 * holds its steps; what it does around them is in perfectbooks-by-hand-base.ts, its tables and
 * helpers in perfectbooks-by-hand-parts.ts.
 */
import type { Plan } from "../compiler/plan/schema.js";
import { FolderListings, isKnownTimeZone, parseCell, readAttachmentNow, type RowValue } from "../runtime/source/index.js";
import type { WriteRow } from "../runtime/targets/target.js";
import { baseName } from "../runtime/transform/builtin-files.js";
import { localDayOfDateTime } from "../runtime/transform/builtin-parse.js";
import { plainTextToHtml } from "../runtime/transform/builtin-text.js";

export type { BatchSink, HandEntityCounts, HandResult } from "./perfectbooks-by-hand-parts.js";
import { ByHandBase } from "./perfectbooks-by-hand-base.js";
import {
  BATCH_SIZE,
  type BatchSink,
  booleanCell,
  CONTACT_METHOD,
  FIELDS,
  type HandResult,
  INDUSTRY,
  isEmptyText,
  LEAD_TYPE,
  nonBlank,
  NOTE_SUBTYPE,
  numberCell,
  orderValues,
  PARENT_MODEL,
  PIPELINE_TEAM,
  PRACTICE_AREA,
  RATING,
  type Ref,
  refCell,
  RowNotes,
  RowRejected,
  SALUTATION,
  TASK_TYPE,
  type Text,
  text,
  textCell,
  trim,
} from "./perfectbooks-by-hand-parts.js";

class ByHand extends ByHandBase {
  /** The export's folders listed once, as a run lists them (a missing file is looked for under another letter case). */
  private readonly listings = new FolderListings();
  private async stages(): Promise<void> {
    await this.step("stage", "Pipeline", FIELDS.stage, (row, cells, notes) => {
      const v = row.values;
      const name = trim(v["stage_name"] ?? null);
      if (name === null) throw new RowRejected("Odoo requires name, but it is empty");
      this.cell("stage", "name", cells, notes, name);
      this.cell("stage", "sequence", cells, notes, numberCell(typeof v["sequence"] === "number" ? v["sequence"] : null));
      this.cell("stage", "is_won", cells, notes, booleanCell(v["won"] ?? null));
      this.cell("stage", "fold", cells, notes, booleanCell(v["folded"] ?? null));
      this.cell("stage", "team_id", cells, notes, textCell(this.table("pipeline_team", PIPELINE_TEAM, v["pipeline"] ?? null, "flag", notes)));
    });
  }

  private async companies(): Promise<{ key: string; xmlid: string; parent: RowValue }[]> {
    const loaded: { key: string; xmlid: string; parent: RowValue }[] = [];
    const s = "company";
    await this.step(
      s,
      "Company",
      FIELDS.company,
      (row, cells, notes) => {
        const v = row.values;
        this.cell(s, "is_company", cells, notes, "1");
        this.cell(s, "type", cells, notes, isEmptyText(v["parent_id"] ?? null) ? "contact" : "other");
        this.cell(s, "name", cells, notes, textCell(trim(v["name"] ?? null)));
        this.cell(s, "website", cells, notes, textCell(this.parsedText("url", v["domain"] ?? null, notes)));
        this.cell(s, "phone", cells, notes, textCell(trim(v["phone"] ?? null)));
        this.cell(s, "street", cells, notes, textCell(trim(v["address_1"] ?? null)));
        this.cell(s, "street2", cells, notes, textCell(trim(v["address_2"] ?? null)));
        this.cell(s, "city", cells, notes, textCell(trim(v["city"] ?? null)));
        this.cell(s, "zip", cells, notes, textCell(trim(v["postcode"] ?? null)));
        this.cell(s, "country_id", cells, notes, refCell(this.flaggedLookup(this.countries, "res.country record has name", v["country"] ?? null, notes)));
        this.cell(s, "industry_id", cells, notes, textCell(this.table("industry", INDUSTRY, v["industry"] ?? null, "flag", notes)));
        this.cell(s, "vat", cells, notes, textCell(trim(v["vat_number"] ?? null)));
        this.cell(s, "user_id", cells, notes, refCell(this.user(v["owner_email"] ?? null, notes)));
        this.cell(s, "x_original_owner", cells, notes, textCell(text(v["owner_email"] ?? null)));
        this.cell(s, "x_employee_count", cells, notes, numberCell(this.parsedNumber("integer", v["employees"] ?? null, notes)));
        this.cell(s, "x_annual_revenue", cells, notes, numberCell(this.parsedNumber("money", v["annual_revenue"] ?? null, notes)));
        this.cell(s, "x_client_since", cells, notes, textCell(this.parsedText("date", v["client_since"] ?? null, notes)));
        this.cell(s, "x_practice_area", cells, notes, textCell(this.table("practice_area", PRACTICE_AREA, v["practice_area"] ?? null, "flag", notes)));
        this.cell(s, "x_retainer_agreed", cells, notes, booleanCell(v["retainer_agreed"] ?? null));
      },
      (row, xmlid) => loaded.push({ key: row.key, xmlid, parent: row.values["parent_id"] ?? null }),
    );
    return loaded;
  }

  /** Second pass: a company's parent company, once every company has its record. */
  private companyParents(loaded: readonly { key: string; xmlid: string; parent: RowValue }[]): void {
    const counts = this.counts("company");
    const notes = new RowNotes();
    let batch: WriteRow[] = [];
    const flush = (): void => {
      if (batch.length === 0) return;
      this.sink.write({ step: "company", model: "res.partner", pass: "deferred", fields: FIELDS.companyDeferred, rows: batch });
      counts.deferredWritten += batch.length;
      batch = [];
    };
    for (const company of loaded) {
      const parent = refCell(this.ref("company", "Company", company.parent, notes));
      this.commitNotes("company", "parent_id", notes);
      if (parent === "") continue;
      batch.push({ key: company.key, xmlid: company.xmlid, cells: [company.xmlid, parent] });
      if (batch.length >= BATCH_SIZE) flush();
    }
    flush();
  }

  private async contacts(): Promise<void> {
    const s = "contact";
    await this.step(s, "Contact", FIELDS.contact, (row, cells, notes) => {
      const v = row.values;
      const first = v["first_name"] ?? null;
      const last = v["last_name"] ?? null;
      const name = trim(`${first === null ? "" : String(first)} ${last === null ? "" : String(last)}`);
      if (name === null) throw new RowRejected("name: the value is empty, and this field requires one");
      this.cell(s, "name", cells, notes, name);
      this.cell(s, "type", cells, notes, "contact");
      const address = [v["address_1"] ?? null, v["postcode"] ?? null, v["city"] ?? null].filter((part) => !isEmptyText(part)).map(String);
      this.cell(s, "x_own_address", cells, notes, textCell(nonBlank(address.join(", "))));
      this.cell(s, "email", cells, notes, textCell(this.parsedText("email", trim(v["email"] ?? null), notes)));
      this.cell(s, "phone", cells, notes, textCell(trim(v["phone"] ?? null)));
      this.cell(s, "function", cells, notes, textCell(trim(v["job_title"] ?? null)));
      this.cell(s, "user_id", cells, notes, refCell(this.user(v["owner_email"] ?? null, notes)));
      this.cell(s, "x_original_owner", cells, notes, textCell(text(v["owner_email"] ?? null)));
      this.cell(s, "x_marketing_opt_in", cells, notes, booleanCell(v["marketing_opt_in"] ?? null));
      this.cell(s, "x_contact_method", cells, notes, textCell(this.table("contact_method", CONTACT_METHOD, v["contact_method"] ?? null, "flag", notes)));
      this.cell(s, "mobile", cells, notes, textCell(trim(v["mobile"] ?? null)));
      this.cell(s, "title", cells, notes, textCell(this.table("salutation", SALUTATION, v["salutation"] ?? null, "flag", notes)));
      // The primary company first; among equals, the export's order.
      const links = [...(this.contactCompanies.get(row.key) ?? [])].sort((left, right) => -orderValues(left.order, right.order));
      const primary = links[0]?.companyId ?? null;
      this.cell(s, "parent_id", cells, notes, refCell(this.ref("company", "Company", primary, notes)));
      const role = links[0]?.role ?? null;
      this.cell(s, "x_company_role", cells, notes, role === null ? "" : String(role));
      // The person's own address only when no company's record is its parent (Odoo copies the company's in); each field asks again.
      const ownAddress = (cell: () => string): string => (this.ref("company", "Company", primary, notes) === null ? cell() : "");
      this.cell(
        s,
        "street",
        cells,
        notes,
        ownAddress(() => textCell(trim(v["address_1"] ?? null))),
      );
      this.cell(
        s,
        "city",
        cells,
        notes,
        ownAddress(() => textCell(trim(v["city"] ?? null))),
      );
      this.cell(
        s,
        "zip",
        cells,
        notes,
        ownAddress(() => textCell(trim(v["postcode"] ?? null))),
      );
      this.cell(
        s,
        "country_id",
        cells,
        notes,
        ownAddress(() => refCell(this.flaggedLookup(this.countries, "res.country record has name", v["country"] ?? null, notes))),
      );
      const others: string[] = [];
      for (const link of links.slice(1)) {
        const name = this.get("Company", this.companyNames, link.companyId, notes);
        if (name !== null && !isEmptyText(name)) others.push(String(name));
      }
      this.cell(s, "x_other_companies", cells, notes, textCell(nonBlank(others.join("; "))));
    });
  }

  private async deals(): Promise<void> {
    const s = "deal";
    await this.step(s, "Deal", FIELDS.deal, (row, cells, notes, defaulted) => {
      const v = row.values;
      const name = trim(v["name"] ?? null);
      if (name === null) throw new RowRejected("Odoo requires name, but it is empty");
      this.cell(s, "name", cells, notes, name);
      const type = this.table("lead_type", LEAD_TYPE, v["qualification"] ?? null, "flag", notes);
      if (type === null) defaulted.push("type");
      this.cell(s, "type", cells, notes, textCell(type));
      this.cell(s, "expected_revenue", cells, notes, numberCell(this.parsedNumber("money", v["amount"] ?? null, notes)));
      this.cell(s, "probability", cells, notes, numberCell(this.parsedNumber("decimal", v["probability"] ?? null, notes)));
      this.cell(s, "date_deadline", cells, notes, textCell(this.parsedText("date", v["close_date"] ?? null, notes)));
      const stage = v["stage"] ?? null;
      let closed: Text = null;
      if (this.get("Pipeline", this.pipelineWon, stage, notes) === true) {
        const day = this.parsedText("date", v["close_date"] ?? null, notes);
        if (day !== null) {
          const parsed = parseCell("datetime", day, this.format);
          if (parsed.kind === "invalid") throw new RowRejected(`date_closed: ${parsed.reason}`);
          closed = parsed.kind === "value" ? String(parsed.value) : null;
        }
      }
      this.cell(s, "date_closed", cells, notes, textCell(closed));
      this.cell(s, "stage_id", cells, notes, refCell(this.ref("stage", "Pipeline", stage, notes)));
      this.cell(s, "team_id", cells, notes, textCell(this.table("pipeline_team", PIPELINE_TEAM, v["pipeline"] ?? null, "flag", notes)));
      this.cell(s, "user_id", cells, notes, refCell(this.user(v["owner_email"] ?? null, notes)));
      const beforeContact = notes.pending.length;
      let partner = this.ref("contact", "Contact", v["contact_id"] ?? null, notes);
      if (partner === null) {
        const beforeCompany = notes.pending.length;
        partner = this.ref("company", "Company", v["company_id"] ?? null, notes);
        if (partner !== null) notes.supersede(beforeContact, beforeCompany);
      }
      this.cell(s, "partner_id", cells, notes, refCell(partner));
      this.cell(s, "active", cells, notes, this.get("Pipeline", this.pipelineLost, stage, notes) === true ? "0" : "1");
      this.cell(s, "x_deal_score", cells, notes, numberCell(this.parsedNumber("integer", v["deal_score"] ?? null, notes)));
      this.cell(s, "x_rating", cells, notes, textCell(this.table("rating", RATING, v["hot_rating"] ?? null, "flag", notes)));
      this.cell(s, "x_stage_entered", cells, notes, textCell(text(v["stage_entered"] ?? null)));
      this.cell(s, "x_original_owner", cells, notes, textCell(text(v["owner_email"] ?? null)));
    });
  }

  private async attachments(): Promise<void> {
    const s = "attachment";
    await this.step(s, "Attachment", FIELDS.attachment, async (row, cells, notes) => {
      const v = row.values;
      const path = text(v["path"] ?? null);
      const fileName = v["file_name"] ?? null;
      let name: Text = isEmptyText(fileName) ? null : String(fileName);
      if (name === null && path !== null && path.trim() !== "") {
        const base = baseName(path);
        if (base === "") throw new RowRejected(`name: '${path.trim()}' names a folder, not a file`);
        name = nonBlank(base);
      }
      if (name === null) throw new RowRejected("Odoo requires name, but it is empty");
      this.cell(s, "name", cells, notes, name);
      let datas: Text = null;
      let mimetype: Text = null;
      if (path !== null && path.trim() !== "") {
        const read = readAttachmentNow(this.directory, path.trim(), { listings: this.listings });
        if (read.kind === "rejected") throw new RowRejected(`datas: ${read.reason}`);
        datas = read.base64;
        mimetype = read.mimeType;
      }
      this.cell(s, "datas", cells, notes, textCell(datas));
      const contentType = v["content_type"] ?? null;
      this.cell(s, "mimetype", cells, notes, textCell(isEmptyText(contentType) ? mimetype : String(contentType)));
      const parentType = v["parent_type"] ?? null;
      const parentId = v["parent_id"] ?? null;
      const modelOf = parentType === "Note" ? this.get("Note", this.noteParentType, parentId, notes) : parentType;
      let model: Text;
      try {
        model = this.table("parent_model", PARENT_MODEL, modelOf, "reject", notes);
      } catch (error) {
        throw error instanceof RowRejected ? new RowRejected(`res_model: ${error.reason}`) : error;
      }
      this.cell(s, "res_model", cells, notes, textCell(model));
      let record: Ref | null;
      if (parentType === "Deal") record = this.ref("deal", "Deal", parentId, notes);
      else if (parentType === "Company") record = this.ref("company", "Company", parentId, notes);
      else if (parentType === "Contact") record = this.ref("contact", "Contact", parentId, notes);
      else if (this.get("Note", this.noteParentType, parentId, notes) === "Deal")
        record = this.ref("deal", "Deal", this.get("Note", this.noteParentId, parentId, notes), notes);
      else if (this.get("Note", this.noteParentType, parentId, notes) === "Company")
        record = this.ref("company", "Company", this.get("Note", this.noteParentId, parentId, notes), notes);
      else record = this.ref("contact", "Contact", this.get("Note", this.noteParentId, parentId, notes), notes);
      this.required("res_id", record, notes);
      // A many2one_reference is written as a database id, which a dry run does not know.
      this.cell(s, "res_id", cells, notes, "");
    });
  }

  private async chatter(): Promise<void> {
    const s = "note";
    await this.step(s, "Note", FIELDS.note, (row, cells, notes) => {
      const v = row.values;
      const parentType = v["parent_type"] ?? null;
      let model: Text;
      try {
        model = this.table("parent_model", PARENT_MODEL, parentType, "reject", notes);
      } catch (error) {
        throw error instanceof RowRejected ? new RowRejected(`model: ${error.reason}`) : error;
      }
      this.cell(s, "model", cells, notes, textCell(model));
      this.required("res_id", this.parentRecord(parentType, v["parent_id"] ?? null, notes), notes);
      this.cell(s, "res_id", cells, notes, "");
      const body = v["body"] ?? null;
      this.cell(s, "body", cells, notes, typeof body === "string" && body.trim() !== "" ? textCell(nonBlank(plainTextToHtml(body))) : "");
      this.cell(s, "message_type", cells, notes, "comment");
      this.cell(s, "subtype_id", cells, notes, NOTE_SUBTYPE);
      this.cell(s, "author_id", cells, notes, refCell(this.flaggedLookup(this.authors, "res.partner record has email", v["author_email"] ?? null, notes)));
      this.cell(s, "date", cells, notes, textCell(text(v["created"] ?? null)));
      const attachments: string[] = [];
      for (const attachment of this.attachmentsByParent.get(row.key) ?? []) {
        if (attachment.parentType !== "Note") continue;
        const record = this.ref("attachment", "Attachment", attachment.id, notes);
        if (record !== null) attachments.push(record.xmlid);
      }
      this.cell(s, "attachment_ids", cells, notes, attachments.join(","));
    });
  }

  private async tasks(): Promise<void> {
    const s = "task";
    if (!isKnownTimeZone(this.timeZone)) throw new Error(`the source's time zone '${this.timeZone}' is not a known time zone`);
    await this.step(s, "Task", FIELDS.task, (row, cells, notes, defaulted) => {
      const v = row.values;
      const parentType = v["parent_type"] ?? null;
      let model: Text;
      try {
        model = this.table("parent_model", PARENT_MODEL, parentType, "reject", notes);
      } catch (error) {
        throw error instanceof RowRejected ? new RowRejected(`res_model_id: ${error.reason}`) : error;
      }
      const modelRecord = model === null ? null : this.odooModels.get(model.trim().toLowerCase());
      if (model !== null && modelRecord === undefined) throw new RowRejected(`res_model_id: no ir.model record has model ${JSON.stringify(model.trim())}`);
      if (modelRecord === null || modelRecord === undefined) throw new RowRejected("Odoo requires res_model_id, but it is empty");
      this.cell(s, "res_model_id", cells, notes, modelRecord.xmlid);
      this.required("res_id", this.parentRecord(parentType, v["parent_id"] ?? null, notes), notes);
      this.cell(s, "res_id", cells, notes, "");
      let activityType: Text;
      try {
        activityType = this.table("task_type", TASK_TYPE, v["kind"] ?? null, "reject", notes);
      } catch (error) {
        throw error instanceof RowRejected ? new RowRejected(`activity_type_id: ${error.reason}`) : error;
      }
      this.cell(s, "activity_type_id", cells, notes, textCell(activityType));
      this.cell(s, "summary", cells, notes, textCell(trim(v["subject"] ?? null)));
      const due = text(v["due"] ?? null);
      if (due === null) defaulted.push("date_deadline");
      this.cell(s, "date_deadline", cells, notes, textCell(due));
      const user = this.user(v["owner_email"] ?? null, notes);
      if (user === null) defaulted.push("user_id/id");
      this.cell(s, "user_id", cells, notes, refCell(user));
      this.cell(s, "active", cells, notes, v["status"] === "Done" ? "0" : "1");
      const completed = text(v["completed_at"] ?? null);
      let done: Text = null;
      if (completed !== null && completed.trim() !== "") {
        const day = localDayOfDateTime(completed, this.timeZone);
        if (day === undefined)
          throw new RowRejected(
            `date_done: \`date\` takes a datetime, but was given '${completed}'; the plan does not match the data (compile the mapping again)`,
          );
        done = day;
      }
      this.cell(s, "date_done", cells, notes, textCell(done));
    });
  }

  async run(): Promise<HandResult> {
    await this.index();
    await this.stages();
    const companies = await this.companies();
    await this.contacts();
    await this.deals();
    await this.attachments();
    await this.chatter();
    await this.tasks();
    this.companyParents(companies);
    const entities = this.entityCounts();
    return { steps: [...this.stepCounts.values()], entities, rejects: this.rejects, notes: [...this.notes.values()], rowsRead: this.rowsRead };
  }
}

export function runByHand(plan: Plan, sourceDirectory: string, sink: BatchSink): Promise<HandResult> {
  return new ByHand(plan, sourceDirectory, sink).run();
}
