/**
 * Comparisons that ignore case meet Turkish capitals: the dotted İ and the dotless ı are one
 * letter with i there. JavaScript lower-cases the English way ("İ" is "i" and a combining dot,
 * "I" is "i" where Turkish means "ı"), so a Turkish ERP's "KAYA TESİSAT", "ŞEBNEM IŞIK",
 * "BALIKESİR" or "HAYIR" met nothing in a table, a `ref … by` column, a lookup, the false words,
 * the placeholders or `ends_with` that held the same word in lower case (the Defter family's export).
 */
import { describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { runPlanTests } from "../../../runtime/testing/plan-tests.js";
import { analyze } from "../../compiler/helpers.js";

const PACKAGE = `migration defter { source defter  target odoo "17.0"  xmlid "defter" }
source defter {
  csv { true_words "evet"  false_words "hayır"  empty_values "bilinmiyor" }
  entity Cari "cari.csv" key kod {
    kod      text required
    kisa_adi text required unique
    il       text
    seller   text
    efatura  boolean
    note     text
  }
  entity Kisi "kisiler.csv" key id {
    id    text required
    name  text required
    firma text
  }
}
lookup kullanici in res.users by name { missing flag }
lookup kullanici_gevsek in res.users by name { match loose  missing flag }
table il: text -> text { "Balıkesir" -> "Balıkesir"  "İzmir" -> "İzmir"  _ -> flag }
map Cari -> res.partner as cari {
  is_company = true
  name       <- kisa_adi
  city       <- il | il
  user_id    <- seller | kullanici
  x_efatura  <- efatura
  comment    <- note
  x_tesisat  <- kisa_adi | ends_with("TESİSAT")
}
map Kisi -> res.partner as kisi {
  name      <- name
  parent_id <- firma | ref cari by kisa_adi
  user_id   <- name | kullanici_gevsek
}
extend res.partner {
  x_efatura boolean "e-Fatura"
  x_tesisat boolean "Tesisat"
}
test "Turkish capitals meet the same words in lower case" {
  given odoo res.users { name "Şebnem Işık"  login "sebnem.isik@example.com.tr" }
  given odoo res.users { name "Elif Yıldız"  login "elif.yildiz@example.com.tr" }
  given Cari { kod "1"  kisa_adi "Kaya Tesisat"  il "BALIKESİR"  seller "ŞEBNEM IŞIK"  efatura "HAYIR"  note "BİLİNMİYOR" }
  given Cari { kod "2"  kisa_adi "Işık Enerji"  il "İZMİR"  seller "şebnem ışık"  efatura "EVET" }
  given Kisi { id "10"  name "Ayşe"  firma "KAYA TESİSAT" }
  given Kisi { id "11"  name "ELİF YILDIZ"  firma "IŞIK ENERJİ" }
  given Kisi { id "12"  name "Elif Yildiz"  firma "ışık enerji" }
  expect res.partner { name "Kaya Tesisat"  city "Balıkesir"  user_id "Şebnem Işık"  x_efatura false  comment false  x_tesisat true }
  expect res.partner { name "Işık Enerji"  city "İzmir"  user_id "Şebnem Işık"  x_efatura true  x_tesisat false }
  expect res.partner { name "Ayşe"  parent_id ref cari "1" }
  expect res.partner { name "ELİF YILDIZ"  parent_id ref cari "2"  user_id "Elif Yıldız" }
  expect res.partner { name "Elif Yildiz"  parent_id ref cari "2"  user_id "Elif Yıldız" }
}
`;

describe("comparisons that ignore case, with Turkish capitals", () => {
  it("take the dotted and the dotless i for one letter in tables, links by a unique column, lookups, yes/no words, placeholders and text questions", async () => {
    const results = await runPlanTests(emitPlan(analyze({ "main.flitmap": PACKAGE })));
    expect(results.map((result) => [result.name, result.failures])).toEqual([["Turkish capitals meet the same words in lower case", []]]);
  });
});

const NAMES_IN_CAPITALS = `migration defter { source defter  target odoo "17.0"  xmlid "defter" }
source defter {
  entity Kisi "kisiler.csv" key id {
    id   text required
    name text required
    il   text
  }
}
map Kisi -> res.partner as kisi {
  name <- name | title("tr")
  city <- il | title
}
test "names typed in Turkish capitals are written as Turkish writes them" {
  given Kisi { id "1"  name "ŞEBNEM IŞIK"  il "BALIKESİR" }
  given Kisi { id "2"  name "KADİR YILMAZ"  il "İZMİR" }
  expect res.partner { name "Şebnem Işık"  city "Balikesir" }
  expect res.partner { name "Kadir Yılmaz"  city "Izmir" }
}
`;

describe("case steps with Turkish capitals", () => {
  it("follow Turkish rules when told the language, and never leave a combining dot when not", async () => {
    const results = await runPlanTests(emitPlan(analyze({ "main.flitmap": NAMES_IN_CAPITALS })));
    expect(results.map((result) => [result.name, result.failures])).toEqual([["names typed in Turkish capitals are written as Turkish writes them", []]]);
  });
});
