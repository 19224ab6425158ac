import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadShippedCatalog } from "../../compiler/catalog/index.js";
import { OdooSchema } from "../../compiler/catalog/schema.js";
import { startOdooDouble, type OdooDouble } from "../odoo-double/server.js";
import { runCli, runCliAsync, temporaryDirectory } from "./helpers.js";

describe("flitmap schema pull", () => {
  let double: OdooDouble;
  let folder: { path: string; remove: () => void };
  let env: Record<string, string>;

  beforeAll(async () => {
    double = await startOdooDouble({ version: "17.0" });
    const partnerModel = double.records("ir.model").find((model) => model["model"] === "res.partner")?.["id"];
    double.addRecord("ir.model.fields", { name: "x_region", field_description: "Region", model_id: partnerModel, ttype: "char", state: "manual" });
    folder = temporaryDirectory("flitmap-pull-");
    env = { ODOO_URL: double.url, ODOO_DB: double.database, ODOO_USER: "admin", ODOO_PASSWORD: "admin" };
  });

  afterAll(async () => {
    await double.stop();
    folder.remove();
  });

  it("reads the models a package uses, with the server's custom fields, into a schema file the compiler checks against", async () => {
    const output = join(folder.path, "odoo-schema.json");
    const result = await runCliAsync(["schema", "pull", "mappings/perfectbooks-to-odoo", "-o", output], { env });
    expect(result.stderr).not.toContain("admin\n");
    expect([result.status, result.stderr]).toEqual([0, expect.any(String)]);
    expect(result.stdout).toContain("connected:");
    expect(result.stdout + result.stderr).not.toMatch(/ODOO_PASSWORD|password=admin/);

    const schema = OdooSchema.parse(JSON.parse(readFileSync(output, "utf8")));
    expect([schema.origin, schema.serie]).toEqual(["server", "17.0"]);
    expect(Object.keys(schema.models)).toEqual(expect.arrayContaining(["res.partner", "crm.lead", "crm.stage", "mail.activity", "ir.attachment", "res.users"]));
    expect(schema.models["res.partner"]?.fields["x_region"]).toMatchObject({ type: "char", label: "Region", custom: true });
    // The same fields as the shipped catalog recorded from the same kind of server, plus the custom one.
    const shipped = loadShippedCatalog("17.0");
    expect(Object.keys(schema.models["crm.lead"]?.fields ?? {}).sort()).toEqual(Object.keys(shipped.models["crm.lead"]?.fields ?? {}).sort());
    expect(schema.references["crm.stage"]?.map((record) => record.xmlid)).toEqual(expect.arrayContaining(["crm.stage_lead1"]));
    // Written deterministically, so a re-pull diffs cleanly.
    const again = await runCliAsync(["schema", "pull", "mappings/perfectbooks-to-odoo", "-o", join(folder.path, "again.json")], { env });
    expect(again.status).toBe(0);
    expect(readFileSync(join(folder.path, "again.json"), "utf8")).toBe(readFileSync(output, "utf8"));

    // A package checked against the pulled schema knows the customer's custom field, offline.
    const packageFolder = join(folder.path, "package");
    mkdirSync(packageFolder);
    writeFileSync(
      join(packageFolder, "main.flitmap"),
      `migration m {\n  source s\n  target odoo schema "../odoo-schema.json"\n  xmlid "m"\n}\nsource s {\n  entity Company "c.csv" key id {\n    id     text\n    name   text\n    region text\n  }\n}\nmap Company -> res.partner {\n  name     <- name\n  x_regoin <- region\n}\n`,
    );
    const check = runCli(["check", packageFolder]);
    expect(check.status).toBe(1);
    expect(check.stderr + check.stdout).toContain("did you mean `x_region`?");
  }, 120_000);

  it("refuses wrong credentials with a message that names neither the password nor a stack", async () => {
    const result = await runCliAsync(["schema", "pull", "--models", "res.partner", "-o", join(folder.path, "never.json")], {
      env: { ...env, ODOO_PASSWORD: "not-the-password" },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^flitmap: .*(password|credentials|denied)/im);
    expect(result.stderr).not.toContain("not-the-password");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
