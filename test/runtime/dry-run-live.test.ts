/** A dry run against a live Odoo matches its records as a real run would, external ID or not, and writes nothing. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import { runPlan } from "../../runtime/execute/run.js";
import { connectOdoo, Secret } from "../../runtime/odoo/index.js";
import { DryRunTarget } from "../../runtime/targets/dry-run-target.js";
import { OdooTarget } from "../../runtime/targets/odoo-target.js";
import { startOdooDouble, type OdooDouble } from "../odoo-double/server.js";

const PACKAGE = join(import.meta.dirname, "../../mappings/perfectbooks-to-odoo");
const SAMPLE = join(PACKAGE, "sample");

describe("a dry run against a live Odoo", () => {
  let double: OdooDouble;

  beforeAll(async () => {
    // Users the customer created by hand: no external ID, as on a real server.
    const seed = JSON.parse(readFileSync(join(SAMPLE, "odoo-seed.json"), "utf8")) as { users: { login: string; name: string; email: string }[] };
    double = await startOdooDouble({ version: "17.0", users: seed.users });
  });

  afterAll(async () => {
    await double.stop();
  });

  it("matches owners to the server's users and writes nothing", async () => {
    const client = await connectOdoo({ url: double.url, database: double.database, login: "admin", credential: { kind: "password", secret: new Secret("admin") } });
    const before = double.snapshot({ withoutTimestamps: true });
    const result = await runPlan({ plan: emitPlan(analyzeDirectory(PACKAGE)), sourceDirectory: SAMPLE, target: new DryRunTarget(new OdooTarget(client)) });
    await client.close();
    const fallbacks = result.notes.filter((note) => note.kind === "lookup-fallback" && note.step === "company").flatMap((note) => note.examples);
    // Only the former member of staff the sample planted has no user.
    expect(fallbacks).toEqual(['no res.users record has email or login "ella.cox@harringtoncole.co.uk"; "admin" was used']);
    expect(double.snapshot({ withoutTimestamps: true })).toEqual(before);
  });
});
