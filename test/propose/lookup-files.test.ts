/**
 * Owners given by a code that a file of its own resolves to an e-mail address (an agent `AG01`,
 * listed with its e-mail in another file no map loads): the owner is the Odoo user with that
 * e-mail, read through the other file (`get(Agents.email)`). Invented for this test, from no
 * export family.
 */
import { describe, expect, it } from "vitest";
import { assignment, exportFile as file, proposalFor } from "./small-exports.js";

const COMPANIES = `Nr;Company name;City;Account manager
1;Ferri Utensili Srl;Torino;AG01
2;Gallo Trasporti Spa;Milano;AG02
3;Conti Legno Snc;Roma;AG01
4;Vogel GmbH;Berlin;
5;Bakker BV;Utrecht;AG03
6;Durand SA;Lyon;AG02
`;

const TEAM = `Code;Full name;Mail;Since
AG01;Rota Davide;davide.rota@example.com;2015
AG02;Locatelli Chiara;chiara.locatelli@example.com;2018
AG03;Pesenti Marco;;2020
`;

describe("owners by a code another file resolves to an e-mail", () => {
  it("finds the user by the e-mail the other file gives the code", () => {
    const proposal = proposalFor([file("companies.csv", COMPANIES), file("team.csv", TEAM)]);
    expect(assignment(proposal, "companies.csv", "user_id")).toBe("account_manager | get(Team.mail) | user");
    // The staff are users to find, not partners to load.
    const team = proposal.entities.find((entity) => entity.entity.pattern === "team.csv");
    expect(team?.entity.kind).toBe("user");
    expect(team?.declaration).toBeUndefined();
    expect(proposal.lookups.map((lookup) => `${lookup.name} in ${lookup.model} by ${lookup.by}`)).toContain("user in res.users by email");
  });
});
