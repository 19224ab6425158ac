/**
 * Both shipped packages run on their samples into the doubles of Odoo 17.0, 18.0 and 19.0, which
 * do what the recorded real runs show Odoo doing (a contact takes its company's address over the
 * one written with it, an order's totals are recomputed in the server's own environment, a draft
 * invoice gets a due date): afterwards there is no chatter, tracking or notification the run made,
 * and `flitmap diff` finds no difference, only values Odoo set itself, shown apart.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import type { Plan } from "../../compiler/plan/schema.js";
import { Journal } from "../../runtime/journal/journal.js";
import { diffMigration, type DiffReport } from "../../runtime/lifecycle/diff.js";
import { connectDouble } from "../runtime/support.js";
import { loadSample, type LoadedSample } from "./support.js";

const MAPPINGS = join(import.meta.dirname, "../../mappings");

/** What Odoo sets itself on each package's records, by `model.field`, for the sample's rows. */
const SET_BY_ODOO: Readonly<Record<string, readonly string[]>> = {
  // A person at a company is written without an address: Odoo gives it the company's.
  "perfectbooks-to-odoo": ["res.partner.city", "res.partner.country_id", "res.partner.street", "res.partner.zip"],
  // An invoice whose due date the export lacks: Odoo gives it today.
  "perfectview-to-odoo": ["account.move.invoice_date_due"],
};

const CASES = (["17.0", "18.0", "19.0"] as const).flatMap((series) =>
  (["perfectbooks-to-odoo", "perfectview-to-odoo"] as const).map((name) => ({ series, name })),
);

async function diffOf(sample: LoadedSample, plan: Plan, sampleDirectory: string): Promise<DiffReport> {
  const client = await connectDouble(sample.double);
  const journal = Journal.open(join(sample.state, "journal.jsonl"));
  try {
    return await diffMigration({ plan, sourceDirectory: sampleDirectory, client, journal });
  } finally {
    journal.close();
    await client.close();
  }
}

describe.each(CASES)("$name on Odoo $series", ({ series, name }) => {
  const packageDirectory = join(MAPPINGS, name);
  const sampleDirectory = join(packageDirectory, "sample");
  const plan = emitPlan(analyzeDirectory(packageDirectory, { seriesOverride: series }));
  let sample: LoadedSample | undefined;
  afterAll(async () => sample?.close());

  it("leaves no chatter, tracking or notification of its own, and diff finds nothing the migration got wrong", async () => {
    sample = await loadSample(plan, sampleDirectory);
    expect(sample.first.status).toBe("complete");
    const { double } = sample;
    const namespace = `${plan.migration.namespace}.`;
    const migrated = new Set(
      double
        .records("ir.model.data")
        .filter((row) => `${String(row["module"])}.`.startsWith(namespace) && row["model"] === "mail.message")
        .map((row) => row["res_id"]),
    );
    // Every message is one the mapping migrated: no "created" log, no tracking message.
    expect(double.records("mail.message").filter((message) => !migrated.has(message["id"]))).toEqual([]);
    expect(double.records("mail.tracking.value")).toEqual([]);
    expect(double.outbox()).toEqual([]);
    // The only followers are the ones Odoo adds itself, whatever the context: an activity's user follows its document (mail.activity.create).
    const partnerOf = new Map(double.records("res.users").map((user) => [user["id"], user["partner_id"]]));
    const subscribed = new Set(
      double
        .records("mail.activity")
        .map((activity) => `${String(activity["res_model"])},${String(activity["res_id"])},${String(partnerOf.get(activity["user_id"]))}`),
    );
    const followers = (rows: readonly Readonly<Record<string, unknown>>[]): string[] =>
      rows.map((row) => `${String(row["res_model"])},${String(row["res_id"])},${String(row["partner_id"])}`).sort();
    expect(followers(double.records("mail.followers"))).toEqual(
      [...new Set([...followers(sample.before.models["mail.followers"] ?? []), ...subscribed])].sort(),
    );

    const report = await diffOf(sample, plan, sampleDirectory);
    expect(report.groups.map((group) => `${group.model}.${group.field} ${group.count}: ${JSON.stringify(group.examples[0])}`)).toEqual([]);
    expect(report.missing).toEqual([]);
    expect(report.setByOdoo.map((group) => `${group.model}.${group.field}`).sort()).toEqual(SET_BY_ODOO[name]);
  }, 120_000);
});
