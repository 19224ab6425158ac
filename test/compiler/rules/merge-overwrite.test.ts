import { describe, expect, it } from "vitest";
import { applyFixes, diagnosticsOf } from "../helpers.js";

const BASE = `migration crm { source crm  target odoo "17.0"  xmlid "crm" }
source crm {
  entity Adresa "adresar.csv" key id {
    id text
    ic text unique match digits
  }
  entity Firma "firmy.csv" key id {
    id    text
    nazev text
    ico   text
    obor  text
  }
}
map Adresa -> res.partner as adresa { company_registry <- ic  name <- id }
`;

describe("FM416 merge_overwrite", () => {
  it("accepts fields the map writes", () => {
    expect(
      diagnosticsOf("FM416", "map Firma -> res.partner merge onto ico | ref adresa by ic overwrite name, website { name <- nazev  website <- obor }", {
        base: BASE,
      }),
    ).toEqual([]);
  });

  it("reports a field the map does not write, and one named twice", () => {
    expect(
      diagnosticsOf("FM416", "map Firma -> res.partner merge onto ico | ref adresa by ic overwrite webiste, name, name { name <- nazev  website <- obor }", {
        base: BASE,
      }),
    ).toEqual([
      "main.flitmap:1:70-1:77 error FM416 `overwrite webiste`: this map does not write webiste (it writes name, website)",
      "main.flitmap:1:85-1:89 error FM416 `overwrite name`: named twice",
    ]);
  });

  it("offers the written field closest to a misspelt one", () => {
    const map = (overwrite: string): string =>
      `map Firma -> res.partner merge onto ico | ref adresa by ic overwrite ${overwrite} { name <- nazev  website <- obor }`;
    expect(applyFixes("FM416", map("webiste"), { base: BASE })).toEqual([`Change to website\n${map("website")}`]);
  });
});
