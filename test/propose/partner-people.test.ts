/**
 * The contact person a customer file's row names beside the organisation, in a column of their
 * own: a contact under the organisation. Invented for this test, from no export family; its words
 * are Spanish.
 */
import { describe, expect, it } from "vitest";
import { exportFile as file, loadProposed, proposalFor, targetLine } from "./small-exports.js";

const CLIENTES = `Código;Razón social;Tipo;Nombre;Apellidos;Persona de contacto;Ciudad
C01;Molinos del Sur S.L.;Empresa;;;Marta Gil;Sevilla
C02;Fontanería López - Juan López;Autónomo;Juan;López;;Málaga
C03;Ana Ruiz;Particular;Ana;Ruiz;;Cádiz
C04;Aceites Béticos S.A.;Empresa;;;Pedro Sanz;Jaén
C05;Electricidad Vera - Luis Vera;Autónomo;Luis;Vera;;Almería
C06;Carlos Mora;Particular;Carlos;Mora;;Huelva
C07;Frutas Levante S.L.;Empresa;;;Rosa Díaz;Valencia
C08;Pinturas Gómez - Eva Gómez;Autónomo;Eva;Gómez;;Murcia
C09;Lucía Peña;Particular;Lucía;Peña;;Córdoba
C10;Cerámicas Castellón S.A.;Empresa;;;;Castellón
`;

describe("the people of a customer file's organisations", () => {
  const declaration = proposalFor([file("clientes.csv", CLIENTES)]).entities[0]?.declaration;
  const targets = declaration?.kind === "split" ? declaration.targets : [];

  it("splits off the contact person as a contact under the organisation", () => {
    expect(targets.map((target) => target.header)).toEqual(["customer: res.partner", "contact: res.partner when persona_de_contacto is present"]);
    expect(targetLine(targets[1], "name")).toBe("persona_de_contacto | trim");
    expect(targetLine(targets[1], "parent_id")).toBe("ref customer");
    // The organisation keeps no copy of the name in a field of its own.
    expect(targets[0]?.body.some((line) => line.kind === "assign" && line.columns.includes("persona_de_contacto"))).toBe(false);
  });

  it("load so", async () => {
    await loadProposed({ "clientes.csv": CLIENTES }, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      const partners = sample.double.records("res.partner");
      const parentOf = (name: string): unknown => {
        const person = partners.find((partner) => partner["name"] === name && partner["is_company"] !== true);
        return partners.find((partner) => partner["id"] === person?.["parent_id"])?.["name"];
      };
      expect(parentOf("Marta Gil")).toBe("Molinos del Sur S.L.");
      expect(parentOf("Rosa Díaz")).toBe("Frutas Levante S.L.");
      expect(partners.find((partner) => partner["name"] === "Ana Ruiz")?.["is_company"]).not.toBe(true);
    });
  });
});
