/**
 * The best raw way to send a migration's payload to Odoo, as the throughput benchmark's baseline:
 * the records a Flitmap run wrote, created again into a fresh double by a script that already
 * knows every id (references resolved client-side, no lookups, no external IDs, no journal), in
 * creates of 1,000 rows with the tracking-off context, each model in the order the run wrote it;
 * the records a second pass updated written by load() with database ids (`.id`). On 17.0 and
 * 18.0 a create with two activities of one document and user fails (the follower inserted twice),
 * so activities go in two rounds there, as any correct script must send them.
 *
 * `WriteCapture` wraps the client of the Flitmap run and keeps what it wrote; `sendRaw` sends it.
 */
import type { OdooClient } from "../runtime/odoo/client.js";
import { DelegatingClient } from "./delegating-client.js";
import { QUIET_IMPORT_CONTEXT } from "../runtime/odoo/index.js";
import type { FieldSpec } from "../test/odoo-double/catalog.js";
import type { OdooDouble } from "../test/odoo-double/server.js";

/** A write call the run made that Odoo took: a create, or a load() that returned ids. */
type CapturedWrite =
  | { readonly kind: "create"; readonly model: string; readonly vals: readonly Readonly<Record<string, unknown>>[] }
  | {
      readonly kind: "load";
      readonly model: string;
      readonly fields: readonly string[];
      readonly rows: readonly (readonly string[])[];
      readonly ids: readonly number[];
    };

/** A client that keeps every create and every load() that Odoo took, in order, and passes every call on. */
export class WriteCapture extends DelegatingClient {
  readonly writes: CapturedWrite[] = [];

  override create: OdooClient["create"] = async (model, vals, context) => {
    const ids = await this.inner.create(model, vals, context);
    this.writes.push({ kind: "create", model, vals: [...vals] });
    return ids;
  };
  override load: OdooClient["load"] = async (model, fields, rows, context, options) => {
    const result = await this.inner.load(model, fields, rows, context, options);
    if (result.ids !== false) this.writes.push({ kind: "load", model, fields: [...fields], rows: rows.map((row) => [...row]), ids: result.ids });
    return result;
  };
}

const BATCH = 1000;

/** Ids of the run's records (by the first double's id) and of the raw records (by external ID). */
class IdTranslation {
  /** model → run id → external ID */
  readonly runXmlid = new Map<string, Map<number, string>>();
  /** external ID → raw id */
  readonly raw = new Map<string, number>();

  learnRun(model: string, xmlid: string, id: number): void {
    const ids = this.runXmlid.get(model) ?? new Map<number, string>();
    ids.set(id, xmlid);
    this.runXmlid.set(model, ids);
  }

  /** A database id the run sent: its raw twin when the run made that record, else the same record (the doubles were seeded alike). */
  databaseId(model: string, id: number): number {
    const xmlid = this.runXmlid.get(model)?.get(id);
    return xmlid === undefined ? id : (this.raw.get(xmlid) ?? id);
  }
}

export interface RawSummary {
  readonly calls: number;
  readonly records: number;
}

/**
 * The keyed create path of docs/connectors.md ("load() or create()"), measured there and not built:
 * each record also carries its external ID in a custom key field (`KEY_FIELD`, added with the run's
 * other custom fields), so that a batch whose answer was lost could be looked for by a search (which
 * a call Odoo is still committing defeats); and the records' external IDs are created by `create` of
 * ir.model.data, `idsPerCall` at a time (1,000: one call after each batch; more: several batches').
 */
export interface KeyedCreates {
  readonly idsPerCall: number;
}

export const KEY_FIELD = "x_flitmap_key";

/**
 * Sends what the run wrote, the raw way, into `double` (seeded as the run's was) through `client`;
 * with `keyed`, as the keyed create path would (keys in the records, external IDs by create).
 */
export async function sendRaw(sent: readonly CapturedWrite[], client: OdooClient, double: OdooDouble, keyed?: KeyedCreates): Promise<RawSummary> {
  const ids = new IdTranslation();
  const pending: { model: string; rows: { xmlid: string; vals: Record<string, unknown> }[] } = { model: "", rows: [] };
  const writes = keyed === undefined ? sent : withKeyFields(sent, double);
  let calls = 0;
  let records = 0;
  const names: Record<string, unknown>[] = [];
  const sendNames = async (all: boolean): Promise<void> => {
    while (keyed !== undefined && names.length > 0 && (all || names.length >= keyed.idsPerCall)) {
      await client.create("ir.model.data", names.splice(0, keyed.idsPerCall), QUIET_IMPORT_CONTEXT);
      calls += 1;
    }
  };
  const flush = async (): Promise<void> => {
    for (const round of rounds(pending.model, pending.rows, double.version)) {
      for (let start = 0; start < round.length; start += BATCH) {
        const chunk = round.slice(start, start + BATCH);
        const created = await client.create(
          pending.model,
          chunk.map((row) => (keyed === undefined ? row.vals : { ...row.vals, [KEY_FIELD]: row.xmlid })),
          QUIET_IMPORT_CONTEXT,
        );
        calls += 1;
        records += chunk.length;
        chunk.forEach((row, index) => ids.raw.set(row.xmlid, created[index] ?? 0));
        if (keyed !== undefined) {
          names.push(...chunk.map((row, index) => externalIdValues(pending.model, row.xmlid, created[index] ?? 0)));
          await sendNames(false);
        }
      }
    }
    pending.rows = [];
  };
  const creates: { model: string; vals: Readonly<Record<string, unknown>>[] } = { model: "", vals: [] };
  // Creates the run made one by one (custom fields) go in one create per model.
  const sendCreates = async (): Promise<void> => {
    for (let start = 0; start < creates.vals.length; start += BATCH) {
      await client.create(creates.model, creates.vals.slice(start, start + BATCH), QUIET_IMPORT_CONTEXT);
      calls += 1;
    }
    records += creates.vals.length;
    creates.vals = [];
  };
  for (const write of writes) {
    if (write.kind === "create" && write.model === "ir.model.data") {
      // External IDs the run gave the customer's users for its own references (runtime/targets/
      // odoo-names.ts) are its way of sending the payload, not part of it: the raw path knows the
      // ids (the same in both doubles, seeded alike).
      for (const name of write.vals) ids.raw.set(`${String(name["module"])}.${String(name["name"])}`, Number(name["res_id"]));
      continue;
    }
    if (write.kind === "create") {
      if (pending.model !== write.model) await flush();
      if (creates.model !== write.model) await sendCreates();
      creates.model = write.model;
      creates.vals.push(...write.vals);
      continue;
    }
    await sendCreates();
    const idColumn = write.fields.indexOf("id");
    // A row pointing to a record not created yet (a contact's company in the same model) waits for it: the script knows ids only once created.
    if (pending.model !== write.model || pointsInto(double, write, pending.rows, ids)) await flush();
    write.rows.forEach((row, index) => ids.learnRun(write.model, qualified(row[idColumn] ?? ""), write.ids[index] ?? 0));
    pending.model = write.model;
    const updates: { id: number; row: readonly string[] }[] = [];
    for (const row of write.rows) {
      const xmlid = qualified(row[idColumn] ?? "");
      const existing = ids.raw.get(xmlid);
      if (existing === undefined) pending.rows.push({ xmlid, vals: valuesOf(double, write.model, write.fields, row, ids) });
      else updates.push({ id: existing, row });
    }
    if (updates.length > 0) {
      await flush();
      calls += await updateByDatabaseId(client, double, write, updates, ids);
      records += updates.length;
    }
  }
  await sendCreates();
  await flush();
  await sendNames(true);
  return { calls, records };
}

/**
 * The key field on every model the run loaded, in the create of the run's other custom fields (one
 * registry rebuild), or in a create of its own first. The models' ids are the double's: the run's
 * setup search of ir.model.fields would name these models too and answer them in the same call.
 */
function withKeyFields(writes: readonly CapturedWrite[], double: OdooDouble): CapturedWrite[] {
  const models = new Set(writes.flatMap((write) => (write.kind === "load" ? [write.model] : [])));
  const fields = [...double.orm.rows("ir.model")]
    .filter((row) => models.has(String(row["model"])))
    .map((row) => ({ name: KEY_FIELD, field_description: "Flitmap key", model_id: row.id, ttype: "char", state: "manual", required: false }));
  const setup = writes.findIndex((write) => write.kind === "create" && write.model === "ir.model.fields");
  if (setup < 0) return [{ kind: "create", model: "ir.model.fields", vals: fields }, ...writes];
  return writes.map((write, index) => (index === setup && write.kind === "create" ? { ...write, vals: [...write.vals, ...fields] } : write));
}

function externalIdValues(model: string, xmlid: string, resId: number): Record<string, unknown> {
  const dot = xmlid.indexOf(".");
  return { module: xmlid.slice(0, dot), name: xmlid.slice(dot + 1), model, res_id: resId, noupdate: false };
}

/** Whether a load's reference cells name any record still waiting in `pending` to be created. */
function pointsInto(double: OdooDouble, write: Extract<CapturedWrite, { kind: "load" }>, pending: readonly { xmlid: string }[], ids: IdTranslation): boolean {
  if (pending.length === 0) return false;
  const waiting = new Set(pending.map((row) => row.xmlid));
  const spec = double.orm.catalog.models.get(write.model);
  return write.fields.some((column, index) => {
    const [name = "", subfield] = column.split("/");
    const relation = spec?.fields.get(name)?.relation;
    if (subfield === undefined || relation === undefined) return false;
    return write.rows.some((row) =>
      (row[index] ?? "")
        .split(",")
        .filter((part) => part.trim() !== "")
        .some((part) => waiting.has(subfield === ".id" ? (ids.runXmlid.get(relation)?.get(Number(part)) ?? "") : qualified(part.trim()))),
    );
  });
}

/**
 * Records updated with different values (a second pass of references): load() by database id
 * (`.id`), 1,000 a call, every reference as the raw record's id; one write per set of equal values
 * would cost a call per value.
 */
async function updateByDatabaseId(
  client: OdooClient,
  double: OdooDouble,
  write: Extract<CapturedWrite, { kind: "load" }>,
  updates: readonly { id: number; row: readonly string[] }[],
  ids: IdTranslation,
): Promise<number> {
  const spec = double.orm.catalog.models.get(write.model);
  const columns = write.fields.flatMap((column, index) => (column === "id" ? [] : [{ column, index }]));
  const fields = [".id", ...columns.map(({ column }) => column.replace(/\/id$/, "/.id"))];
  const rows = updates.map(({ id, row }) => [
    String(id),
    ...columns.map(({ column, index }) => {
      const cell = row[index] ?? "";
      const [name = "", subfield] = column.split("/");
      const relation = spec?.fields.get(name)?.relation;
      if (subfield === undefined || relation === undefined || cell === "") return cell;
      return cell
        .split(",")
        .map((part) =>
          String(
            subfield === ".id"
              ? ids.databaseId(relation, Number(part))
              : (ids.raw.get(qualified(part.trim())) ?? double.orm.resolveXmlid(qualified(part.trim()), relation) ?? 0),
          ),
        )
        .join(",");
    }),
  ]);
  let calls = 0;
  for (let start = 0; start < rows.length; start += BATCH) {
    await client.load(write.model, fields, rows.slice(start, start + BATCH), QUIET_IMPORT_CONTEXT);
    calls += 1;
  }
  return calls;
}

/**
 * The same load() calls the run made, and its creates, without anything else: no lookups, no
 * journal check, no setup searches, no reads; references the run sent by database id translated to
 * the ids of this double's records. What load() itself costs, without what Flitmap adds around it.
 */
export async function sendLoads(writes: readonly CapturedWrite[], client: OdooClient, double: OdooDouble): Promise<RawSummary> {
  const ids = new IdTranslation();
  let records = 0;
  for (const write of writes) {
    records += write.kind === "create" ? write.vals.length : write.rows.length;
    if (write.kind === "create") {
      await client.create(write.model, write.vals, QUIET_IMPORT_CONTEXT);
      continue;
    }
    const spec = double.orm.catalog.models.get(write.model);
    const relations = write.fields.map((column) => (column.endsWith("/.id") ? spec?.fields.get(column.slice(0, -"/.id".length))?.relation : undefined));
    const rows = write.rows.map((row) =>
      row.map((cell, index) => {
        const relation = relations[index];
        return relation === undefined || cell === ""
          ? cell
          : cell
              .split(",")
              .map((part) => String(ids.databaseId(relation, Number(part))))
              .join(",");
      }),
    );
    const result = await client.load(write.model, write.fields, rows, QUIET_IMPORT_CONTEXT);
    const idColumn = write.fields.indexOf("id");
    write.rows.forEach((row, index) => {
      const xmlid = qualified(row[idColumn] ?? "");
      ids.learnRun(write.model, xmlid, write.ids[index] ?? 0);
      if (result.ids !== false) ids.raw.set(xmlid, result.ids[index] ?? 0);
    });
  }
  return { calls: writes.length, records };
}

/** Activities: an activity's document and user at most once per create on 17.0 and 18.0; the rest once they follow it. */
function rounds<T extends { vals: Record<string, unknown> }>(model: string, rows: readonly T[], version: string): T[][] {
  if (model !== "mail.activity" || version === "19.0") return [[...rows]];
  const seen = new Set<string>();
  const first: T[] = [];
  const rest: T[] = [];
  for (const row of rows) {
    const key = `${String(row.vals["res_model_id"])},${String(row.vals["res_id"])},${String(row.vals["user_id"])}`;
    (seen.has(key) ? rest : first).push(row);
    seen.add(key);
  }
  return rest.length === 0 ? [first] : [first, rest];
}

function qualified(xmlid: string): string {
  return xmlid.includes(".") ? xmlid : `__import__.${xmlid}`;
}

/** A load() row as create values: each cell converted as Odoo's import converts it, references by the raw records' ids. */
function valuesOf(double: OdooDouble, model: string, fields: readonly string[], row: readonly string[], ids: IdTranslation): Record<string, unknown> {
  const spec = double.orm.catalog.models.get(model);
  const vals: Record<string, unknown> = {};
  fields.forEach((column, index) => {
    if (column === "id") return;
    const [name = "", subfield] = column.split("/");
    const field = spec?.fields.get(name);
    if (field === undefined) return;
    vals[name] = cellValue(double, field, subfield, row[index] ?? "", ids);
  });
  return vals;
}

function cellValue(double: OdooDouble, field: FieldSpec, subfield: string | undefined, cell: string, ids: IdTranslation): unknown {
  if (cell === "") return false;
  const relation = field.relation ?? "";
  const reference = (text: string): number =>
    subfield === ".id" ? ids.databaseId(relation, Number(text)) : (ids.raw.get(qualified(text)) ?? double.orm.resolveXmlid(qualified(text), relation) ?? 0);
  switch (field.type) {
    case "many2one":
      return reference(cell.trim());
    case "many2many":
      return [[6, 0, cell.split(",").map((part) => reference(part.trim()))]];
    case "boolean":
      return ["1", "true", "yes"].includes(cell.trim().toLowerCase());
    case "integer":
    case "many2one_reference":
      return Number.parseInt(cell, 10);
    case "float":
    case "monetary":
      return Number(cell);
    case "selection": {
      const option = (field.selection ?? []).find(([key, label]) => key === cell || label === cell);
      return option?.[0] ?? cell;
    }
    default:
      return cell;
  }
}
