/**
 * An address written in several columns, combined into Odoo's two street lines: a street and its
 * house number (digits, `12a`, or written for no number, `S/N`), a complement and a district.
 * Invented for this test (German and Mexican Spanish headers), from no export family.
 */
import { describe, expect, it } from "vitest";
import { assignment, exportFile as file, proposalFor, loadProposed } from "./small-exports.js";

const KUNDEN = `Kunden-Nr;Firmenname;Straße;Hausnummer;Adresszusatz;Ortsteil;PLZ;Ort
K1;Holzbau Krämer GmbH;Wilhelmshöher Allee;12;Hinterhaus;Wehlheiden;34119;Kassel
K2;Brunnen Seidel KG;Am Rain;3;;Horas;36043;Fulda
K3;Malerei Vogt;Bahnhofstraße;117;2. OG;;35390;Gießen
K4;Dachdecker Lenz OHG;Ketzerbach;45;;Weidenhausen;35037;Marburg
K5;Elektro Hahn GmbH;Holländische Straße;201;;Nord-Holland;34127;Kassel
`;

const CLIENTES = `Clave;Razón social;Calle;Número;Complemento;Colonia;Ciudad
C1;Abarrotes Lupita;Av. Juárez;1204;Local 3;Centro;Puebla
C2;Taller Mecánico Ruiz;Calle 5 de Mayo;S/N;;San Francisco;Puebla
C3;Papelería El Lápiz;Calz. Zavaleta;88-B;Int. 2;Santa Cruz;Puebla
C4;Farmacia Morales;Priv. Reforma;17;;La Paz;Cholula
C5;Ferretería Díaz;Blvd. Atlixco;3301;Bodega 7;Las Ánimas;Puebla
`;

// `Número` here counts the employees: no house numbers, so no part of the address.
const EMPRESAS = `Clave;Razón social;Calle;Número;Ciudad
E1;Abarrotes Lupita;Av. Juárez 1204;Doce empleados;Puebla
E2;Taller Mecánico Ruiz;Calle 5 de Mayo S/N;Tres empleados;Puebla
E3;Papelería El Lápiz;Calz. Zavaleta 88;Un empleado;Puebla
`;

describe("an address written in several columns", () => {
  it("joins the street and its house number, and the complement and the district", () => {
    const german = proposalFor([file("kunden.csv", KUNDEN)]);
    expect(assignment(german, "kunden.csv", "street")).toBe("`{strasse} {hausnummer}` | trim");
    expect(assignment(german, "kunden.csv", "street2")).toBe('[adresszusatz | trim, ortsteil | trim] | join(" - ")');
    const mexican = proposalFor([file("clientes.csv", CLIENTES)]);
    expect(assignment(mexican, "clientes.csv", "street")).toBe('[calle | trim, numero | trim] | join(" ")');
    expect(assignment(mexican, "clientes.csv", "street2")).toBe('[complemento | trim, colonia | trim] | join(" - ")');
  });

  it("takes a column called number for a house number only when its values are", () => {
    const proposal = proposalFor([file("empresas.csv", EMPRESAS)]);
    expect(assignment(proposal, "empresas.csv", "street")).toBe("calle | trim");
  });

  it("loads the street lines as a specialist writes them", async () => {
    await loadProposed({ "kunden.csv": KUNDEN }, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      const lines = sample.double
        .records("res.partner")
        .filter((partner) => typeof partner["zip"] === "string")
        .map((partner) => `${String(partner["street"])} | ${String(partner["street2"])}`);
      expect(lines).toEqual([
        "Wilhelmshöher Allee 12 | Hinterhaus - Wehlheiden",
        "Am Rain 3 | Horas",
        "Bahnhofstraße 117 | 2. OG",
        "Ketzerbach 45 | Weidenhausen",
        "Holländische Straße 201 | Nord-Holland",
      ]);
    });
  }, 60_000);
});
