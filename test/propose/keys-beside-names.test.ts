/**
 * A CRM's contacts naming their account twice: by name, as the CRM spells it, and by the ERP's
 * code, blank for the prospects the ERP does not have. The code links exactly where the name,
 * spelled otherwise than in the ERP, finds nothing. Spanish, invented for this test, from no
 * export family.
 */
import { describe, expect, it } from "vitest";
import { assignment, exportFile as file, proposalFor } from "./small-exports.js";

const CLIENTES = `Código;Razón social;Ciudad;Teléfono
CL-001;Frigoríficos del Norte S.L.;Bilbao;944 123 456
CL-002;Hostelería Cantábrica S.A.;Santander;942 234 567
CL-003;Panadería La Espiga S.L.;Oviedo;985 345 678
CL-004;Cocinas Industriales Ebro S.A.;Zaragoza;976 456 789
CL-005;Mesón El Puerto S.L.;Gijón;985 567 890
`;

const CONTACTOS = `ID;Nombre;Apellidos;Empresa;Código ERP;Cargo
1;Ana;García López;Frigorificos del Norte SL;CL-001;Compras
2;Luis;Martín Ruiz;Hosteleria Cantabrica SA;CL-002;Gerente
3;Marta;Sánchez Gil;Panadería La Espiga S.L.;CL-003;Dueña
4;Jorge;Pérez Vega;Cocinas Industriales Ebro S.A.;CL-004;Técnico
5;Elena;Díaz Mora;Mesón El Puerto S.L.;CL-005;Gerente
6;Pablo;Romero Sanz;Catering Bahía S.L.;;Compras
7;Lucía;Navarro Gil;Frigoríficos del Norte S.L.;CL-001;Contabilidad
`;

describe("contacts naming their account by name and by its code", () => {
  it("links the account by its code where the name finds none", () => {
    const proposal = proposalFor([file("clientes.csv", CLIENTES), file("contactos.csv", CONTACTOS)]);
    expect(assignment(proposal, "contactos.csv", "parent_id")).toContain("codigo_erp | ref ");
  });

  it("keeps the account's name as the company name where no code links it (a prospect the ERP lacks)", () => {
    const proposal = proposalFor([file("clientes.csv", CLIENTES), file("contactos.csv", CONTACTOS)]);
    expect(assignment(proposal, "contactos.csv", "company_name")).toBe("if codigo_erp is empty then empresa | trim");
  });
});
