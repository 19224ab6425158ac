/**
 * The words of the Defter family (defter.ts): Turkish names, firms, places, tax offices and the
 * vocabulary of a Turkish ERP's account cards and of the web CRM beside it.
 */
import type { Rng } from "../prng.js";
import { pad } from "./family.js";

export const DEFTER_FIRM = { name: "Marmara Isı Sistemleri San. ve Tic. Ltd. Şti.", domain: "marmaraisi.com.tr" } as const;

export interface TurkishName {
  readonly first: string;
  readonly last: string;
  readonly female: boolean;
}

/** The sales team: Odoo users by their name; the ERP writes them in Turkish capitals. */
export const SALES_TEAM: readonly TurkishName[] = [
  { first: "Mehmet", last: "Kaya", female: false },
  { first: "Elif", last: "Yıldız", female: true },
  { first: "Şebnem", last: "Işık", female: true },
  { first: "Burak", last: "Öztürk", female: false },
  { first: "Zeynep", last: "Çelik", female: true },
];

/** Left the firm in 2025: no Odoo user has his name. */
export const FORMER_SELLER: TurkishName = { first: "Hakan", last: "Aydın", female: false };

const MALE = [
  "Ahmet",
  "Mehmet",
  "Mustafa",
  "Ali",
  "Hüseyin",
  "Hasan",
  "İbrahim",
  "İsmail",
  "Osman",
  "Yusuf",
  "Murat",
  "Ömer",
  "Emre",
  "Serkan",
  "Volkan",
  "Cem",
  "Oğuz",
  "Tolga",
  "Gökhan",
  "İlker",
  "Kadir",
  "Uğur",
  "Barış",
  "Cengiz",
];
const FEMALE = [
  "Ayşe",
  "Fatma",
  "Emine",
  "Hatice",
  "Zeynep",
  "Elif",
  "Merve",
  "Özlem",
  "Derya",
  "Gülay",
  "Sibel",
  "Aslı",
  "Esra",
  "Şule",
  "Pınar",
  "Nurcan",
  "İpek",
  "Gizem",
  "Burcu",
  "Işıl",
];
const SURNAMES = [
  "Yılmaz",
  "Kaya",
  "Demir",
  "Şahin",
  "Çelik",
  "Yıldız",
  "Yıldırım",
  "Öztürk",
  "Aydın",
  "Özdemir",
  "Arslan",
  "Doğan",
  "Kılıç",
  "Aslan",
  "Çetin",
  "Kara",
  "Koç",
  "Kurt",
  "Özkan",
  "Şimşek",
  "Polat",
  "Korkmaz",
  "Karataş",
  "Erdoğan",
  "Güneş",
  "Aksoy",
  "Uçar",
  "Işık",
  "Bulut",
  "Ünal",
  "Sarı",
  "Tekin",
  "Altıntaş",
  "Kılınç",
  "Bozkurt",
];

export function turkishName(rng: Rng): TurkishName {
  const female = rng.chance(0.4);
  return { first: rng.pick(female ? FEMALE : MALE), last: rng.pick(SURNAMES), female };
}

/**
 * Turkish capitals, as the ERP writes titles and names: "i" is "İ" and "ı" is "I" (JavaScript's
 * `toUpperCase` would write "Yıldız" as "YILDIZ" but "Elif" as "ELIF", where Turkish has "ELİF").
 */
export function trUpper(text: string): string {
  return text.toLocaleUpperCase("tr");
}

/** ASCII for e-mail addresses, the way Turkish firms spell their domains ("ışık" → "isik"). */
export function trSlug(text: string): string {
  return text
    .toLocaleLowerCase("tr")
    .replace(/ı/g, "i")
    .replace(/ğ/g, "g")
    .replace(/ş/g, "s")
    .replace(/ç/g, "c")
    .replace(/ö/g, "o")
    .replace(/ü/g, "u")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "");
}

/** A province (İl) with some of its districts (İlçe), its phone area code and post code prefix. */
export interface Province {
  readonly il: string;
  readonly districts: readonly string[];
  readonly area: string;
  readonly zip: string;
  readonly taxOffices: readonly string[];
  readonly weight: number;
}

export const PROVINCES: readonly Province[] = [
  {
    il: "Bursa",
    districts: ["Nilüfer", "Osmangazi", "Yıldırım", "İnegöl", "Gemlik", "Mudanya"],
    area: "224",
    zip: "16",
    taxOffices: ["Nilüfer", "Ertuğrulgazi", "Setbaşı", "Uludağ", "Çekirge", "İnegöl"],
    weight: 30,
  },
  {
    il: "İstanbul",
    districts: ["Kadıköy", "Ümraniye", "Başakşehir", "Beylikdüzü", "Tuzla", "Şişli", "İkitelli"],
    area: "216",
    zip: "34",
    taxOffices: ["Kozyatağı", "Alemdağ", "İkitelli", "Beylikdüzü", "Tuzla", "Mecidiyeköy", "Büyük Mükellefler"],
    weight: 18,
  },
  {
    il: "Kocaeli",
    districts: ["İzmit", "Gebze", "Dilovası", "Körfez"],
    area: "262",
    zip: "41",
    taxOffices: ["Tepecik", "Gebze İlyasbey", "Kocaeli İhtisas"],
    weight: 8,
  },
  {
    il: "İzmir",
    districts: ["Bornova", "Karşıyaka", "Çiğli", "Torbalı", "Kemalpaşa"],
    area: "232",
    zip: "35",
    taxOffices: ["Bornova", "Karşıyaka", "Kordon", "Hasan Tahsin"],
    weight: 8,
  },
  { il: "Balıkesir", districts: ["Bandırma", "Karesi", "Edremit"], area: "266", zip: "10", taxOffices: ["Bandırma", "Karesi", "Edremit"], weight: 5 },
  {
    il: "Ankara",
    districts: ["Çankaya", "Yenimahalle", "Etimesgut", "Sincan"],
    area: "312",
    zip: "06",
    taxOffices: ["Kavaklıdere", "Ostim", "Maltepe", "Yenimahalle"],
    weight: 6,
  },
  { il: "Sakarya", districts: ["Adapazarı", "Serdivan", "Hendek"], area: "264", zip: "54", taxOffices: ["Gümrükönü", "Ali Fuat Cebesoy", "Hendek"], weight: 4 },
  { il: "Eskişehir", districts: ["Tepebaşı", "Odunpazarı"], area: "222", zip: "26", taxOffices: ["Yunus Emre", "Anadolu"], weight: 3 },
  { il: "Kırklareli", districts: ["Lüleburgaz", "Merkez"], area: "288", zip: "39", taxOffices: ["Lüleburgaz", "Kırklareli"], weight: 2 },
  { il: "Diyarbakır", districts: ["Kayapınar", "Bağlar"], area: "412", zip: "21", taxOffices: ["Gökalp", "Süleyman Nazif"], weight: 2 },
];

const NEIGHBOURHOODS = [
  "Atatürk",
  "Cumhuriyet",
  "Fatih",
  "Yeşilyurt",
  "Beşevler",
  "Altınşehir",
  "Görükle",
  "Barış",
  "İstiklal",
  "Hürriyet",
  "Kültür",
  "Mimar Sinan",
];
const STREETS = ["Mavi", "Lale", "Gül", "Sanayi", "İstasyon", "Okul", "Kardelen", "Çınar", "Zafer", "Bahar", "Ihlamur", "Papatya"];
const INDUSTRIAL = ["Organize Sanayi Bölgesi", "Demirtaş OSB", "Nilüfer OSB", "Küçük Sanayi Sitesi", "Beyaz Cad. OSB", "Makine İhtisas OSB"];

/** "Atatürk Mah. Lale Sok. No:12 D:3" (street, number, flat), and a second line now and then. */
export function address(rng: Rng): readonly [string, string] {
  if (rng.chance(0.25)) return [`${rng.pick(INDUSTRIAL)} ${rng.pick(STREETS)} Cad. No:${rng.int(1, 120)}`, rng.chance(0.3) ? `${rng.int(1, 9)}. Kısım` : ""];
  const street = `${rng.pick(STREETS)} ${rng.chance(0.5) ? "Sok." : "Cad."}`;
  const number = `No:${rng.int(1, 240)}${rng.chance(0.5) ? ` D:${rng.int(1, 18)}` : ""}`;
  if (rng.chance(0.35)) return [`${rng.pick(NEIGHBOURHOODS)} Mah.`, `${street} ${number}`];
  return [`${rng.pick(NEIGHBOURHOODS)} Mah. ${street} ${number}`, ""];
}

export function digits(rng: Rng, count: number): string {
  return Array.from({ length: count }, () => String(rng.int(0, 9))).join("");
}

/** A landline as Turkish offices write it: "0 (224) 411 23 45", now and then "(0224) 4112345" or "+90 224 411 23 45". */
export function landline(rng: Rng, area: string): string {
  const [a, b, c] = [digits(rng, 3), digits(rng, 2), digits(rng, 2)];
  const style = rng.int(0, 9);
  if (style < 6) return `0 (${area}) ${a} ${b} ${c}`;
  if (style < 8) return `(0${area}) ${a}${b}${c}`;
  return `+90 ${area} ${a} ${b} ${c}`;
}

/** A mobile: "0532 412 34 56" or "05324123456". */
export function gsm(rng: Rng): string {
  const prefix = rng.pick(["532", "533", "535", "542", "505", "555", "544", "530"]);
  return rng.chance(0.7) ? `0${prefix} ${digits(rng, 3)} ${digits(rng, 2)} ${digits(rng, 2)}` : `0${prefix}${digits(rng, 7)}`;
}

/** A Turkish IBAN: TR, two check digits, 22 more; written in groups of four or run together. */
export function iban(rng: Rng): string {
  const bank = rng.pick(["00010", "00012", "00015", "00046", "00062", "00064", "00067", "00111"]);
  const raw = `TR${pad(rng.int(10, 98))}${bank}0${digits(rng, 16)}`;
  return rng.chance(0.6) ? raw.replace(/(.{4})/g, "$1 ").trim() : raw;
}

/** Words of firms' names: "Yılmaz İnşaat", "Ege Tesisat", "Akdeniz Mühendislik". */
export const TRADE_PREFIXES = [
  "Ege",
  "Marmara",
  "Uludağ",
  "Anadolu",
  "Akdeniz",
  "Karadeniz",
  "Doğu",
  "Özgür",
  "Yeni",
  "Güven",
  "Başak",
  "Atlas",
  "Mavi",
  "Poyraz",
  "Toros",
  "Kuzey",
  "Yıldız",
  "Aydınlık",
  "Eksen",
  "Vizyon",
  "Nilüfer",
  "Kent",
  "Birlik",
  "Çağ",
];
export const TRADES = [
  { word: "İnşaat", long: "İnşaat Taahhüt", sector: "MÜTEAHHİT" },
  { word: "Tesisat", long: "Tesisat Mühendislik", sector: "TESİSATÇI" },
  { word: "Mekanik", long: "Mekanik Tesisat", sector: "TESİSATÇI" },
  { word: "Isıtma", long: "Isıtma Soğutma Sistemleri", sector: "TESİSATÇI" },
  { word: "Yapı", long: "Yapı Malzemeleri", sector: "BAYİ" },
  { word: "Enerji", long: "Enerji Sistemleri", sector: "PROJE" },
  { word: "Makine", long: "Makine Sanayi", sector: "SANAYİ" },
  { word: "Tekstil", long: "Tekstil Sanayi", sector: "SANAYİ" },
  { word: "Otomotiv", long: "Otomotiv Yan Sanayi", sector: "SANAYİ" },
  { word: "Klima", long: "Klima Havalandırma", sector: "BAYİ" },
  { word: "Gayrimenkul", long: "Gayrimenkul Geliştirme", sector: "MÜTEAHHİT" },
] as const;

/** The legal forms as titles end: the long one in the ERP's Ünvanı, the short one now and then. */
export const LEGAL_FORMS = [
  { long: "SANAYİ VE TİCARET LİMİTED ŞİRKETİ", short: "SAN. VE TİC. LTD. ŞTİ.", weight: 6 },
  { long: "SANAYİ VE TİCARET ANONİM ŞİRKETİ", short: "SAN. VE TİC. A.Ş.", weight: 3 },
  { long: "TİCARET LİMİTED ŞİRKETİ", short: "TİC. LTD. ŞTİ.", weight: 2 },
] as const;

export const SUPPLIERS = [
  { short: "Baymak", title: "BAYMAK MAKİNA SANAYİ VE TİCARET A.Ş.", il: "İstanbul" },
  { short: "Demirdöküm", title: "DEMİRDÖKÜM ISI SİSTEMLERİ SANAYİ VE TİCARET A.Ş.", il: "Bursa" },
  { short: "Kalde Klima", title: "KALDE KLİMA FABRİKASI A.Ş.", il: "İstanbul" },
  { short: "Ezinç Metal", title: "EZİNÇ METAL SANAYİ VE TİCARET A.Ş.", il: "Balıkesir" },
  { short: "Wilo Pompa", title: "WİLO POMPA SİSTEMLERİ SANAYİ VE TİCARET A.Ş.", il: "İstanbul" },
  { short: "Aras Kargo", title: "ARAS KARGO YURTİÇİ YURTDIŞI TAŞIMACILIK A.Ş.", il: "İstanbul" },
] as const;

export const FOREIGN_CUSTOMERS = [
  { short: "Baku Tikinti", title: "BAKU TIKINTI MMC", country: "AZERBAYCAN", city: "Bakü", zip: "AZ1000", currency: "USD" },
  { short: "Tbilisi Heat", title: "TBILISI HEAT LLC", country: "GÜRCİSTAN", city: "Tiflis", zip: "0108", currency: "USD" },
  { short: "Erbil Construction", title: "ERBIL CONSTRUCTION CO.", country: "IRAK", city: "Erbil", zip: "44001", currency: "USD" },
  { short: "Haustechnik Krause", title: "HAUSTECHNIK KRAUSE GMBH", country: "ALMANYA", city: "Köln", zip: "50667", currency: "EUR" },
] as const;

/** How the ERP writes a payment term: cash or days. */
export const TERMS = [
  ["Peşin", 3],
  ["30 Gün", 6],
  ["45 Gün", 2],
  ["60 Gün", 4],
  ["90 Gün", 2],
] as const;

export const REMARKS = [
  "Çek ile ödeme yapar.",
  "Teslimat şantiyeye.",
  "Faturalar muhasebe e-postasına.",
  "Ödemelerde gecikme oluyor, dikkat.",
  "Yıllık bayi anlaşması var.",
  "İrsaliye ile birlikte fatura istenir.",
];

export const ROLES = [
  "Genel Müdür",
  "Satın Alma Müdürü",
  "Satın Alma Uzmanı",
  "Proje Müdürü",
  "Şantiye Şefi",
  "Muhasebe Müdürü",
  "Teknik Müdür",
  "Makine Mühendisi",
  "İşletme Müdürü",
  "Firma Sahibi",
];
export const DEPARTMENTS = ["Satın Alma", "Muhasebe", "Proje", "Teknik", "Yönetim", "Şantiye"];
export const PERSON_TAGS = ["Karar Verici", "Teknik", "Fuar 2025", "Bülten", "VIP"];
export const MONTHS = ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"];

export const STAGES = ["Yeni", "Görüşme", "Teklif", "Pazarlık"] as const;
export const LOSS_REASONS = ["Fiyat yüksek", "Rakip tercih edildi", "Proje iptal", "Bütçe yok", "Teslim süresi"];
export const SOURCES = [
  ["Referans", 4],
  ["Web sitesi", 3],
  ["Fuar (ISK-SODEX)", 2],
  ["Telefon", 3],
  ["Mevcut müşteri", 5],
  ["", 2],
] as const;
export const DEAL_SUBJECTS = [
  "Kazan dairesi yenileme",
  "Isı pompası projesi",
  "Yerden ısıtma",
  "VRF klima sistemi",
  "Kombi toplu alım",
  "Fabrika ısıtma",
  "Güneş enerjisi sistemi",
  "Yıllık bakım anlaşması",
  "Şantiye malzeme teklifi",
];

export const ACTIVITY_KINDS = [
  ["Telefon", 30],
  ["Ziyaret", 18],
  ["Toplantı", 8],
  ["E-posta", 18],
  ["Görev", 14],
  ["Not", 12],
] as const;
export const ACTIVITY_SUBJECTS: Readonly<Record<string, readonly string[]>> = {
  Telefon: ["Teklif takibi", "Ödeme hatırlatma", "Ürün bilgisi", "Sipariş durumu"],
  Ziyaret: ["Şantiye ziyareti", "Müşteri ziyareti", "Keşif", "Yeni ürün tanıtımı"],
  Toplantı: ["Proje toplantısı", "Fiyat görüşmesi", "Yıllık anlaşma görüşmesi"],
  "E-posta": ["Teklif gönderildi", "Katalog gönderildi", "Fatura kopyası", "Teknik föy"],
  Görev: ["Teklif hazırla", "Numune gönder", "Sözleşme taslağı", "Keşif raporu yaz"],
  Not: ["Müşteri notu", "Rakip bilgisi", "Şikayet"],
};
export const ACTIVITY_NOTES = [
  "Müşteri fiyatı yüksek buldu, %5 iskonto istedi.",
  "Haftaya tekrar aranacak.",
  "Teknik ekip keşfe gidecek.",
  "Rakip firma daha kısa teslim süresi verdi.",
  "Ödeme vadesi 60 güne uzatılmak isteniyor.\nMüdür onayı bekleniyor.",
  "Katalog ve fiyat listesi iletildi.",
];
export const INTERNAL_SUBJECTS = ["Haftalık satış toplantısı", "Bayi eğitimi", "Stok sayımı"];
