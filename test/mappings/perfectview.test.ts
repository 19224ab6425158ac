/**
 * The shipped PerfectView mapping, checked on Odoo 17.0, 18.0 and 19.0 and run end to end on its
 * shipped sample export (chunked, semicolons, Windows-1252 and UTF-8, Dutch headers) against the
 * Odoo test double: every defect the sample generator planted (defects.json) must end where the
 * mapping's README says it ends, and every row must be accounted for.
 */
import { cpSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import type { Plan } from "../../compiler/plan/schema.js";
import { runPlan, type RunResult } from "../../runtime/execute/run.js";
import { FilesTarget } from "../../runtime/targets/files-target.js";
import { runPlanTests } from "../../runtime/testing/plan-tests.js";
import { PyFloat } from "../odoo-double/py.js";
import type { OdooDouble } from "../odoo-double/server.js";
import { temporaryDirectory } from "../runtime/support.js";
import { loadSample, readDefects, type LoadedSample, type SampleDefect as Defect } from "./support.js";

const PACKAGE = join(import.meta.dirname, "../../mappings/perfectview-to-odoo");
const SAMPLE = join(PACKAGE, "sample");

interface Seed {
  readonly users: readonly { login: string; name: string; email: string; active: boolean }[];
  readonly products: readonly { default_code: string; name: string; list_price: number }[];
}

const DEFECTS = readDefects(SAMPLE).defects;
const SEED = JSON.parse(readFileSync(join(SAMPLE, "odoo-seed.json"), "utf8")) as Seed;

const defectsOf = (kind: string, entity?: string): Defect[] =>
  DEFECTS.filter((defect) => defect.kind === kind && (entity === undefined || defect.entity === entity));

/**
 * The 17.0 catalog plus the Helpdesk models a server with Odoo Enterprise's Helpdesk reports
 * (the fields the mapping writes), as `flitmap schema pull` would write them.
 */
function schemaWithHelpdesk(): Record<string, unknown> {
  const catalog = JSON.parse(readFileSync(join(import.meta.dirname, "../../compiler/catalogs/odoo-17.0.json"), "utf8")) as {
    models: Record<string, unknown>;
    modules: unknown[];
    references: Record<string, unknown[]>;
  };
  const writable = { writable: "yes", reason: "not read-only: the API writes it" };
  const field = (name: string, type: string, label: string, extra: Record<string, unknown> = {}): [string, Record<string, unknown>] => [
    name,
    { custom: false, hasDefault: false, label, name, readonly: false, required: false, store: true, type, writability: writable, ...extra },
  ];
  const model = (name: string, label: string, ...fields: [string, Record<string, unknown>][]): Record<string, unknown> => ({
    custom: false,
    label,
    modules: ["helpdesk"],
    name,
    order: "id",
    transient: false,
    fields: Object.fromEntries(fields),
  });
  const priorities = [
    { value: "0", label: "Low priority" },
    { value: "1", label: "Medium priority" },
    { value: "2", label: "High priority" },
    { value: "3", label: "Urgent" },
  ];
  const stages = ["new", "in_progress", "on_hold", "solved", "cancelled"];
  return {
    ...catalog,
    origin: "server",
    models: {
      ...catalog.models,
      "helpdesk.ticket": model(
        "helpdesk.ticket",
        "Helpdesk Ticket",
        field("name", "char", "Subject", { required: true }),
        field("description", "html", "Description"),
        field("partner_id", "many2one", "Customer", { relation: "res.partner" }),
        field("user_id", "many2one", "Assigned to", { relation: "res.users" }),
        field("team_id", "many2one", "Helpdesk Team", { relation: "helpdesk.team", hasDefault: true }),
        field("stage_id", "many2one", "Stage", { relation: "helpdesk.stage", hasDefault: true }),
        field("priority", "selection", "Priority", { selection: priorities, hasDefault: true }),
        field("ticket_type_id", "many2one", "Type", { relation: "helpdesk.ticket.type" }),
        field("close_date", "datetime", "Close date"),
      ),
      "helpdesk.stage": model(
        "helpdesk.stage",
        "Helpdesk Stage",
        field("name", "char", "Stage Name", { required: true }),
        field("sequence", "integer", "Sequence"),
        field("fold", "boolean", "Folded"),
      ),
      "helpdesk.ticket.type": model("helpdesk.ticket.type", "Helpdesk Ticket Type", field("name", "char", "Type", { required: true })),
      "helpdesk.team": model("helpdesk.team", "Helpdesk Team", field("name", "char", "Helpdesk Team", { required: true })),
    },
    modules: [...catalog.modules, { application: true, name: "helpdesk", version: "17.0.1.0" }],
    references: {
      ...catalog.references,
      "helpdesk.stage": stages.map((stage, index) => ({ id: index + 1, name: stage, values: {}, xmlid: `helpdesk.stage_${stage}` })),
    },
  };
}

function compile(series: string): Plan {
  return emitPlan(analyzeDirectory(PACKAGE, { seriesOverride: series }));
}

describe("the PerfectView mapping", () => {
  for (const series of ["17.0", "18.0", "19.0"]) {
    it(`checks clean against Odoo ${series}`, () => {
      const analysis = analyzeDirectory(PACKAGE, { seriesOverride: series });
      expect(analysis.diagnostics.map((diagnostic) => `${diagnostic.file}:${diagnostic.range.start.line} ${diagnostic.code} ${diagnostic.message}`)).toEqual(
        [],
      );
    });
  }

  it("loads cases as Helpdesk tickets, and their e-mails on the tickets, where Odoo has Helpdesk", async () => {
    const folder = temporaryDirectory("flitmap-pv-helpdesk-");
    try {
      for (const file of readdirSync(PACKAGE).filter((name) => name.endsWith(".flitmap"))) cpSync(join(PACKAGE, file), join(folder.path, file));
      const migration = join(folder.path, "migration.flitmap");
      writeFileSync(migration, readFileSync(migration, "utf8").replace('target odoo "17.0"', 'target odoo schema "odoo-schema.json"'));
      writeFileSync(join(folder.path, "odoo-schema.json"), JSON.stringify(schemaWithHelpdesk()));
      const analysis = analyzeDirectory(folder.path);
      // The ticket's own body is checked now, against the server's Helpdesk models.
      expect(analysis.diagnostics.map((diagnostic) => `${diagnostic.file}:${diagnostic.range.start.line} ${diagnostic.code} ${diagnostic.message}`)).toEqual(
        [],
      );
      const plan = emitPlan(analysis);
      const step = plan.steps.find((candidate) => candidate.id === "case");
      expect([step?.model, step?.operations.map((operation) => operation.field)]).toEqual([
        "helpdesk.ticket",
        ["name", "description", "partner_id", "user_id", "priority", "stage_id", "ticket_type_id", "close_date"],
      ]);
      const out = join(folder.path, "out");
      const result = await runPlan({ plan, sourceDirectory: SAMPLE, target: new FilesTarget(out, plan.migration.namespace) });
      expect(result.status).toBe("complete");
      const tickets = readdirSync(out).find((name) => name.endsWith("-helpdesk.ticket-case.csv"));
      expect(readFileSync(join(out, tickets ?? "none"), "utf8").split("\n")[2]).toContain("Lekkage bij radiator");
      const messages = readFileSync(join(out, readdirSync(out).find((name) => name.endsWith("-mail.message-message.csv")) ?? "none"), "utf8");
      // 600007 is an e-mail about case 40007.
      expect(messages.split("\n").find((line) => line.startsWith("perfectview.message_600007"))).toContain("helpdesk.ticket");
    } finally {
      folder.remove();
    }
  });

  it("passes its own test blocks", async () => {
    const results = await runPlanTests(compile("17.0"), PACKAGE);
    expect(results.length).toBeGreaterThan(10);
    expect(results.filter((result) => result.failures.length > 0)).toEqual([]);
  });
});

for (const series of ["17.0", "19.0"] as const) {
  describe(`the PerfectView sample loaded into the Odoo ${series} test double`, () => {
    let sample: LoadedSample;
    let double: OdooDouble;
    let plan: Plan;
    let first: RunResult;
    let loaded: LoadedSample["loaded"];

    beforeAll(async () => {
      plan = compile(series);
      sample = await loadSample(plan, SAMPLE);
      ({ double, first, loaded } = sample);
    }, 120_000);

    afterAll(async () => {
      await sample.close();
    });

    const record = (xmlid: string): Record<string, unknown> => sample.record(xmlid);
    const odooRecord = (model: string, xmlid: string): Record<string, unknown> => {
      const [module, name] = xmlid.split(".");
      const data = double.records("ir.model.data").find((row) => row["module"] === module && row["name"] === name && row["model"] === model);
      const found = double.records(model).find((candidate) => candidate["id"] === data?.["res_id"]);
      if (found === undefined) throw new Error(`no ${model} ${xmlid}`);
      return found;
    };
    /** Fields Odoo computes (totals), read as a client reads them. */
    const amount = (model: string, id: unknown): number => {
      const value = double.orm.read({ uid: double.adminUid, context: {} }, model, [Number(id)], ["amount_untaxed"])[0]?.["amount_untaxed"];
      return value instanceof PyFloat ? value.value : Number(value);
    };
    const persons = (relation: string): Record<string, unknown>[] =>
      Object.entries(loaded)
        .filter(([xmlid]) => xmlid.startsWith(`perfectview.person_${relation}-`))
        .map(([, values]) => values);
    const rejectAt = (file: string, line: number): string | undefined => sample.rejectAt(file, line);
    const noteExamples = (step: string, field: string, kind: string): string[] => sample.noteExamples(step, field, kind);
    const userNamed = (email: string): string => `res.users:${SEED.users.find((user) => user.email === email)?.name ?? "?"}`;
    const STEP: Readonly<Record<string, string>> = { Relation: "relation", Activity: "activity", Lead: "lead", Case: "case", Quote: "quote" };
    const OWNER_FIELD = "user_id";

    it("accounts for every row: loaded, skipped or rejected with a reason, repeats at chunk edges merged", () => {
      expect(first.status).toBe("complete");
      for (const entity of first.entities) {
        expect(entity.loaded + entity.linked + entity.skipped + entity.rejected + entity.duplicates + entity.notSelected, entity.entity).toBe(entity.read);
        // Every repeat at a chunk edge is merged, and nothing else is.
        expect(entity.duplicates, entity.entity).toBe(defectsOf("duplicate_key", entity.entity).length);
      }
      expect(Object.fromEntries(first.entities.map((entity) => [entity.entity, [entity.read, entity.loaded, entity.rejected]]))).toEqual({
        Relation: [79, 72, 0],
        Activity: [70, 65, 1],
        Lead: [32, 30, 0],
        Case: [24, 24, 0],
        Document: [9, 7, 2],
        Quote: [18, 18, 0],
        QuoteLine: [57, 54, 1],
        Invoice: [24, 24, 0],
        InvoiceLine: [63, 60, 0],
        Message: [62, 56, 1],
      });
      expect(first.rejects.every((reject) => reject.reason.length > 10)).toBe(true);
      // No chatter e-mail was sent to anyone for the records the migration made.
      expect(double.outbox()).toEqual([]);
    });

    it("reads every chunk in its own encoding (Windows-1252 or UTF-8)", () => {
      // relaties_001.csv is Windows-1252, relaties_002.csv UTF-8.
      expect(record("relation_10001")["name"]).toBe("Coöperatie Noordzee Wonen U.A.");
      expect(record("person_10001-2")["name"]).toBe("Joëlle van den Heuvel");
      expect(record("relation_10103")["name"]).toBe("Daniëlle de Jong");
      const names = double.records("res.partner").map((partner) => String(partner["name"]));
      expect(names.filter((name) => /Ã|\uFFFD/.test(name))).toEqual([]);
    });

    it("splits a relation into its organisation and one contact per person, with the role kept", () => {
      const contact = record("person_10004-2");
      expect(contact).toMatchObject({ name: "Joost de Jong", is_company: false, parent_id: "perfectview.relation_10004", x_rol: "Contactpersoon facturen" });
      expect(contact[series === "19.0" ? "phone" : "mobile"]).toBe("06-86816261");
      expect(record("relation_10004")).toMatchObject({ is_company: true, name: "Ter Horst & Zn. B.V.", ref: "K10001", x_relatiesoort: "klant" });
      expect(Object.keys(loaded).filter((xmlid) => xmlid.startsWith("perfectview.person_")).length).toBe(112);
      for (const defect of defectsOf("same_role_trio")) {
        const people = persons(defect.key ?? "");
        expect(
          people.map((person) => [person["x_rol"], person["parent_id"]]),
          defect.key,
        ).toEqual([1, 2, 3].map(() => [defect.detail?.["role"], `perfectview.relation_${defect.key ?? ""}`]));
      }
      for (const defect of defectsOf("company_only_relation")) {
        expect(record(`relation_${defect.key ?? ""}`)["is_company"], defect.key).toBe(true);
        expect(persons(defect.key ?? ""), defect.key).toEqual([]);
      }
    });

    it("makes a relation without an organisation one private person at their home address", () => {
      const keys = defectsOf("person_only_relation").map((defect) => defect.key ?? "");
      expect(keys).toEqual(["10028", "10052", "10103", "10127", "10172", "10199"]);
      for (const key of keys) {
        expect(record(`relation_${key}`)["is_company"], key).toBe(false);
        expect(persons(key), key).toEqual([]);
      }
      const private_ = record("relation_10028");
      expect(private_).toMatchObject({ name: "Özlem de Ruiter", street: "Beatrixstraat 92", city: "Arnhem", x_rol: "Eigenaar" });
      expect(odooRecord("res.partner", "perfectview.relation_10028")["parent_id"] ?? false).toBe(false);
      if (series === "19.0") expect(private_["phone"]).toBe("06-58864263");
      else expect([private_["phone"], private_["mobile"]]).toEqual(["+31 26 386 0067", "06-58864263"]);
      // Without a mobile number, Odoo 19's one number is the relation's.
      if (series === "19.0") expect(record("relation_10172")["phone"]).toBe("038-7274817");
    });

    it("trims stray whitespace and keeps a two-line address as street and floor", () => {
      for (const defect of defectsOf("stray_whitespace", "Relation")) {
        const tidy = defect.value.trim().replace(/ +/g, " ");
        const written =
          defect.column === "Bedrijfsnaam"
            ? record(`relation_${defect.key ?? ""}`)["name"]
            : defect.column === "Plaats"
              ? record(`relation_${defect.key ?? ""}`)["city"]
              : defect.column === "E-mailadres"
                ? record(`relation_${defect.key ?? ""}`)["email"]
                : record(`person_${defect.key ?? ""}-1`)["name"];
        expect(written, `${defect.key ?? ""} ${defect.column}`).toBe(tidy);
      }
      expect(record("activity_200010")["summary"]).toBe("Terugbellen over offerte");
      expect(record("relation_10085")).toMatchObject({ street: "Nieuwstraat 47", street2: "2e verdieping" });
    });

    it("keeps an inactive user's records with that user, archived in Odoo", () => {
      expect(defectsOf("inactive_owner").length).toBe(6);
      for (const defect of defectsOf("inactive_owner")) {
        const step = STEP[defect.entity] ?? "";
        expect(record(`${step}_${defect.key ?? ""}`)[OWNER_FIELD], `${defect.entity} ${defect.key ?? ""}`).toBe(userNamed(defect.value));
      }
      const archived = double.records("res.users").find((user) => user["login"] === "b.hendriks@vandijk-installatie.nl");
      expect(archived?.["active"]).toBe(false);
    });

    it("gives a record whose owner Odoo does not know to the administrator, reported, and keeps who it was", () => {
      for (const defect of defectsOf("unknown_owner")) {
        const step = STEP[defect.entity] ?? "";
        const migrated = record(`${step}_${defect.key ?? ""}`);
        expect(migrated[OWNER_FIELD], `${defect.entity} ${defect.key ?? ""}`).toBe("base.user_admin");
        if (defect.entity === "Relation" || defect.entity === "Lead") expect(migrated["x_pv_owner"]).toBe(defect.value);
        expect(noteExamples(step, "user_id", "lookup-fallback").join(" "), `${defect.entity} ${defect.key ?? ""}`).toContain(defect.value);
      }
    });

    it("leaves a bad date or number empty and reported; an impossible deadline becomes the planned day", () => {
      expect(record("relation_10100")["x_lid_sinds"]).toBe(false);
      expect(noteExamples("relation", "x_lid_sinds", "flagged")).toEqual(["'31-02-2024' is not a date: February 2024 has 29 days (format dd-MM-yyyy)"]);
      expect(record("lead_30040")["date_deadline"]).toBe(false);
      expect(noteExamples("lead", "date_deadline", "flagged")).toEqual(["'2024/05/17' is not a date in the format dd-MM-yyyy"]);
      expect(record("quote_OF20019")["validity_date"]).toBe(false);
      expect(noteExamples("invoice", "invoice_date_due", "flagged")).toEqual(["'29-02-2023' is not a date: February 2023 has 28 days (format dd-MM-yyyy)"]);
      // Activities need a deadline: the day they were planned.
      expect(record("activity_200085")["date_deadline"]).toBe("2024-01-02");
      expect(record("activity_200136")["date_deadline"]).toBe("2022-12-09");
      expect(noteExamples("activity", "date_deadline", "flagged")).toHaveLength(2);
      // A lost lead's probability is 0 whatever PerfectView held; the bad number was on a lost lead.
      expect(record("lead_30061")).toMatchObject({ active: false, probability: 0 });
    });

    it("rejects chatter, activities and files that would have no record, naming what is missing", () => {
      for (const defect of defectsOf("dangling_reference")) {
        if (defect.entity === "Lead" || defect.entity === "Case") {
          expect(record(`${STEP[defect.entity] ?? ""}_${defect.key ?? ""}`)["partner_id"], defect.key).toBeNull();
          expect(noteExamples(STEP[defect.entity] ?? "", "partner_id", "dangling-reference")).toEqual([
            `relation "${defect.value}" does not exist in the export`,
          ]);
          continue;
        }
        expect(rejectAt(defect.file, defect.line), `${defect.file}:${defect.line}`).toContain(`relation "${defect.value}" does not exist in the export`);
      }
      const missing = defectsOf("missing_file")[0];
      expect(rejectAt(missing?.file ?? "", missing?.line ?? 0)).toContain("does not exist in the export folder");
    });

    it("keeps a lead or case without a title under a placeholder, and an activity without a subject", () => {
      expect(record("lead_30064")["name"]).toBe("(zonder omschrijving)");
      expect(record("case_40007")["name"]).toBe("(zonder onderwerp)");
      expect(record("activity_200133")["summary"]).toBe(false);
      expect(noteExamples("lead", "name", "default")).toHaveLength(1);
      expect(noteExamples("case", "name", "default")).toHaveLength(1);
    });

    it("reads leads back with their stage, source and owner; a lost lead is archived", () => {
      expect(record("lead_30001")).toMatchObject({
        name: "Laadpalen parkeerterrein",
        type: "opportunity",
        stage_id: "crm.stage_lead2",
        source_id: "utm.utm_source_newsletter",
        user_id: userNamed("b.dehaan@vandijk-installatie.nl"),
        partner_id: "perfectview.relation_10166",
        expected_revenue: 5500,
        probability: 30,
        date_deadline: "2026-07-07",
      });
      expect(record("lead_30049")).toMatchObject({ stage_id: "crm.stage_lead4", source_id: "perfectview.utm_source_fair" });
      expect(record("lead_30022")).toMatchObject({ active: false, stage_id: null });
      expect(odooRecord("utm.source", "perfectview.utm_source_fair")["name"]).toBe("Beurs");
    });

    it("makes a case a lead of the customer-service team on an Odoo without Helpdesk", () => {
      expect(record("case_40001")).toMatchObject({
        name: "Lekkage bij radiator",
        type: "lead",
        team_id: "perfectview.crm_team_service",
        priority: "0",
        x_ticket_type: "storing",
        x_case_status: "gesloten",
        partner_id: "perfectview.relation_10094",
      });
      expect(odooRecord("crm.team", "perfectview.crm_team_service")["name"]).toBe("Klantenservice");
    });

    it("attaches each document's bytes to its lead, else its relation", () => {
      for (const [key, file, model] of [
        ["50001", "50001-offerte-ondertekend.pdf", "res.partner"],
        ["50004", "50004-garantiebewijs.pdf", "crm.lead"],
        ["50016", "50016-plattegrond-begane-grond.png", "res.partner"],
      ] as const) {
        const attachment = odooRecord("ir.attachment", `perfectview.document_${key}`);
        expect(attachment["res_model"], key).toBe(model);
        expect(Buffer.from(String(attachment["datas"]), "base64").equals(readFileSync(join(SAMPLE, "bestanden", file))), key).toBe(true);
      }
      expect(record("document_50004")["res_id"]).toBe("perfectview.lead_30028");
      expect(record("document_50013")["name"]).toBe("Overeenkomst café.pdf");
    });

    it("makes each quote a draft sale order under its number, its lines and total as in PerfectView", () => {
      const orders = double.records("sale.order");
      expect(orders).toHaveLength(18);
      for (const order of orders) {
        expect(order["state"], String(order["name"])).toBe("draft");
        // The one quote whose unreadable line was rejected is short of that line.
        if (order["name"] === "OF20022") expect(amount("sale.order", order["id"])).toBeLessThan(Number(order["x_pv_total"]));
        else expect(amount("sale.order", order["id"]), String(order["name"])).toBeCloseTo(Number(order["x_pv_total"]), 2);
      }
      const quote = odooRecord("sale.order", "perfectview.quote_OF20001");
      expect(amount("sale.order", quote["id"])).toBe(9005);
      const lines = double
        .records("sale.order.line")
        .filter((line) => line["order_id"] === quote["id"])
        .map((line) => [line["name"], line["product_uom_qty"], line["price_unit"], line["discount"]]);
      expect(lines).toEqual([
        ["[WP-HYB4] Hybride warmtepomp 4 kW", 2, 3950, 0],
        ["[ADV-EPA] Energieadvies (EPA)", 2, 395, 0],
        ["[RAD-6010] Radiator 600×1000 mm", 1, 315, 0],
      ]);
      expect(record("quote_line_OF20001-1")["product_id"]).toBe("product.product:Hybride warmtepomp 4 kW");
      // A retired product's line stays, on the stand-in, with its own code and description.
      expect(record("quote_line_OF20013-2")).toMatchObject({
        product_id: "perfectview.product_product_retired_product",
        name: "[OUD-BOIL50] Voorrijkosten",
        price_unit: 45,
      });
      expect(noteExamples("quote_line", "product_id", "lookup-missing")).toEqual([
        'no product.product record has default_code "OUD-BOIL50"; the value after `??` was used',
      ]);
      expect(rejectAt("offerteregels_001.csv", 25)).toBe("'Aantal': '12,50,00' is not a number with a decimal comma");
    });

    it("makes each invoice a draft customer invoice with its lines; the paid status is kept, not written", () => {
      const invoices = double.records("account.move").filter((move) => move["move_type"] === "out_invoice");
      expect(invoices).toHaveLength(24);
      for (const invoice of invoices)
        expect(amount("account.move", invoice["id"]), String(invoice["payment_reference"])).toBeCloseTo(Number(invoice["x_pv_total"]), 2);
      for (const defect of defectsOf("paid_invoice")) {
        const invoice = odooRecord("account.move", `perfectview.invoice_${defect.key ?? ""}`);
        expect([invoice["state"], invoice["x_pv_status"], invoice["payment_reference"]], defect.key).toEqual(["draft", "betaald", defect.key]);
        expect(invoice["payment_state"], defect.key).not.toBe("paid");
      }
      const invoice = odooRecord("account.move", "perfectview.invoice_F100001");
      const lines = double
        .records("account.move.line")
        .filter((line) => line["move_id"] === invoice["id"] && line["display_type"] === "product")
        .map((line) => [line["name"], line["quantity"], line["price_unit"], line["discount"], line["x_btw_percentage"]]);
      expect(lines).toEqual([
        ["[WP-LW08] Warmtepomp lucht/water 8 kW", 2, 7490, 7.5, 21],
        ["[ONDH-CV] Onderhoudscontract cv (jaar)", 1, 149, 7.5, 21],
        ["[ONDH-WP] Onderhoudscontract warmtepomp (jaar)", 3, 229, 15, 21],
      ]);
      expect(record("invoice_line_F100061-2")["product_id"]).toBe("perfectview.product_product_retired_product");
    });

    it("puts e-mails on their case, lead or relation, threaded, a user's by their partner", () => {
      expect(record("message_600001")).toMatchObject({ model: "res.partner", res_id: "perfectview.relation_10130", parent_id: null, author_id: null });
      expect(record("message_600004")).toMatchObject({
        parent_id: "perfectview.message_600001",
        author_id: `res.partner:Erik van 't Hof`,
        email_from: "e.vanthof@vandijk-installatie.nl",
        x_pv_to: "pieter.vandijk@visserinstallatietechniek.nl",
      });
      expect(record("message_600007")).toMatchObject({ model: "crm.lead", res_id: "perfectview.case_40007" });
      expect(record("message_600013")).toMatchObject({ model: "crm.lead", res_id: "perfectview.lead_30040" });
      const emails = double.records("mail.message").filter((message) => message["message_type"] === "email");
      expect(emails).toHaveLength(56);
    });

    it("a second run writes nothing", async () => {
      const again = await sample.rerun();
      expect(again.steps.map((step) => [step.step, step.created, step.updated])).toEqual(plan.steps.map((step) => [step.id, 0, 0]));
    }, 120_000);
  });
}
