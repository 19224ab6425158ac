/**
 * The best raw way to send a migration's payload to Odoo, as the throughput benchmark's baseline:
 * the records a Flitmap run wrote, created again into a fresh double by a script that already
 * knows every id (references resolved client-side, no lookups, no external IDs, no journal), in
 * creates of 1,000 rows with the tracking-off context, each model in the order the run wrote it;
 * the records a second pass updated written with one write per set of equal values. On 17.0 and
 * 18.0 a create with two activities of one document and user fails (the follower inserted twice),
 * so activities go in two rounds there, as any correct script must send them.
 *
 * `WriteCapture` wraps the client of the Flitmap run and keeps what it wrote; `sendRaw` sends it.
 */
import type { OdooClient } from "../runtime/odoo/client.js";
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
export class WriteCapture implements OdooClient {
  readonly writes: CapturedWrite[] = [];

  constructor(private readonly inner: OdooClient) {}

  get protocol(): OdooClient["protocol"] {
    return this.inner.protocol;
  }
  get serverVersion(): string {
    return this.inner.serverVersion;
  }
  get serie(): string {
    return this.inner.serie;
  }
  get uid(): number {
    return this.inner.uid;
  }
  get database(): string {
    return this.inner.database;
  }
  get url(): string {
    return this.inner.url;
  }
  describe(): string {
    return this.inner.describe();
  }
  call: OdooClient["call"] = (...args) => this.inner.call(...args);
  search: OdooClient["search"] = (...args) => this.inner.search(...args);
  searchRead: OdooClient["searchRead"] = (...args) => this.inner.searchRead(...args);
  searchReadAll: OdooClient["searchReadAll"] = (...args) => this.inner.searchReadAll(...args);
  read: OdooClient["read"] = (...args) => this.inner.read(...args);
  searchCount: OdooClient["searchCount"] = (...args) => this.inner.searchCount(...args);
  write: OdooClient["write"] = (...args) => this.inner.write(...args);
  unlink: OdooClient["unlink"] = (...args) => this.inner.unlink(...args);
  fieldsGet: OdooClient["fieldsGet"] = (...args) => this.inner.fieldsGet(...args);
  nameSearch: OdooClient["nameSearch"] = (...args) => this.inner.nameSearch(...args);
  externalIds: OdooClient["externalIds"] = (...args) => this.inner.externalIds(...args);
  installedModules: OdooClient["installedModules"] = (...args) => this.inner.installedModules(...args);
  close: OdooClient["close"] = () => this.inner.close();
  create: OdooClient["create"] = async (model, vals, context) => {
    const ids = await this.inner.create(model, vals, context);
    this.writes.push({ kind: "create", model, vals: [...vals] });
    return ids;
  };
  load: OdooClient["load"] = async (model, fields, rows, context, options) => {
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

/** Sends what the run wrote, the raw way, into `double` (seeded as the run's was) through `client`. */
export async function sendRaw(writes: readonly CapturedWrite[], client: OdooClient, double: OdooDouble): Promise<RawSummary> {
  const ids = new IdTranslation();
  const pending: { model: string; rows: { xmlid: string; vals: Record<string, unknown> }[] } = { model: "", rows: [] };
  let calls = 0;
  let records = 0;
  const flush = async (): Promise<void> => {
    for (const round of rounds(pending.model, pending.rows, double.version)) {
      for (let start = 0; start < round.length; start += BATCH) {
        const chunk = round.slice(start, start + BATCH);
        const created = await client.create(
          pending.model,
          chunk.map((row) => row.vals),
          QUIET_IMPORT_CONTEXT,
        );
        calls += 1;
        records += chunk.length;
        chunk.forEach((row, index) => ids.raw.set(row.xmlid, created[index] ?? 0));
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
    if (write.kind === "create") {
      if (pending.model !== write.model) await flush();
      if (creates.model !== write.model) await sendCreates();
      creates.model = write.model;
      creates.vals.push(...write.vals);
      continue;
    }
    await sendCreates();
    const idColumn = write.fields.indexOf("id");
    write.rows.forEach((row, index) => ids.learnRun(write.model, qualified(row[idColumn] ?? ""), write.ids[index] ?? 0));
    if (pending.model !== write.model) await flush();
    pending.model = write.model;
    const updates: { id: number; vals: Record<string, unknown> }[] = [];
    for (const row of write.rows) {
      const xmlid = qualified(row[idColumn] ?? "");
      const vals = valuesOf(double, write.model, write.fields, row, ids);
      const existing = ids.raw.get(xmlid);
      if (existing === undefined) pending.rows.push({ xmlid, vals });
      else updates.push({ id: existing, vals });
    }
    if (updates.length > 0) {
      await flush();
      calls += await writeGrouped(client, write.model, updates);
      records += updates.length;
    }
  }
  await sendCreates();
  await flush();
  return { calls, records };
}

/** Updates with equal values in one write each. */
async function writeGrouped(client: OdooClient, model: string, updates: readonly { id: number; vals: Record<string, unknown> }[]): Promise<number> {
  const groups = new Map<string, { ids: number[]; vals: Record<string, unknown> }>();
  for (const update of updates) {
    const key = JSON.stringify(update.vals);
    const group = groups.get(key) ?? { ids: [], vals: update.vals };
    group.ids.push(update.id);
    groups.set(key, group);
  }
  for (const group of groups.values()) await client.write(model, group.ids, group.vals, QUIET_IMPORT_CONTEXT);
  return groups.size;
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
