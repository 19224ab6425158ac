/**
 * OdooTarget archiving (`deleted archive`): a model's `active` field is asked of the server, and
 * when Odoo refuses a write for one record (Odoo 17 refuses to archive a contact of an active
 * user) the others are still archived and the refused one is named with Odoo's reason.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OdooError, type OdooClient } from "../../runtime/odoo/index.js";
import { OdooTarget } from "../../runtime/targets/odoo-target.js";
import { startOdooDouble, type OdooDouble } from "../odoo-double/server.js";
import { connectDouble } from "./support.js";

const REFUSAL = "You cannot archive contacts linked to an active user.";

/** The double does not refuse archiving: this client answers as Odoo 17 does for one partner. */
function refusingFor(client: OdooClient, refused: number): OdooClient {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property !== "write") return Reflect.get(target, property, receiver) as unknown;
      return async (model: string, ids: readonly number[], vals: Readonly<Record<string, unknown>>, context?: Readonly<Record<string, unknown>>) => {
        if (vals["active"] === false && ids.includes(refused)) throw new OdooError({ kind: "validation", odooMessage: REFUSAL, model, method: "write" });
        return target.write(model, ids, vals, context);
      };
    },
  });
}

describe("OdooTarget archiving", () => {
  let double: OdooDouble;
  let client: OdooClient;
  const ids: number[] = [];

  beforeAll(async () => {
    double = await startOdooDouble({ version: "17.0" });
    for (const name of ["Ann", "Bob", "Cy"]) ids.push(double.addRecord("res.partner", { name }));
    client = await connectDouble(double);
  });

  afterAll(async () => {
    await client.close();
    await double.stop();
  });

  it("knows which models can be archived", async () => {
    const target = new OdooTarget(client);
    expect(await target.hasActiveField("res.partner")).toBe(true);
    expect(await target.hasActiveField("mail.message")).toBe(false);
  });

  it("archives the records Odoo accepts and names the one it refuses", async () => {
    const [ann = 0, bob = 0, cy = 0] = ids;
    const target = new OdooTarget(refusingFor(client, bob));
    expect(await target.setActive("res.partner", [ann, bob, cy], false)).toEqual([{ id: bob, message: REFUSAL }]);
    const active = new Map(double.records("res.partner").map((record) => [record["id"], record["active"]]));
    expect([active.get(ann), active.get(bob), active.get(cy)]).toEqual([false, true, false]);
    expect(await target.setActive("res.partner", [ann, cy], true)).toEqual([]);
    const after = new Map(double.records("res.partner").map((record) => [record["id"], record["active"]]));
    expect([after.get(ann), after.get(cy)]).toEqual([true, true]);
  });
});
