/**
 * Calls a stopped run may still have in Odoo's hands. Odoo does not stop a request when its
 * client goes away: a worker goes on with a `load()` of a thousand rows and commits it seconds
 * after the run was killed. A rollback that looked for that batch's records before the commit
 * would not find them, delete everything else, say "complete", and leave them behind. So before
 * looking, rollback waits until each unanswered call of the run has either shown its records
 * (Odoo commits a call whole, so all of them at once) or has had the time Odoo gives a request
 * (120 s by default, `limit_time_real`; `--settle` changes it) since the run's last step.
 */
import { setupKey, type JournalEvent } from "../journal/journal.js";
import type { OdooClient } from "../odoo/index.js";
import { fieldsNamed } from "./target-facts.js";

/** What Odoo gives a request by default (`limit_time_real`), and the runtime's own call timeout. */
export const DEFAULT_SETTLE_MS = 120_000;

interface UnansweredCall {
  readonly what: string;
  /** Records it would create: all there once the call committed. Empty for a batch of updates alone. */
  readonly xmlids: readonly string[];
  /** A custom field it would create, found by model and name (custom fields have no external ID). */
  readonly field?: { readonly model: string; readonly name: string };
}

export interface InFlight {
  readonly calls: readonly UnansweredCall[];
  /** The last moment the run was seen alive (ms since the epoch); a call cannot have been sent after it. */
  readonly lastSeen: number | undefined;
}

/** The run's batches and set-up items sent without an answer, and when the run last journaled a step. */
export function inFlight(events: readonly JournalEvent[], run: string): InFlight {
  const answered = new Set<string>();
  const setupDone = new Set<string>();
  let lastSeen: number | undefined;
  for (const event of events) {
    if (event.run !== run) continue;
    if (event.type === "batch-end") answered.add(event.batch);
    if (event.type === "setup") setupDone.add(setupKey(event));
    if ((event.type === "batch-start" || event.type === "batch-end" || event.type === "setup-start") && event.time !== undefined)
      lastSeen = Math.max(lastSeen ?? 0, Date.parse(event.time));
  }
  const calls: UnansweredCall[] = [];
  for (const event of events) {
    if (event.run !== run) continue;
    if (event.type === "batch-start" && !answered.has(event.batch))
      calls.push({ what: `a batch of ${event.xmlids.length} ${event.model}`, xmlids: event.xmlids.filter((xmlid) => event.existing[xmlid] === undefined) });
    if (event.type === "setup-start" && !setupDone.has(setupKey(event)))
      calls.push({
        what: `the ${event.kind === "custom-field" ? "custom field" : "reference record"} ${event.model} ${event.name}`,
        xmlids: event.xmlid === undefined ? [] : [event.xmlid],
        ...(event.kind === "custom-field" ? { field: { model: event.model, name: event.name } } : {}),
      });
  }
  return { calls, lastSeen };
}

export interface SettleOptions {
  readonly settleMs: number;
  readonly say: (text: string) => void;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** How often Odoo is asked again while waiting. */
  readonly pollMs?: number;
}

export interface Settled {
  /** How long it waited. */
  readonly waitedMs: number;
  /** Unanswered calls whose records never showed (refused, or updates alone, which cannot be seen land). */
  readonly unseen: number;
}

/**
 * Waits, within the settle time counted from the run's last sign of life, until every unanswered
 * call that creates records shows them all. Calls of updates alone cannot be seen to land, and a
 * refused batch never shows: those are waited for to the end of the settle time. Journals written
 * before calls were timed have no last sign of life: nothing is waited for.
 */
export async function settleInFlight(pending: InFlight, client: Pick<OdooClient, "externalIds" | "searchReadAll">, options: SettleOptions): Promise<Settled> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const started = now();
  if (pending.calls.length === 0 || pending.lastSeen === undefined) return { waitedMs: 0, unseen: 0 };
  const deadline = pending.lastSeen + options.settleMs;
  let open = [...pending.calls];
  let told = false;
  for (;;) {
    const shown = await whatShows(open, client);
    open = open.filter((call) => !shown(call));
    const left = deadline - now();
    if (open.length === 0 || left <= 0) return { waitedMs: now() - started, unseen: open.length };
    if (!told) {
      options.say(
        `the run stopped ${((now() - pending.lastSeen) / 1000).toFixed(1)} s ago with ${open.length} call${open.length === 1 ? "" : "s"} unanswered (${open
          .slice(0, 3)
          .map((call) => call.what)
          .join(
            ", ",
          )}${open.length > 3 ? ", ..." : ""}): Odoo may still be writing ${open.length === 1 ? "it" : "them"}; waiting up to ${Math.ceil(left / 1000)} s (--settle SECONDS changes this)`,
      );
      told = true;
    }
    await sleep(Math.min(options.pollMs ?? 500, left));
  }
}

/** Whether each call's records and fields all show in Odoo now (false for a call with nothing to see). */
async function whatShows(
  calls: readonly UnansweredCall[],
  client: Pick<OdooClient, "externalIds" | "searchReadAll">,
): Promise<(call: UnansweredCall) => boolean> {
  const xmlids = calls.flatMap((call) => call.xmlids);
  const fields = calls.flatMap((call) => (call.field === undefined ? [] : [call.field]));
  const records = xmlids.length === 0 ? new Map<string, unknown>() : await client.externalIds(xmlids);
  const existing = await fieldsNamed(client, fields, ["model", "name"]);
  const fieldKeys = new Set(existing.map((row) => `${String(row["model"])}\u0000${String(row["name"])}`));
  return (call) =>
    (call.xmlids.length > 0 || call.field !== undefined) &&
    call.xmlids.every((xmlid) => records.has(xmlid)) &&
    (call.field === undefined || fieldKeys.has(`${call.field.model}\u0000${call.field.name}`));
}
