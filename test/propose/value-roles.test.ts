/**
 * Columns whose values say how they reach Odoo, on an export invented for this test (Portuguese
 * headers, from no export family): percentages, regions by name, payment terms and a credit
 * limit, an agenda's plain date, owners written as initials.
 */
import { describe, expect, it } from "vitest";
import { assignment, exportFile as file, proposalFor } from "./small-exports.js";

const EMPRESAS = `Código;Nome;Distrito;Condições de pagamento;Limite de crédito;Vendedor
E1;Moinho Azul Lda;Lisboa;30 dias;5000,00;RPS
E2;Casa Velha SA;Porto;15 dias;2500,00;AMC
E3;Ponte Nova Lda;Braga;30 dias;;RPS
E4;Serra Alta SA;Lisboa;45 dias;10000,00;AMC
E5;Vale Verde Lda;Faro;30 dias;1000,00;RPS
E6;Rio Claro SA;Porto;15 dias;;AMC
`;

const CONTATOS = `Id;Título;Nome;Apelido;Cliente;Ativo
1;Sr.;Rui;Silva;E1;Sim
2;Sra.;Ana;Costa;E2;Sim
3;Sr.;Luís;Pinto;E1;Não
4;Sra.;Marta;Lopes;E4;Sim
5;Sr.;João;Reis;E5;Sim
`;

const OPORTUNIDADES = `Número;Título;Empresa;Probabilidade;Vendedor
O1;Novo armazém;E1;40 %;RPS
O2;Frota;E2;75 %;AMC
O3;Painéis solares;E3;10 %;RPS
O4;Escritório;E4;90 %;AMC
O5;Manutenção;E5;40 %;RPS
O6;Renovação;E6;75 %;AMC
`;

const ATIVIDADES = `Número;Data;Assunto;Empresa;Concluída
A1;03/02/2025;Ligar ao diretor;E1;Sim
A2;04/02/2025;Enviar proposta;E2;Não
A3;10/02/2025;Visita à obra;E3;Sim
A4;12/02/2025;Ligar ao diretor;E4;Não
A5;20/02/2025;Enviar catálogo;E5;Não
`;

describe("columns whose values say how they reach Odoo", () => {
  const proposal = proposalFor([
    file("empresas.csv", EMPRESAS),
    file("contatos.csv", CONTATOS),
    file("oportunidades.csv", OPORTUNIDADES),
    file("atividades.csv", ATIVIDADES),
  ]);

  it("puts a contact under the customer it names, titled and named by its first and last names", () => {
    expect(assignment(proposal, "contatos.csv", "parent_id")).toBe("cliente | ref company");
    expect(assignment(proposal, "contatos.csv", "name")).toBe("`{nome} {apelido}` | trim | required");
    expect(assignment(proposal, "contatos.csv", "title")).toMatch(/^titulo \| trim \| \w+$/);
    expect(assignment(proposal, "contatos.csv", "active")).toBe("ativo");
  });

  it('reads a percentage as its number (the column declared decimal "%")', () => {
    expect(assignment(proposal, "oportunidades.csv", "probability")).toBe("probabilidade");
  });

  it("finds regions by name in Odoo's states, through a lookup", () => {
    expect(assignment(proposal, "empresas.csv", "state_id")).toBe("distrito | state");
    expect(proposal.lookups).toContainEqual(expect.objectContaining({ name: "state", model: "res.country.state", by: "name" }));
  });

  it("proposes the payment terms and credit limit a header names, the terms through a table", () => {
    expect(assignment(proposal, "empresas.csv", "property_payment_term_id")).toMatch(/^condicoes_de_pagamento \| trim \| \w+$/);
    expect(assignment(proposal, "empresas.csv", "credit_limit")).toBe("limite_de_credito");
  });

  it("reads an agenda entry's only date as the activity's deadline", () => {
    expect(assignment(proposal, "atividades.csv", "date_deadline")).toBe("data");
  });

  it("finds owners written as initials through the users' names, matched with initials", () => {
    expect(assignment(proposal, "oportunidades.csv", "user_id")).toMatch(/^vendedor \| \w+ \| user_by_name$/);
    expect(proposal.lookups).toContainEqual(expect.objectContaining({ name: "user_by_name", match: { rule: "initials", ambiguous: "reject" } }));
  });
});

describe("a Title column: job titles or salutations, as its values say", () => {
  const people = `Person ID;First Name;Last Name;Title
1;Ann;Lee;Head of Sales
2;Bob;Ray;Buyer
3;Cy;Fox;Head of Sales
4;Dee;Moe;Office Manager
5;Eve;Kay;Buyer
`;
  const build = (text: string): ReturnType<typeof proposalFor> => proposalFor([file("people.csv", text)]);

  it("keeps job titles as the job position", () => {
    expect(assignment(build(people), "people.csv", "function")).toBe("title | trim");
  });

  it("reads salutations as the partner's title", () => {
    const salutations = people
      .replace("Head of Sales", "Mr")
      .replace("Buyer", "Ms")
      .replace("Head of Sales", "Prof. Dr.")
      .replace("Office Manager", "Mrs")
      .replace("Buyer", "Ms");
    expect(assignment(build(salutations), "people.csv", "title")).toMatch(/^title \| trim \| \w+$/);
  });
});

describe("a column of language codes: the language business is done in, no salutation", () => {
  const customers = `Nro;Nimi;Kieli;Kaupunki
1;Aalto Oy;fi;Tampere
2;Berg Ab;sv;Vasa
3;Creek Ltd;en;Tampere
4;Dahl Ab;sv;Borgå
5;Eko Oy;fi;Turku
6;Fors Oy;fi;Tampere
7;Grön Ab;sv;Vasa
8;Hill Ltd;en;Turku
9;Ilo Oy;fi;Tampere
10;Juva Oy;fi;Turku
`;

  it("keeps the codes in a custom field rather than reading them as short words of address", () => {
    const proposal = proposalFor([file("asiakkaat.csv", customers)]);
    expect(assignment(proposal, "asiakkaat.csv", "title")).toBeUndefined();
    expect(assignment(proposal, "asiakkaat.csv", "x_kieli")).toBeDefined();
  });
});
