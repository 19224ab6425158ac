/**
 * The setup before any row: the package's custom fields and reference records made (or found) on
 * the target and journaled, each before its create is sent and with its outcome after, so that
 * rollback can remove what the run created, even when it stopped in between. When the journal
 * shows that the last run, complete and not rolled back, found or made the same setup on the same
 * target, the target is not asked again.
 */
import type { Plan } from "../../compiler/plan/schema.js";
import type { LoadTarget, SetupIntent, SetupOutcome } from "../targets/target.js";
import type { RecordRef } from "../transform/values.js";
import { setupKey } from "../journal/journal.js";
import type { RunJournal } from "./run-journal.js";

/** Ensures the setup on the target; the reference records it made or found join `setupRefs`, by external ID. */
export async function setUp(
  plan: Plan,
  target: LoadTarget,
  journal: RunJournal,
  setupRefs: Map<string, RecordRef>,
  say: (text: string) => void,
): Promise<SetupOutcome[]> {
  const lastRun = target.capabilities.keepsRecords ? journal.setupOfLastRun(plan) : undefined;
  const outcomes = lastRun === undefined ? await ensureSetup(plan, target, journal, setupRefs) : reuseSetup(plan, lastRun, target, journal, setupRefs);
  const created = outcomes.filter((outcome) => outcome.action === "created").length;
  const made = { records: "created", "import-rows": "to create on import", nothing: "would be made" }[target.capabilities.output];
  if (outcomes.length > 0)
    say(
      `setup: ${outcomes.length} custom field${outcomes.length === 1 ? "" : "s"} and reference record${outcomes.length === 1 ? "" : "s"} (${created} ${made}${lastRun === undefined ? "" : ", as the last run left them"})`,
    );
  return outcomes;
}

/** The last run's setup (custom fields, then records, in the plan's order), journaled again for this run and told to the target. */
function reuseSetup(plan: Plan, outcomes: readonly SetupOutcome[], target: LoadTarget, journal: RunJournal, setupRefs: Map<string, RecordRef>): SetupOutcome[] {
  plan.setup.records.forEach((record, index) => {
    const outcome = outcomes[plan.setup.customFields.length + index];
    if (outcome === undefined) return;
    setupRefs.set(record.xmlid, {
      kind: "record",
      model: record.model,
      ...(outcome.xmlid === undefined ? {} : { xmlid: outcome.xmlid }),
      id: outcome.id,
      label: record.name,
    });
  });
  target.knowSetup?.(setupRefs.values());
  for (const outcome of outcomes) journal.setup(outcome);
  return [...outcomes];
}

/** Asks the target for the setup, journaling each create before it is sent and each outcome after. */
async function ensureSetup(plan: Plan, target: LoadTarget, journal: RunJournal, setupRefs: Map<string, RecordRef>): Promise<SetupOutcome[]> {
  // Journaled before each create is sent, as a batch is: a run that stops before the outcome still owns what it made.
  const intend = (item: SetupIntent): void => journal.setupStart(item);
  const ownIntents = journal.unfinishedSetup();
  const outcomes: SetupOutcome[] = [...(await target.ensureCustomFields(plan.setup.customFields, intend))];
  const records = await target.ensureRecords(plan.setup.records, (model, xmlid) => setupRefs.get(xmlid) ?? { kind: "record", model, xmlid }, intend);
  for (const [xmlid, ref] of records.refs) setupRefs.set(xmlid, ref);
  outcomes.push(...records.outcomes);
  return outcomes.map((found) => {
    // What this run's interrupted attempt was creating is there now because it created it.
    const outcome: SetupOutcome = found.action === "existing" && ownIntents.has(setupKey(found)) ? { ...found, action: "created" } : found;
    journal.setup(outcome);
    return outcome;
  });
}
