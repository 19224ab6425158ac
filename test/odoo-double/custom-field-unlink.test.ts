/**
 * Faithfulness: unlinking a custom field (`ir.model.fields`, state manual) drops its column and
 * reloads the registry in Odoo, so the field is gone from fields_get, read and write at once;
 * rollback relies on it to leave a model as it was before a run added the field.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectOdoo, OdooError, Secret, type OdooClient } from "../../runtime/odoo/client.js";
import { startOdooDouble, type OdooDouble } from "./server.js";

describe("a custom field unlinked", () => {
  let double: OdooDouble;
  let client: OdooClient;

  beforeAll(async () => {
    double = await startOdooDouble({ version: "17.0" });
    client = await connectOdoo({ url: double.url, database: double.database, login: "admin", credential: { kind: "password", secret: new Secret("admin") } });
  });

  afterAll(async () => {
    await client.close();
    await double.stop();
  });

  it("is gone from its model: fields_get no longer lists it, and reading or writing it fails as for any unknown field", async () => {
    const [modelId] = await client.search("ir.model", [["model", "=", "res.partner"]]);
    const [fieldId] = await client.create("ir.model.fields", [
      { name: "x_rank", field_description: "Rank", model_id: modelId, ttype: "integer", state: "manual" },
    ]);
    const [partnerId] = await client.create("res.partner", [{ name: "Ranked", x_rank: 3 }]);
    expect((await client.read("res.partner", [partnerId ?? 0], ["x_rank"]))[0]?.["x_rank"]).toBe(3);

    await client.unlink("ir.model.fields", [fieldId ?? 0]);
    expect(Object.keys(await client.fieldsGet("res.partner", ["type"]))).not.toContain("x_rank");
    const readError = await client.read("res.partner", [partnerId ?? 0], ["x_rank"]).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(readError).toBeInstanceOf(OdooError);
    expect((readError as OdooError).message).toContain("x_rank");
    expect(double.records("res.partner").find((partner) => partner["id"] === partnerId)?.["x_rank"]).toBeUndefined();
  });
});
