/**
 * A file of deals that also names each deal's firm and contact person: its stages, probabilities
 * and amounts say what its rows are, whatever its file name, and a Czech file name says deals too.
 */
import { describe, expect, it } from "vitest";
import { profileEntities } from "../../propose/entities.js";
import { exportFile as file } from "./small-exports.js";

const DEALS = `ID;Name;Company;Contact person;Stage;Probability;Amount
D1;New kitchen;Acme Ltd;Ann Lee;Proposal;40 %;12500
D2;Office chairs;Bolt plc;Bob Ray;Won;100 %;8000
D3;Wardrobes;Crane Ltd;Cy Fox;Negotiation;60 %;1250
D4;Stairs;Acme Ltd;Ann Lee;Lost;0 %;640
`;

const PRIPADY = `ID;Název;Zákazník;Fáze
OP-2025-0001;Kuchyňská linka;Hotel Jih a.s.;Vyhráno
OP-2025-0002;Vestavěné skříně;Lamino s.r.o.;Prohráno
OP-2025-0003;Schodiště;Bistro s.r.o.;Nabídka odeslána
`;

describe("files of deals", () => {
  it("are deals by their stage, probability and amount, though they name a firm and its contact person", () => {
    const [entity] = profileEntities({ files: [file("export.csv", DEALS)], otherFiles: [] });
    expect(entity?.kind).toBe("deal");
    expect(entity?.kindEvidence).toBe("it has stages, probabilities and amounts");
  });

  it("are deals when a Czech file name calls them obchodní případy", () => {
    const [entity] = profileEntities({ files: [file("obchodni_pripady.csv", PRIPADY)], otherFiles: [] });
    expect(entity?.kind).toBe("deal");
  });
});
