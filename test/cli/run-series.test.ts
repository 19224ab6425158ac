import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOdooDouble, type OdooDouble } from "../odoo-double/server.js";
import { runCliAsync, temporaryDirectory } from "./helpers.js";

describe("flitmap run against a server of another Odoo version", () => {
  let double: OdooDouble;
  let state: { path: string; remove: () => void };

  beforeAll(async () => {
    double = await startOdooDouble({ version: "18.0" });
    state = temporaryDirectory("flitmap-series-");
  });

  afterAll(async () => {
    await double.stop();
    state.remove();
  });

  it("refuses before writing anything, and says how to check the package for that version", async () => {
    const env = { ODOO_URL: double.url, ODOO_DB: double.database, ODOO_USER: "admin", ODOO_PASSWORD: "admin" };
    const args = ["run", "mappings/perfectbooks-to-odoo", "--source", "mappings/perfectbooks-to-odoo/sample", "--state", state.path];
    const refused = await runCliAsync(args, { env });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(
      "flitmap: the server runs Odoo 18.0, but the package was checked against 17.0: check and run it for the server's version (`--target 18.0`",
    );
    expect(double.callLog.filter((call) => call.method === "load" || call.method === "create")).toEqual([]);
    const matching = await runCliAsync([...args, "--target", "18.0"], { env });
    expect(matching.status).toBe(0);
    expect(double.records("res.partner").some((partner) => partner["name"] === "Mason Dental Ltd")).toBe(true);
  }, 120_000);
});
