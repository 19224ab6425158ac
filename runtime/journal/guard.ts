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
import { Journal, summarizeRuns, type JournalEvent } from "./journal.js";

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

function mentioned(event: JournalEvent): readonly string[] {
  switch (event.type) {
    case "batch-start":
      return [...event.xmlids, ...Object.keys(event.existing)];
    case "batch-end":
      return event.rows.map((row) => row.xmlid);
    case "setup-start":
    case "setup":
      return event.xmlid === undefined ? [] : [event.xmlid];
    default:
      return [];
  }
}

/**
 * External IDs the journal accounts for. Records a completely rolled-back run created are not
 * among them (the rollback deleted them): only what existed before it, and what setup made or found.
 */
export function accountedXmlids(journal: Journal, namespace: string): Set<string> {
  const runs = summarizeRuns(journal.events);
  // Events of a run whose start is gone (a damaged journal) are seen by no command: they account for nothing.
  const started = new Set(runs.map((run) => run.run));
  const undone = new Set(runs.filter((run) => run.status === "rolled back").map((run) => run.run));
  const accounted = journal.adopted(namespace);
  for (const event of journal.events) {
    if (!started.has(event.run)) continue;
    if (!undone.has(event.run) || event.type === "setup" || event.type === "setup-start") {
      for (const xmlid of mentioned(event)) accounted.add(xmlid);
      continue;
    }
    if (event.type === "batch-start") for (const xmlid of Object.keys(event.existing)) accounted.add(xmlid);
  }
  return accounted;
}

/** Records in Odoo under external IDs the package makes that the journal does not account for. */
export async function unaccountedRecords(journal: Journal, client: OdooClient, plan: Plan): Promise<NamespaceRecord[]> {
  const accounted = accountedXmlids(journal, plan.migration.namespace);
  return (await namespaceRecords(client, plan)).filter((record) => !accounted.has(record.xmlid));
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
