/**
 * A name with a prefix (issue 16, Ügyféltár's gap 7): the CRM shows a contact as "dr. Nagy Éva"
 * and keeps `dr.` in a column of its own, so the full name finds nobody by family and given name.
 * `without_prefixes` takes the honorific, academic and generational words off the front of a name
 * (in any case, with or without their dots; more words as its argument), never a name's last word
 * and never a word that is also a name. Run into the Odoo double and read back.
 */
import { afterEach, describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { analyze } from "../../compiler/helpers.js";
import { withoutPrefixes } from "../../../runtime/transform/builtin-names.js";
import { fieldByXmlid, liveExport, runLive } from "../support.js";

const PACKAGE = (step: string): string => `migration crm { source crm  target odoo "17.0"  xmlid "crm" }
source crm {
  entity Kapcsolattarto "kapcsolattartok.csv" key id {
    id         text
    vezeteknev text required unique ambiguous first
    keresztnev text
  }
  entity Eladas "eladasok.csv" key id {
    id              text
    kapcsolattarto  text
  }
}
map Kapcsolattarto -> res.partner as kapcsolattarto {
  name <- \`{vezeteknev} {keresztnev}\`
}
map Eladas -> crm.lead as eladas {
  name       <- id
  partner_id <- kapcsolattarto ${step}| ref kapcsolattarto by vezeteknev and keresztnev optional
}
`;

const CONTACTS = ["id,vezeteknev,keresztnev", "K1,Nagy,Éva", "K2,Kovács,János", "K3,Szabóné Tóth,Anna"].join("\n");
const SALES = ["id,kapcsolattarto", "E1,dr. Nagy Éva", "E2,IFJ. Kovács János", "E3,néhai Szabóné Tóth Anna", "E4,Szabóné Tóth Anna"].join("\n");

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function partners(step: string) {
  const plan = emitPlan(analyze({ "main.flitmap": PACKAGE(step) }));
  const { double, state, source, cleanup } = await liveExport("name-prefixes", { "kapcsolattartok.csv": CONTACTS, "eladasok.csv": SALES });
  cleanups.push(cleanup);
  const result = await runLive(plan, double, state, { sourceDirectory: source });
  expect(result.status).toBe("complete");
  return fieldByXmlid(double, plan, "eladas", "partner_id");
}

describe("without_prefixes", () => {
  it("lets a name written with its prefix find the person kept without it", async () => {
    expect(await partners("")).toMatchObject({ "crm.eladas_E1": null, "crm.eladas_E2": null, "crm.eladas_E4": "crm.kapcsolattarto_K3" });
    expect(await partners('| without_prefixes("néhai") ')).toEqual({
      "crm.eladas_E1": "crm.kapcsolattarto_K1",
      "crm.eladas_E2": "crm.kapcsolattarto_K2",
      "crm.eladas_E3": "crm.kapcsolattarto_K3",
      "crm.eladas_E4": "crm.kapcsolattarto_K3",
    });
  });

  it("takes the words of many languages off the front only, never the last word, nor a word that is also a name", () => {
    const none = new Set<string>();
    expect(withoutPrefixes("Mrs Jane Doe", none)).toBe("Jane Doe");
    expect(withoutPrefixes("Dipl.-Ing. Max Müller", none)).toBe("Max Müller");
    expect(withoutPrefixes("Prof. Dr. Anna Schmidt", none)).toBe("Anna Schmidt");
    expect(withoutPrefixes("dhr. ir. Jan de Vries", none)).toBe("Jan de Vries");
    expect(withoutPrefixes("Ing. Mgr. Petr Novák", none)).toBe("Petr Novák");
    expect(withoutPrefixes("Nagy dr. Éva", none)).toBe("Nagy dr. Éva");
    expect(withoutPrefixes("Dr.", none)).toBe("Dr.");
    expect(withoutPrefixes("Don Johnson", none)).toBe("Don Johnson");
    expect(withoutPrefixes("Di Stefano Marco", none)).toBe("Di Stefano Marco");
    expect(withoutPrefixes("M. Dupont", none)).toBe("M. Dupont");
  });
});
