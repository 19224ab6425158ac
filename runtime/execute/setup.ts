/**
 * The setup before any row: the package's custom fields and reference records made (or found) on
 * the target and journaled, so that rollback can remove what the run created.
 */
import type { Plan } from "../../compiler/plan/schema.js";
import type { LoadTarget, SetupOutcome } from "../targets/target.js";
import type { RecordRef } from "../transform/values.js";
import type { RunJournal } from "./run-journal.js";

/** Ensures the setup on the target; the reference records it made or found join `setupRefs`, by external ID. */
export async function setUp(
  plan: Plan,
  target: LoadTarget,
  journal: RunJournal,
  setupRefs: Map<string, RecordRef>,
  say: (text: string) => void,
): Promise<SetupOutcome[]> {
  const outcomes: SetupOutcome[] = [...(await target.ensureCustomFields(plan.setup.customFields))];
  const records = await target.ensureRecords(plan.setup.records, (model, xmlid) => setupRefs.get(xmlid) ?? { kind: "record", model, xmlid });
  for (const [xmlid, ref] of records.refs) setupRefs.set(xmlid, ref);
  outcomes.push(...records.outcomes);
  for (const outcome of outcomes) journal.setup(outcome);
  const created = outcomes.filter((outcome) => outcome.action === "created").length;
  if (outcomes.length > 0)
    say(
      `setup: ${outcomes.length} custom field${outcomes.length === 1 ? "" : "s"} and reference record${outcomes.length === 1 ? "" : "s"} (${created} created)`,
    );
  return outcomes;
}
