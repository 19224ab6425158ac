/**
 * A file of lines, whatever it is called: its rows are keyed by another file's record (a quote)
 * and a line number within it, so they are that record's lines (`order_line <- each ...`), not
 * records of their own. Lines without a product are lines of text, and a cascade of discounts
 * (`10+5`) is one percentage. Invented for this test, from
 * no export family; the lines file's name says nothing the lexicon knows.
 */
import { describe, expect, it } from "vitest";
import { profileEntities } from "../../propose/entities.js";
import { exportFile as file, proposalFor } from "./small-exports.js";

const QUOTES = `Quote;Date;Customer;Subject
2025/0041;02/05/2025;C1;Windows
2025/0042;11/05/2025;C2;Doors
2025/0043;12/05/2025;C1;Shutters
2025/0044;14/05/2025;C3;Windows and doors
`;

const LINES = `Quote;Nr;Product code;Description;Quantity;Unit price;Discount
2025/0041;10;WIN-2;Window 2 sashes;2;606.00;10+5
2025/0041;20;;Prices before VAT.;;;
2025/0042;10;DOOR-1;Front door;1;1250.00;10
2025/0042;20;DOOR-2;Inner door;3;310.00;
2025/0042;30;;Delivery included.;;;
2025/0043;10;SHUT-1;Shutter;4;120.00;20+10
2025/0044;10;WIN-2;Window 2 sashes;1;606.00;
2025/0044;20;DOOR-1;Front door;1;1250.00;10+5
2025/0044;30;;Valid 30 days.;;;
`;

const CUSTOMERS = `Code;Company name;City
C1;Ferri Utensili Srl;Torino
C2;Gallo Trasporti Spa;Milano
C3;Conti Legno Snc;Roma
`;

describe("a file of lines keyed by another file's record and a line number", () => {
  const files = [file("quotes.csv", QUOTES), file("dettaglio.csv", LINES), file("customers.csv", CUSTOMERS)];

  it("reads the quote's number as its key (a number by year is no phone number) and the other file as its lines", () => {
    const entities = profileEntities({ files, otherFiles: [] });
    const quotes = entities.find((entity) => entity.pattern === "quotes.csv");
    const lines = entities.find((entity) => entity.pattern === "dettaglio.csv");
    expect(quotes?.key).toEqual(["quote"]);
    expect(quotes?.columns.find((column) => column.name === "quote")?.guess.type).toBe("text");
    expect(lines?.kind).toBe("quote_line");
    expect(lines?.kindEvidence).toContain("a line number (Nr)");
  });

  it("proposes the lines as the quote's order lines, numbered in order, lines without a product as text", () => {
    const proposal = proposalFor(files);
    const quote = proposal.entities.find((entity) => entity.entity.pattern === "quotes.csv")?.declaration;
    expect(quote?.kind).toBe("map");
    if (quote?.kind !== "map") return;
    const block = quote.target.body.find((line) => line.kind === "block");
    expect(block?.kind === "block" ? block.header : undefined).toBe("order_line <- each Dettaglio by quote");
    const body = block?.kind === "block" ? block.body : [];
    const line = (field: string): string | undefined => {
      const found = body.find((candidate) => candidate.kind === "assign" && candidate.field === field);
      return found?.kind === "assign" ? found.expression : undefined;
    };
    expect(line("sequence")).toBe("nr");
    expect(line("display_type")).toBe('if product_code is empty then "line_note"');
    expect(line("price_unit")).toBe("unit_price ?? 0");
    expect(line("product_id")).toBe("product_code | product");
    // A cascade of discounts is one percentage, through a table of each value.
    expect(line("discount")).toBe("discount | discount");
    const table = proposal.tables.find((candidate) => candidate.name === "discount");
    expect(table?.output).toBe("decimal");
    expect(table?.entries.map((entry) => `${entry.key} -> ${entry.value ?? ""}`).sort()).toEqual(["10 -> 10", "10+5 -> 14.5", "20+10 -> 28"]);
    // Not a map of its own: the lines are loaded with their quote.
    expect(proposal.entities.find((entity) => entity.entity.pattern === "dettaglio.csv")?.declaration).toBeUndefined();
  });
});
