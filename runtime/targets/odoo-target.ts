/**
 * A live Odoo: lookups read once per run, custom fields and reference records ensured, rows
 * written through load() in batches with external IDs (a repeated batch updates, never
 * duplicates), and the values of records about to be updated read first, for rollback.
 */
import type { CustomFieldPlan, LookupPlan, RecordPlan } from "../../compiler/plan/schema.js";
import { loadInBatches, OdooError, QUIET_IMPORT_CONTEXT, RecomputeTracking, type OdooClient, type OdooRecord } from "../odoo/index.js";
import type { RecordRef } from "../transform/values.js";
import type {
  ActiveRefusal,
  ExistingRecord,
  LoadTarget,
  SetupIntent,
  SetupOutcome,
  TargetCapabilities,
  TargetRecord,
  WriteBatch,
  WriteResult,
  WriteRow,
} from "./target.js";

export interface OdooTargetOptions {
  readonly batchSize?: number;
  readonly concurrency?: number;
}

/** Odoo's answers that refuse a write of these records, as opposed to a server or connection failing. */
const REFUSALS: ReadonlySet<string> = new Set(["validation", "access-error", "constraint", "missing-record", "bad-value"]);

function many2oneId(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (Array.isArray(value) && typeof value[0] === "number") return value[0];
  return undefined;
}

export class OdooTarget implements LoadTarget {
  readonly mode = "live" as const;
  readonly capabilities: TargetCapabilities = { keepsRecords: true, earlierRecords: "journal-id", lookupMatches: "id", output: "records" };
  readonly referenceStyle = "id" as const;
  readonly #tracking: RecomputeTracking;

  constructor(
    readonly client: OdooClient,
    private readonly options: OdooTargetOptions = {},
  ) {
    this.#tracking = new RecomputeTracking(client, QUIET_IMPORT_CONTEXT);
  }

  describe(): string {
    return this.client.describe();
  }

  async lookupRecords(lookup: LookupPlan): Promise<readonly TargetRecord[]> {
    const fields = await this.client.fieldsGet(lookup.model, ["type"]);
    const hasActive = "active" in fields;
    const wanted = [...new Set([...lookup.matchFields, "display_name", ...(hasActive ? ["active"] : [])])];
    const context = lookup.includeArchived && hasActive ? { active_test: false } : {};
    const records = await this.client.searchReadAll(lookup.model, [], wanted, { context });
    const xmlids = await this.xmlidsOf(
      lookup.model,
      records.map((record) => record.id),
    );
    return records.map((record) => {
      const values: Record<string, unknown> = {};
      for (const field of lookup.matchFields) values[field] = record[field];
      const xmlid = xmlids.get(record.id);
      return {
        id: record.id,
        ...(xmlid === undefined ? {} : { xmlid }),
        label: String(record["display_name"] ?? record.id),
        values,
        active: record["active"] !== false,
      };
    });
  }

  private async xmlidsOf(model: string, ids: readonly number[]): Promise<Map<number, string>> {
    const found = new Map<number, string>();
    for (let start = 0; start < ids.length; start += 1000) {
      const chunk = ids.slice(start, start + 1000);
      const rows = await this.client.searchRead(
        "ir.model.data",
        [
          ["model", "=", model],
          ["res_id", "in", chunk],
        ],
        ["module", "name", "res_id"],
      );
      for (const row of rows) {
        const id = row["res_id"];
        if (typeof id === "number" && !found.has(id)) found.set(id, `${String(row["module"])}.${String(row["name"])}`);
      }
    }
    return found;
  }

  async ensureCustomFields(fields: readonly CustomFieldPlan[], intend?: (item: SetupIntent) => void): Promise<readonly SetupOutcome[]> {
    const outcomes: SetupOutcome[] = [];
    for (const field of fields) {
      const existing = await this.client.search("ir.model.fields", [
        ["model", "=", field.model],
        ["name", "=", field.name],
      ]);
      const existingId = existing[0];
      if (existingId !== undefined) {
        outcomes.push({ kind: "custom-field", model: field.model, name: field.name, id: existingId, action: "existing" });
        continue;
      }
      const [modelId] = await this.client.search("ir.model", [["model", "=", field.model]]);
      if (modelId === undefined) throw new Error(`the server has no model ${field.model} to add ${field.name} to`);
      const values: Record<string, unknown> = {
        name: field.name,
        field_description: field.label,
        model_id: modelId,
        ttype: field.type,
        state: "manual",
        required: field.required,
      };
      if (field.help !== undefined) values["help"] = field.help;
      if (field.relation !== undefined) values["relation"] = field.relation;
      if (field.selection !== undefined)
        values["selection"] = `[${field.selection.map((option) => `(${JSON.stringify(option.value)}, ${JSON.stringify(option.label)})`).join(", ")}]`;
      intend?.({ kind: "custom-field", model: field.model, name: field.name });
      // ir.model.fields has no chatter, but every write of a migration carries the quiet context.
      const [id] = await this.client.create("ir.model.fields", [values], QUIET_IMPORT_CONTEXT);
      outcomes.push({ kind: "custom-field", model: field.model, name: field.name, id: id ?? 0, action: "created" });
    }
    return outcomes;
  }

  async ensureRecords(
    records: readonly RecordPlan[],
    refOf: (model: string, xmlid: string) => RecordRef,
    intend?: (item: SetupIntent) => void,
  ): Promise<{ outcomes: readonly SetupOutcome[]; refs: ReadonlyMap<string, RecordRef> }> {
    const refs = new Map<string, RecordRef>();
    const outcomes: SetupOutcome[] = [];
    const known = await this.client.externalIds(records.map((record) => record.xmlid));
    for (const record of records) {
      const found = known.get(record.xmlid);
      if (found !== undefined) {
        refs.set(record.xmlid, { kind: "record", model: record.model, xmlid: record.xmlid, id: found.resId, label: record.name });
        outcomes.push({ kind: "record", model: record.model, name: record.name, xmlid: record.xmlid, id: found.resId, action: "existing" });
        continue;
      }
      if (record.existing) throw new Error(`the server has no ${record.model} record ${record.xmlid} (the mapping names it as existing)`);
      if (record.match !== undefined) {
        const [matched] = await this.client.search(record.model, [[record.match.field, "=", record.match.value]], { limit: 1 });
        if (matched !== undefined) {
          refs.set(record.xmlid, { kind: "record", model: record.model, id: matched, label: record.name });
          outcomes.push({ kind: "record", model: record.model, name: record.name, id: matched, action: "matched" });
          continue;
        }
      }
      const fields = Object.keys(record.values);
      const cells = fields.map((field) => {
        const value = record.values[field];
        if (value === undefined || value === null) return "";
        if (typeof value === "object") return String(refOf(value.model, value.xmlid).id ?? refs.get(value.xmlid)?.id ?? "");
        if (typeof value === "boolean") return value ? "1" : "0";
        return String(value);
      });
      const columns = fields.map((field) => (typeof record.values[field] === "object" && record.values[field] !== null ? `${field}/.id` : field));
      intend?.({ kind: "record", model: record.model, name: record.name, xmlid: record.xmlid });
      const result = await loadInBatches(this.client, record.model, ["id", ...columns], [{ key: record.xmlid, cells: [record.xmlid, ...cells] }]);
      const loaded = result.loaded[0];
      if (loaded === undefined) throw new Error(`Odoo refused the ${record.model} record ${record.name}: ${result.rejected[0]?.message ?? "no reason given"}`);
      refs.set(record.xmlid, { kind: "record", model: record.model, xmlid: record.xmlid, id: loaded.id, label: record.name });
      outcomes.push({ kind: "record", model: record.model, name: record.name, xmlid: record.xmlid, id: loaded.id, action: "created" });
    }
    return { outcomes, refs };
  }

  async existing(model: string, xmlids: readonly string[], fields: readonly string[]): Promise<ReadonlyMap<string, ExistingRecord>> {
    const found = await this.client.externalIds([...xmlids]);
    const ids = [...found.values()].filter((entry) => entry.model === model).map((entry) => entry.resId);
    if (ids.length === 0) return new Map();
    const plainFields = [...new Set(fields.map((field) => field.replace(/\/\.?id$/, "")).filter((field) => field !== "id"))];
    const records = await this.client.read(model, ids, plainFields);
    const byId = new Map<number, OdooRecord>(records.map((record) => [record.id, record]));
    const result = new Map<string, ExistingRecord>();
    for (const [xmlid, entry] of found) {
      const record = byId.get(entry.resId);
      if (record === undefined) continue;
      const values: Record<string, unknown> = {};
      for (const field of plainFields) {
        const value = record[field];
        values[field] = Array.isArray(value) && value.length === 2 && typeof value[0] === "number" && typeof value[1] === "string" ? many2oneId(value) : value;
      }
      result.set(xmlid, { id: entry.resId, values });
    }
    return result;
  }

  async write(batch: WriteBatch): Promise<WriteResult> {
    const loaded: WriteResult["loaded"][number][] = [];
    const rejected: WriteResult["rejected"][number][] = [];
    // load() takes one list of fields per call: rows that leave different fields to Odoo's defaults go in separate calls.
    for (const group of groupByDefaulted(batch.rows)) {
      const kept = batch.fields.map((field, index) => (group.defaulted.has(field) ? -1 : index)).filter((index) => index >= 0);
      const fields = kept.map((index) => batch.fields[index] ?? "");
      const rows = group.rows.map((row) => ({ key: row.key, cells: kept.map((index) => row.cells[index] ?? "") }));
      // Tracking Odoo logs whatever the context (recomputed totals of the records the rows point at) is taken back.
      const result = await this.#tracking.around(
        batch.model,
        fields,
        rows.map((row) => row.cells),
        () =>
          loadInBatches(this.client, batch.model, fields, rows, {
            batchSize: this.options.batchSize ?? Math.max(1, group.rows.length),
            ...(this.options.concurrency === undefined ? {} : { concurrency: this.options.concurrency }),
          }),
      );
      loaded.push(...result.loaded);
      rejected.push(...result.rejected.map((rejection) => ({ key: rejection.key, message: rejection.message })));
    }
    return { loaded, rejected };
  }

  private readonly activeFields = new Map<string, boolean>();

  async hasActiveField(model: string): Promise<boolean> {
    let has = this.activeFields.get(model);
    if (has === undefined) {
      has = (await this.client.fieldsGet(model, ["type"]))["active"]?.type === "boolean";
      this.activeFields.set(model, has);
    }
    return has;
  }

  async setActive(model: string, ids: readonly number[], active: boolean): Promise<readonly ActiveRefusal[]> {
    if (ids.length === 0) return [];
    try {
      await this.client.write(model, ids, { active }, QUIET_IMPORT_CONTEXT);
      return [];
    } catch (error) {
      if (!(error instanceof OdooError) || !REFUSALS.has(error.kind)) throw error;
      // One record Odoo refuses (a contact of an active user) refuses the whole call: find which, one by one.
      if (ids.length === 1) return [{ id: ids[0] ?? 0, message: error.odooMessage }];
      const refused: ActiveRefusal[] = [];
      for (const id of ids) refused.push(...(await this.setActive(model, [id], active)));
      return refused;
    }
  }

  async writeDates(model: string, ids: readonly number[]): Promise<ReadonlyMap<number, string>> {
    const dates = new Map<number, string>();
    for (let start = 0; start < ids.length; start += 1000) {
      // Archived records (a done activity) are read too: read() does not filter on active.
      for (const record of await this.client.read(model, ids.slice(start, start + 1000), ["write_date"])) {
        if (typeof record["write_date"] === "string") dates.set(record.id, record["write_date"]);
      }
    }
    return dates;
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

function groupByDefaulted(rows: readonly WriteRow[]): { defaulted: ReadonlySet<string>; rows: WriteRow[] }[] {
  const groups = new Map<string, { defaulted: ReadonlySet<string>; rows: WriteRow[] }>();
  for (const row of rows) {
    const signature = (row.defaulted ?? []).join("\u0000");
    let group = groups.get(signature);
    if (group === undefined) {
      group = { defaulted: new Set(row.defaulted ?? []), rows: [] };
      groups.set(signature, group);
    }
    group.rows.push(row);
  }
  return [...groups.values()];
}
