/**
 * UK vocabulary for Perfect Books exports. Telephone numbers use Ofcom's ranges reserved for
 * drama (020 7946 0xxx, 01xx 496 0xxx, 01632 960xxx, 07700 900xxx), so no real line is printed.
 */

export const UK_MALE_FIRST_NAMES = [
  "Oliver", "George", "Harry", "Jack", "Jacob", "Noah", "Charlie", "Muhammad", "Thomas", "Oscar",
  "William", "James", "Henry", "Leo", "Alfie", "Joshua", "Freddie", "Archie", "Ethan", "Isaac",
  "Alexander", "Joseph", "Edward", "Samuel", "Max", "Daniel", "Arthur", "Lucas", "Mohammed", "Logan",
  "David", "Richard", "Paul", "Mark", "Andrew", "Stephen", "Ian", "Simon", "Graham", "Nigel",
  "Rhys", "Ciaran", "Hamish", "Rajesh",
] as const;

export const UK_FEMALE_FIRST_NAMES = [
  "Olivia", "Amelia", "Isla", "Ava", "Emily", "Isabella", "Mia", "Poppy", "Ella", "Lily",
  "Sophie", "Grace", "Evie", "Charlotte", "Jessica", "Chloe", "Sophia", "Florence", "Freya", "Lucy",
  "Sarah", "Claire", "Helen", "Rachel", "Emma", "Joanne", "Nicola", "Victoria", "Catherine", "Fiona",
  "Priya", "Aisha", "Siobhan", "Niamh", "Bethan", "Eilidh", "Zara", "Zoë",
] as const;

export const UK_LAST_NAMES = [
  "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson",
  "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall",
  "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill",
  "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen",
  "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths",
  "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy",
  "Miller", "Cox", "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh",
  "Begum", "Wilkinson", "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali",
  "Hunt", "Hussain", "Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight",
  "Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Dixon", "Fletcher", "Fraser",
  "O'Brien", "O'Connor", "McDonald", "MacLeod", "Fitzgerald", "Ashworth", "Pemberton", "Whitfield", "Kaur", "Nowak",
] as const;

export const UK_MALE_SALUTATIONS = ["Mr", "Mr", "Mr", "Dr"] as const;
export const UK_FEMALE_SALUTATIONS = ["Mrs", "Ms", "Ms", "Miss", "Dr"] as const;

export interface UkTown {
  readonly city: string;
  readonly county: string;
  /** Postcode areas of the town, e.g. "M" or "EC". */
  readonly areas: readonly string[];
  /** Landline prefix within the drama range, e.g. "0161 496 0". */
  readonly phonePrefix: string;
}

export const UK_TOWNS: readonly UkTown[] = [
  { city: "London", county: "Greater London", areas: ["EC", "WC", "N", "E", "SE", "SW", "W", "NW"], phonePrefix: "020 7946 0" },
  { city: "Manchester", county: "Greater Manchester", areas: ["M"], phonePrefix: "0161 496 0" },
  { city: "Birmingham", county: "West Midlands", areas: ["B"], phonePrefix: "0121 496 0" },
  { city: "Leeds", county: "West Yorkshire", areas: ["LS"], phonePrefix: "0113 496 0" },
  { city: "Bristol", county: "Bristol", areas: ["BS"], phonePrefix: "0117 496 0" },
  { city: "Sheffield", county: "South Yorkshire", areas: ["S"], phonePrefix: "0114 496 0" },
  { city: "Nottingham", county: "Nottinghamshire", areas: ["NG"], phonePrefix: "0115 496 0" },
  { city: "Leicester", county: "Leicestershire", areas: ["LE"], phonePrefix: "0116 496 0" },
  { city: "Edinburgh", county: "Midlothian", areas: ["EH"], phonePrefix: "0131 496 0" },
  { city: "Glasgow", county: "Lanarkshire", areas: ["G"], phonePrefix: "0141 496 0" },
  { city: "Liverpool", county: "Merseyside", areas: ["L"], phonePrefix: "0151 496 0" },
  { city: "Newcastle upon Tyne", county: "Tyne and Wear", areas: ["NE"], phonePrefix: "0191 498 0" },
  { city: "Reading", county: "Berkshire", areas: ["RG"], phonePrefix: "0118 496 0" },
  { city: "Cardiff", county: "South Glamorgan", areas: ["CF"], phonePrefix: "029 2018 0" },
  { city: "Cambridge", county: "Cambridgeshire", areas: ["CB"], phonePrefix: "01632 960" },
  { city: "Oxford", county: "Oxfordshire", areas: ["OX"], phonePrefix: "01632 960" },
  { city: "Brighton", county: "East Sussex", areas: ["BN"], phonePrefix: "01632 960" },
  { city: "York", county: "North Yorkshire", areas: ["YO"], phonePrefix: "01632 960" },
  { city: "Norwich", county: "Norfolk", areas: ["NR"], phonePrefix: "01632 960" },
  { city: "Exeter", county: "Devon", areas: ["EX"], phonePrefix: "01632 960" },
];

export const UK_STREETS = [
  "High Street", "Station Road", "Church Lane", "Victoria Road", "Mill Lane", "King Street",
  "Queen Street", "Park Road", "London Road", "The Green", "Market Place", "Chapel Street",
  "Manor Road", "New Road", "Church Road", "Grange Road", "Kingsway", "Albert Road", "York Road",
  "Bridge Street", "St John's Road", "Castle Street", "Harbour Way", "Old Bailey", "Fleet Street",
  "Chancery Lane", "Gray's Inn Road", "Bedford Row", "Temple Avenue", "Lincoln's Inn Fields",
] as const;

export const UK_BUILDINGS = ["Suite 2, Chancery House", "Unit 4, Riverside Business Park", "First Floor, Kings Court", "Flat 3", "The Old Rectory", "2nd Floor, Merchant House"] as const;

/** Postcode letters exclude C, I, K, M, O and V in the inward code. */
const INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

export function ukPostcode(area: string, district: number, sector: number, unit1: number, unit2: number): string {
  return `${area}${district} ${sector}${INWARD_LETTERS[unit1 % INWARD_LETTERS.length]}${INWARD_LETTERS[unit2 % INWARD_LETTERS.length]}`;
}

export const IRISH_TOWNS = [
  { city: "Dublin", county: "County Dublin", eircodes: ["D02", "D04", "D08"] },
  { city: "Cork", county: "County Cork", eircodes: ["T12", "T23"] },
] as const;

export const UK_COMPANY_WORDS = [
  "Consulting", "Property", "Builders", "Engineering", "Logistics", "Software", "Design", "Catering",
  "Accountants", "Estates", "Motors", "Electrical", "Dental", "Print", "Media", "Interiors",
  "Holdings", "Developments", "Recruitment", "Care", "Foods", "Roofing", "Joinery", "Pharmacy",
] as const;

export const UK_PLACE_WORDS = [
  "Thames", "Pennine", "Mersey", "Cotswold", "Severn", "Albion", "Chiltern", "Northgate", "Castlefield",
  "Kingfisher", "Oakwood", "Riverside", "Highfield", "Brunel", "Wessex", "Mercia", "Tyne", "Solent",
] as const;

export const UK_LEGAL_FORMS = ["Ltd", "Limited", "LLP", "plc", "& Co"] as const;

/** Perfect Books' own industry pick-list (not Odoo's). */
export const PB_INDUSTRIES = [
  "Legal Services", "Accountancy", "Construction", "Retail", "Hospitality", "IT & Software",
  "Manufacturing", "Property", "Healthcare", "Education", "Financial Services",
  "Transport & Logistics", "Charity", "Media & Marketing",
] as const;

export const PB_PRACTICE_AREAS = ["Conveyancing", "Family", "Litigation", "Employment", "Probate", "Commercial", "Immigration"] as const;

export const PB_JOB_TITLES = [
  "Managing Director", "Finance Director", "Office Manager", "Operations Manager", "Director",
  "Company Secretary", "Head of HR", "Sales Director", "Partner", "Financial Controller",
  "Practice Manager", "Owner", "Chief Executive", "Procurement Manager", "Legal Counsel",
] as const;

export const PB_LINK_ROLES = ["Director", "Employee", "Finance Contact", "Shareholder", "Consultant", "Company Secretary"] as const;

export const UK_PERSONAL_DOMAINS = ["gmail.com", "btinternet.com", "hotmail.co.uk", "outlook.com", "sky.com", "yahoo.co.uk"] as const;

export const PB_DEAL_TOPICS = [
  "Lease renewal", "Share purchase", "Employment tribunal", "Commercial lease", "Debt recovery",
  "Shareholder agreement", "Annual retainer", "Boundary dispute", "Trademark registration",
  "Company restructure", "Asset purchase", "Contract review", "Licensing advice", "Planning appeal",
] as const;

export const PB_NOTE_SENTENCES = [
  "Called the client about the completion date.",
  "Client confirmed instructions by email.",
  "Sent the draft contract for review.",
  "Waiting for searches to come back from the council.",
  "Agreed fee estimate of £1,500 plus VAT.",
  'Client said the matter is "urgent" and asked for an update by Friday.',
  "Left a voicemail, will try again tomorrow.",
  "Met with the finance director, went through the engagement letter.",
  "Other side's solicitors have not responded, chased again.",
  "ID documents received and checked.",
  "Invoice queried by the client, explained the disbursements.",
  "Meeting rescheduled at the client's request.",
] as const;

export const PB_TASK_SUBJECTS = {
  Call: ["Call client re: completion", "Return call from finance director", "Chase other side's solicitors", "Follow-up call about fees"],
  Meeting: ["Initial consultation", "Case review meeting", "Signing meeting", "Quarterly client review"],
  Email: ["Send engagement letter", "Email draft contract", "Send invoice reminder", "Email search results"],
  "To-do": ["File documents at Land Registry", "Prepare completion statement", "Review lease terms", "Update matter file"],
} as const;

export const PB_ATTACHMENT_NAMES = [
  ["Engagement Letter.pdf", "pdf"],
  ["Signed contract.pdf", "pdf"],
  ["Completion statement.pdf", "pdf"],
  ["ID scan.png", "png"],
  ["Company logo.png", "png"],
  ["Call notes.txt", "txt"],
  ["Instructions - client email.txt", "txt"],
  ["Fee estimate 2024.pdf", "pdf"],
] as const;
