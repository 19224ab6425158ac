/**
 * What a run and a rollback check before they write, and what they say when they refuse.
 *
 * The journal checked against Odoo: every record in Odoo under an external ID the package makes
 * (its namespace, the shape of its steps' IDs) must be one the journal accounts for — a record a run sent or wrote, found existing, or set up, or one a
 * person adopted as made outside Flitmap (`flitmap journal adopt`). A record it does not account
 * for means the journal lost what a run did (cut short, deleted, a copy from elsewhere): a run
 * would then take the record for one that existed before it ("updated", its values restored on
 * rollback instead of it being deleted), and a rollback would leave it. Both refuse instead.
 */
import type { Plan } from "../../compiler/plan/schema.js";
import type { OdooClient } from "../odoo/index.js";
import { keyOfRecordXmlid } from "../transform/keys.js";
import { Journal, summarizeRuns } from "./journal.js";

export interface NamespaceRecord {
  readonly xmlid: string;
  readonly model: string;
  readonly id: number;
}

/**
 * The external IDs of the namespace that the package makes: `<namespace>.<step>_<key>` of a record
 * of the step's model, and its reference records. A namespace may be an Odoo module's name too
 * (`crm`): the module's own records (`crm.stage_lead1`) are not the package's, and are left out.
 */
export function madeByPackage(plan: Plan, record: NamespaceRecord): boolean {
  const namespace = plan.migration.namespace;
  if (plan.setup.records.some((planned) => planned.xmlid === record.xmlid && planned.model === record.model)) return true;
  return plan.steps.some((step) => step.model === record.model && keyOfRecordXmlid(namespace, step.id, record.xmlid, step.forEach !== undefined) !== undefined);
}

/** Every record in Odoo under an external ID the package makes. */
export async function namespaceRecords(client: OdooClient, plan: Plan): Promise<NamespaceRecord[]> {
  const namespace = plan.migration.namespace;
  const models = [...new Set([...plan.steps.map((step) => step.model), ...plan.setup.records.map((record) => record.model)])];
  const rows = await client.searchReadAll(
    "ir.model.data",
    [
      ["module", "=", namespace],
      ["model", "in", models],
    ],
    ["name", "model", "res_id"],
    // Three small columns a record: a page as big as a large migration keeps a re-run's check to one call.
    { pageSize: 50_000 },
  );
  return rows
    .flatMap((row) =>
      typeof row["name"] === "string" && typeof row["model"] === "string" && typeof row["res_id"] === "number"
        ? [{ xmlid: `${namespace}.${row["name"]}`, model: row["model"], id: row["res_id"] }]
        : [],
    )
    .filter((record) => madeByPackage(plan, record));
}

/**
 * Whether the journal accounts for a record: it saw that record, by its external ID and its id,
 * written or found by a run, or set up; or it never learned the id (a batch or set-up item sent
 * and not acknowledged, a record a person adopted), and then any record under the external ID is
 * taken for it. The id matters: a record Odoo holds under an external ID the journal knows, but
 * with another id, is another record (made by a run the journal lost, after the first was deleted
 * or merged into another), and a rollback must not take one for the other. Records a completely
 * rolled-back run created are not accounted for (the rollback deleted them): only what existed
 * before it, and what set-up made or found.
 */
export function journalAccounts(journal: Journal, namespace: string): (record: NamespaceRecord) => boolean {
  const runs = summarizeRuns(journal.events);
  // Events of a run whose start is gone (a damaged journal) are seen by no command: they account for nothing.
  const started = new Set(runs.map((run) => run.run));
  const undone = new Set(runs.filter((run) => run.status === "rolled back").map((run) => run.run));
  const answered = new Set(journal.events.flatMap((event) => (event.type === "batch-end" ? [event.batch] : [])));
  const setUp = new Set(journal.events.flatMap((event) => (event.type === "setup" && event.xmlid !== undefined ? [event.xmlid] : [])));
  const anyId = journal.adopted(namespace);
  const ids = new Map<string, Set<number>>();
  const saw = (xmlid: string, id: number): void => {
    const known = ids.get(xmlid);
    if (known === undefined) ids.set(xmlid, new Set([id]));
    else known.add(id);
  };
  for (const event of journal.events) {
    if (!started.has(event.run)) continue;
    const live = !undone.has(event.run);
    if (event.type === "batch-start") {
      for (const [xmlid, existed] of Object.entries(event.existing)) saw(xmlid, existed.id);
      if (live && !answered.has(event.batch)) for (const xmlid of event.xmlids) anyId.add(xmlid);
    } else if (event.type === "batch-end" && live) for (const row of event.rows) saw(row.xmlid, row.id);
    else if (event.type === "setup" && event.xmlid !== undefined) saw(event.xmlid, event.id);
    else if (event.type === "setup-start" && event.xmlid !== undefined && !setUp.has(event.xmlid)) anyId.add(event.xmlid);
  }
  return (record) => anyId.has(record.xmlid) || ids.get(record.xmlid)?.has(record.id) === true;
}

/** Records in Odoo under external IDs the package makes that the journal does not account for. */
export async function unaccountedRecords(journal: Journal, client: OdooClient, plan: Plan): Promise<NamespaceRecord[]> {
  const accounts = journalAccounts(journal, plan.migration.namespace);
  return (await namespaceRecords(client, plan)).filter((record) => !accounts(record));
}

/** Records the journal does not account for, adopted as made outside Flitmap (`flitmap journal adopt`); returns them. */
export async function adoptUnaccounted(journal: Journal, client: OdooClient, plan: Plan): Promise<NamespaceRecord[]> {
  const records = await unaccountedRecords(journal, client, plan);
  if (records.length > 0)
    journal.adopt(
      plan.migration.namespace,
      records.map((record) => record.xmlid),
    );
  return records;
}

/** Why a run or rollback refuses over records the journal does not account for, with the two ways out. */
export function unaccountedMessage(records: readonly NamespaceRecord[], journalPath: string, namespace: string, packageArgument = "<package>"): string {
  const listed = records.slice(0, 5).map((record) => `${record.xmlid} (${record.model} ${record.id})`);
  return [
    `Odoo holds ${records.length} record${records.length === 1 ? "" : "s"} under the external IDs of ${namespace} that the journal ${journalPath} does not account for: ${listed.join(", ")}${records.length > 5 ? `, and ${records.length - 5} more` : ""}.`,
    "The journal may have been cut short, deleted, or replaced by another copy of the migration's state. Nothing was written.",
    `If Flitmap runs made them, rebuild the journal from Odoo: flitmap journal rebuild ${packageArgument} (rollback then deletes them).`,
    `If they were made outside Flitmap, adopt them: flitmap journal adopt ${packageArgument} (runs update them as existing records, rollback gives them their values back).`,
  ].join("\n");
}

/** Why a run or rollback refuses a damaged journal, with the way out. */
export function damagedJournalMessage(journal: Journal, packageArgument = "<package>"): string {
  return [
    `the journal ${journal.path} is damaged, so it cannot say what the runs wrote; run and rollback refuse to go on with it:`,
    journal.describeProblems(),
    `Rebuild it from Odoo: flitmap journal rebuild ${packageArgument} (what still reads back is kept, the records of the package's namespace in Odoo that it does not account for are journaled as made by a rebuilt run, and the damaged journal is kept beside it).`,
  ].join("\n");
}
