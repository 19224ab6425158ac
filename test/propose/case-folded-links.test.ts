/**
 * Two programs of one firm writing the same names in two cases: an ERP keeps its customers' names
 * in capitals, the CRM beside it in ordinary spelling. The run links by a unique column ignoring
 * case (and a Turkish İ's dot), so init must find the link the same way. Turkish, invented for
 * this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { profileEntities } from "../../propose/entities.js";
import { exportFile as file } from "./small-exports.js";

const CARILER = `Cari Kodu;Ünvanı;İl;Telefon
120.01.001;KAYA TESİSAT LTD. ŞTİ.;İZMİR;0232 555 1234
120.01.002;ŞEBNEM IŞIK MİMARLIK;BALIKESİR;0266 555 4321
120.01.003;DENİZ GIDA A.Ş.;MANİSA;0236 555 9876
120.01.004;YILDIZ OTOMOTİV;AYDIN;0256 555 1122
120.01.005;ÖZTÜRK İNŞAAT A.Ş.;İZMİR;0232 555 3344
`;

const FIRSATLAR = `Fırsat No;Konu;Firma;Tutar
F-1;Kombi değişimi;Kaya Tesisat Ltd. Şti.;12000
F-2;Ofis projesi;Şebnem Işık Mimarlık;45000
F-3;Soğuk oda;Deniz Gıda A.Ş.;80000
F-4;Filo bakımı;Yıldız Otomotiv;15000
F-5;Şantiye ısıtma;Öztürk İnşaat A.Ş.;30000
F-6;Depo ısıtma;Deniz Gıda A.Ş.;22000
`;

describe("names linking two files written in two cases", () => {
  it("finds an ERP's names in capitals in a CRM's ordinary spelling", () => {
    const entities = profileEntities({ files: [file("cariler.csv", CARILER), file("firsatlar.csv", FIRSATLAR)], otherFiles: [] });
    const deals = entities.find((entity) => entity.pattern === "firsatlar.csv");
    const link = deals?.references.find((reference) => reference.column === "firma");
    expect(link?.entity).toBe(entities.find((entity) => entity.pattern === "cariler.csv")?.name);
    expect(link?.byName).toBe("unvani");
    expect(link?.found).toBe(1);
  });
});
