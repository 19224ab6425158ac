/**
 * A Danish accounting program's registers: debtors whose names end in Danish legal forms
 * (`A/S`, `I/S`, `IVS`, `K/S`, `A.m.b.a.`) beside households and housing associations.
 */
import { describe, expect, it } from "vitest";
import { profileEntities } from "../../propose/entities.js";
import { hasLegalForm } from "../../propose/legal-forms.js";
import { holdsRegistryNumbers, isRegistryNumber } from "../../propose/tax-ids.js";
import { assignment, exportFile as file, proposalFor } from "./small-exports.js";

const DEBTORS = `Nr;Navn;Telefon;E-mail;Kredit
10001;Gadstrup Maskinfabrik A/S;46191010;info@gadstrup.example;50.000,00 kr.
10002;Aalsgaarde VVS I/S;49701122;kontakt@aalsgaarde.example;20.000,00 kr.
10003;Viby Kro IVS;46193344;kro@viby.example;10.000,00 kr.
10004;Hanne Hansen;53607516;hanne@outlook.example;
10005;Andelsboligforeningen Åvej 36;96372262;post@abf.example;15.000,00 kr.
10006;Lejre Rideklub;46480011;post@rideklub.example;5.000,00 kr.
10007;Roskilde Ejendomme K/S;46301212;info@ejendomme.example;80.000,00 kr.
`;

const CRM_COMPANIES = `ID;Navn;Branche;Moderselskab
300001;Gadstrup Maskinfabrik A/S;Erhverv;
300002;Aalsgaarde VVS I/S;Erhverv;
300003;Viby Kro IVS;Detail;
300004;Roskilde Ejendomme K/S;Erhverv;
300005;Tune Bilforhandler IVS;Detail;Gadstrup Maskinfabrik A/S
300006;Jyllinge Tandlæge ApS;Erhverv;Roskilde Ejendomme K/S
`;

const CONTACTS = `Nr;Kunde;Navn;Telefon;Modtager faktura
1;10001;Åse Pedersen;91472567;Ja
2;10002;Mads Sørensen;22334455;Nej
3;10003;Hanne Østergaard;33445566;Ja
4;10007;Mads Nielsen;44556677;Nej
`;

describe("Danish legal forms", () => {
  it("end a company's name, a person's name ending in none", () => {
    const names = ["Gadstrup Maskinfabrik A/S", "Aalsgaarde VVS I/S", "Viby Kro IVS", "Roskilde Ejendomme K/S", "Dansk Korn A.m.b.a.", "Holm & Søn P/S"];
    expect(names.filter(hasLegalForm)).toEqual(names);
    expect(["Hanne Hansen", "Poul Aagaard", "Signes Revision"].filter(hasLegalForm)).toEqual([]);
  });

  it("make a register of debtors, named by nothing the lexicon knows, a register of companies", () => {
    const entities = profileEntities({ files: [file("register.csv", DEBTORS), file("personer.csv", CONTACTS)], otherFiles: [] });
    expect(entities.find((entity) => entity.pattern === "register.csv")?.kind).toBe("company");
  });
});

describe("a CRM's companies beside the accounting program's debtors", () => {
  it("are the same firms again by their names, not the debtors' children; a parent by name still links", () => {
    const entities = profileEntities({ files: [file("register.csv", DEBTORS), file("virksomheder.csv", CRM_COMPANIES)], otherFiles: [] });
    const references = entities.find((entity) => entity.pattern === "virksomheder.csv")?.references ?? [];
    expect(references.map((reference) => reference.column)).toEqual(["moderselskab"]);
  });
});

describe("a debtor's contact persons", () => {
  it("make the one who receives the invoices (`Modtager faktura` Ja) the debtor's invoice address", () => {
    const proposal = proposalFor([file("register.csv", DEBTORS), file("personer.csv", CONTACTS)]);
    expect(assignment(proposal, "personer.csv", "type")).toBe(`if modtager_faktura then "invoice" else "contact"`);
  });
});

const BLOCKED = `Kundenr.;Navn;Telefon;Spærret
20001;Gadstrup Maskinfabrik A/S;46191010;Nej
20002;Aalsgaarde VVS I/S;49701122;Nej
20003;Viby Kro IVS;46193344;Ja
20004;Roskilde Ejendomme K/S;46301212;Nej
20005;Tune Bilforhandler IVS;46130011;Nej
20006;Jyllinge Tandlæge ApS;46780022;Nej
20007;Lejre Blomster ApS;46480033;Nej
20008;Køge Tømrer I/S;56650044;Nej
20009;Hvalsø Murer ApS;46400055;Nej
20010;Holbæk Ejendomme A/S;59430066;Nej
20011;Greve VVS ApS;43900077;Nej
20012;Solrød Anlæg IVS;56140088;Nej
`;

describe("a debtor blocked (`Spærret` Ja on a few rows)", () => {
  it("is still a live customer: its flag does not archive it", () => {
    const proposal = proposalFor([file("register.csv", BLOCKED)]);
    expect(assignment(proposal, "register.csv", "name")).toBeDefined();
    expect(assignment(proposal, "register.csv", "active")).toBeUndefined();
  });
});

describe("Danish CVR numbers", () => {
  it("are registry numbers by their weighted check, written bare, in pairs or as the VAT number", () => {
    expect(["25006321", "30 38 94 84", "DK25006321"].map(isRegistryNumber)).toEqual([true, true, true]);
    expect(["12345678", "25006322", "05006321"].map(isRegistryNumber)).toEqual([false, false, false]);
    expect(holdsRegistryNumbers(["25006321", "", "30 38 94 84", "DK25006321", "30389484"])).toBe(true);
  });
});
