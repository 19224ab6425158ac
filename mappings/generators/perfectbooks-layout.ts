/**
 * Perfect Books export layout: every file, its exact header and the meaning of each column.
 */
import { column, type FileLayout } from "./layout.js";

const DATE = "date `dd/MM/yyyy`";
const DATETIME = "datetime `dd/MM/yyyy HH:mm`, UK local time (Europe/London), 24-hour clock";
const MONEY = "money `£#,##0.00`: pound sign, comma thousands separator, point decimal, two decimals";
const YESNO = "`yes` or `no`";
const ID = "integer; ids step by 3 from 1001 (1001, 1004, 1007, ...): numbers in the gaps belong to deleted records";

export const PB_COMPANIES: FileLayout = {
  entity: "Company",
  file: "companies.csv",
  key: ["Company ID"],
  description: "One row per company (organisation). Parent Company ID builds a hierarchy; a parent always has a lower id than its subsidiaries.",
  columns: [
    column("Company ID", "Company id", ID, "1004", true),
    column("Company Name", "Registered or trading name, including its legal form", "text", "Pemberton Property Ltd", true),
    column("Domain", "Web domain, without scheme or `www.`", "text, lower case", "pembertonproperty.co.uk", true),
    column("Industry", "Perfect Books industry pick-list value (not Odoo's list)", "one of: Legal Services, Accountancy, Construction, Retail, Hospitality, IT & Software, Manufacturing, Property, Healthcare, Education, Financial Services, Transport & Logistics, Charity, Media & Marketing; may be blank", "Property"),
    column("Employees", "Number of employees", "integer without separators; may be blank", "45"),
    column("Annual Revenue", "Annual turnover", `${MONEY}; may be blank`, "£1,250,000.00"),
    column("Phone", "Switchboard number", "UK national format with spaces (drama ranges), e.g. `0161 496 0123`, `020 7946 0456`", "0113 496 0712", true),
    column("Address Line 1", "Street address", "text (number and street); 1 in 40 rows holds a two-line address (see quoted_newline)", "14 Chancery Lane", true),
    column("Address Line 2", "Building or suite", "text; often blank", "Suite 2, Chancery House"),
    column("City", "Post town", "text", "Leeds", true),
    column("County", "County", "text", "West Yorkshire", true),
    column("Postcode", "Postcode (UK) or Eircode (Ireland)", "text, upper case with one space", "LS1 4AB", true),
    column("Country", "Country name in English", "`United Kingdom` or `Ireland`", "United Kingdom", true),
    column("Owner Email", "Email of the Perfect Books user who owns the record; match it against Odoo users", "lower-case email; blank = unassigned", "olivia.hughes@harringtoncole.co.uk"),
    column("Parent Company ID", "Parent company for a group structure", "Company ID or blank", "1001"),
    column("VAT Number", "Custom property `vat_number`", "`GB` + 9 digits; may be blank", "GB123456789"),
    column("Client Since", "Custom property `client_since`", `${DATE}; may be blank`, "14/03/2019"),
    column("Practice Area", "Custom property `practice_area` (pick-list)", "one of: Conveyancing, Family, Litigation, Employment, Probate, Commercial, Immigration; may be blank", "Commercial"),
    column("Retainer Agreed", "Custom property `retainer_agreed`", YESNO, "no", true),
    column("Created", "When the record was created", DATETIME, "02/05/2018 09:14", true),
    column("Last Modified", "When the record was last changed (delta pickup uses it)", `${DATETIME}; never before Created`, "17/01/2026 16:02", true),
  ],
};

export const PB_CONTACTS: FileLayout = {
  entity: "Contact",
  file: "contacts.csv",
  key: ["Contact ID"],
  description: "One row per person. Company links are in contact_companies.csv (many-to-many); a contact with no link is a private client.",
  columns: [
    column("Contact ID", "Contact id", ID, "1007", true),
    column("Salutation", "Title", "one of: Mr, Mrs, Ms, Miss, Dr; may be blank", "Ms"),
    column("First Name", "Given name", "text", "Siobhan", true),
    column("Last Name", "Family name", "text (may contain an apostrophe, e.g. O'Brien)", "O'Connor", true),
    column("Email", "Work email (from the primary company's domain) or personal email", "lower-case email", "siobhan.oconnor@pembertonproperty.co.uk", true),
    column("Phone", "Direct line", "UK national format; may be blank", "020 7946 0311"),
    column("Mobile", "Mobile number", "`07700 900xxx`; may be blank", "07700 900412"),
    column("Job Title", "Job title", "text; may be blank", "Finance Director"),
    column("Address Line 1", "Home or office street address", "text; may be blank", "27 Station Road"),
    column("City", "Post town", "text; may be blank", "Bristol"),
    column("Postcode", "Postcode", "text; may be blank", "BS8 2QT"),
    column("Country", "Country name in English", "`United Kingdom` or `Ireland`; blank when there is no address", "United Kingdom"),
    column("Owner Email", "Owning user's email", "lower-case email; blank = unassigned", "james.walker@harringtoncole.co.uk"),
    column("Marketing Opt-In", "Custom property `marketing_opt_in`", YESNO, "yes", true),
    column("Preferred Contact Method", "Custom property `preferred_contact_method` (pick-list)", "one of: Email, Phone, Post; may be blank", "Email"),
    column("Created", "Creation time", DATETIME, "11/09/2020 10:40", true),
    column("Last Modified", "Last change", DATETIME, "03/02/2026 08:55", true),
  ],
};

export const PB_CONTACT_COMPANIES: FileLayout = {
  entity: "ContactCompany",
  file: "contact_companies.csv",
  key: ["Contact ID", "Company ID"],
  description:
    "The many-to-many link between contacts and companies, grouped by contact in contact order. A linked contact has exactly one primary link (Is Primary = yes); 1 contact in 12 has 2 or 3 links (multi_company_contact); about 1 in 10 has none.",
  columns: [
    column("Contact ID", "The contact", "Contact ID", "1007", true),
    column("Company ID", "The company", "Company ID", "1004", true),
    column("Is Primary", "The contact's main company (use it for Odoo's single parent_id)", YESNO, "yes", true),
    column("Role", "The contact's role at that company", "one of: Director, Employee, Finance Contact, Shareholder, Consultant, Company Secretary", "Director", true),
  ],
};

export const PB_DEALS: FileLayout = {
  entity: "Deal",
  file: "deals.csv",
  key: ["Deal ID"],
  description: "One row per deal (matter or opportunity). Qualification tells raw leads from qualified deals.",
  columns: [
    column("Deal ID", "Deal id", ID, "1010", true),
    column("Deal Name", "Deal title", "text (may contain an en dash `–`)", "Pemberton Property Ltd – Lease renewal", true),
    column("Amount", "Expected value", MONEY, "£12,500.00", true),
    column("Pipeline", "Pipeline name (pipelines.csv)", "`Sales Pipeline` or `Conveyancing`", "Sales Pipeline", true),
    column("Stage", "Stage name within the pipeline (pipelines.csv)", "a Stage Name of that pipeline", "Proposal Sent", true),
    column("Probability", "Win probability in percent", "integer 0-100 without `%`", "50", true),
    column("Close Date", "Expected (open) or actual (won/lost) close date", DATE, "28/04/2026", true),
    column("Owner Email", "Owning user's email", "lower-case email; blank = unassigned", "olivia.hughes@harringtoncole.co.uk"),
    column("Contact ID", "Main contact", "Contact ID; may be blank", "1007"),
    column("Company ID", "Client company", "Company ID; may be blank (private client), never blank together with Contact ID", "1004"),
    column("deal_score", "Custom property `deal_score` (header is the internal name)", "integer 0-100; may be blank", "72"),
    column("hot_rating", "Custom property `hot_rating` (header is the internal name)", "`hot`, `warm` or `cold` (lower case); may be blank", "hot"),
    column("Stage Entered", "When the deal entered its current stage", DATETIME, "03/03/2026 11:20", true),
    column("Qualification", "Raw lead or qualified deal", "`Unqualified` (raw lead, always in the pipeline's first stage) or `Qualified`", "Qualified", true),
    column("Created", "Creation time", DATETIME, "12/01/2026 14:05", true),
    column("Last Modified", "Last change", DATETIME, "03/03/2026 11:20", true),
  ],
};

export const PB_PIPELINES: FileLayout = {
  entity: "Pipeline",
  file: "pipelines.csv",
  key: ["Pipeline", "Stage Name"],
  description: "Pipeline and stage definitions (fixed content, 11 rows). Every deal's (Pipeline, Stage) is a row here.",
  columns: [
    column("Pipeline", "Pipeline name", "text", "Sales Pipeline", true),
    column("Stage Name", "Stage name", "text", "Closed Won", true),
    column("Sequence", "Order of the stage within its pipeline", "integer (10, 20, ...)", "50", true),
    column("Probability", "Default probability of the stage, in percent", "integer 0-100", "100", true),
    column("Won", "Stage means the deal is won", YESNO, "yes", true),
    column("Lost", "Stage means the deal is lost", YESNO, "no", true),
    column("Folded", "Stage is folded (collapsed) in the board view", YESNO, "no", true),
  ],
};

export const PB_PROPERTIES: FileLayout = {
  entity: "Property",
  file: "properties.csv",
  key: ["Object", "Internal Name"],
  description:
    "Custom property definitions (fixed content). The data files use the Label as column header, except deals.csv, which writes deal_score and hot_rating by Internal Name.",
  columns: [
    column("Object", "Object the property belongs to", "`company`, `contact` or `deal`", "company", true),
    column("Internal Name", "Property API name", "snake_case", "practice_area", true),
    column("Label", "Display label (and usually the export header)", "text", "Practice Area", true),
    column("Type", "Property type", "`text`, `number`, `date`, `datetime`, `yesno` or `picklist`", "picklist", true),
    column("Options", "Pick-list options, in order", "options separated by `;` (the field is quoted); blank unless picklist", "Conveyancing;Family;Litigation", false),
    column("Required", "Whether Perfect Books requires a value", YESNO, "no", true),
  ],
};

export const PB_NOTES: FileLayout = {
  entity: "Note",
  file: "notes.csv",
  key: ["Note ID"],
  description: "Notes on contacts, companies and deals. 1 body in 3 spans several lines (newlines inside a quoted field).",
  columns: [
    column("Note ID", "Note id", ID, "1013", true),
    column("Parent Type", "Kind of record the note is on", "`Contact`, `Company` or `Deal`", "Deal", true),
    column("Parent ID", "Id of that record", "Contact ID, Company ID or Deal ID by Parent Type", "1010", true),
    column("Body", "Note text", "text; may contain commas, double quotes, `£` and line breaks (LF) inside quotes", "Called the client about the completion date.", true),
    column("Author Email", "Email of the user who wrote the note", "lower-case email", "james.walker@harringtoncole.co.uk", true),
    column("Created", "When the note was written", DATETIME, "04/03/2026 15:30", true),
  ],
};

export const PB_ATTACHMENTS: FileLayout = {
  entity: "Attachment",
  file: "attachments.csv",
  key: ["Attachment ID"],
  description: "File attachments. The file itself is at Path, relative to the export folder, under files/.",
  columns: [
    column("Attachment ID", "Attachment id", ID, "1016", true),
    column("Parent Type", "Kind of record the file is attached to", "`Contact`, `Company`, `Deal` or `Note`", "Note", true),
    column("Parent ID", "Id of that record", "the id by Parent Type", "1013", true),
    column("File Name", "Original file name as uploaded", "text with extension", "Engagement Letter.pdf", true),
    column("Path", "Where the file is in the export", "`files/<Attachment ID>-<ascii slug of File Name>`, forward slashes", "files/1016-engagement-letter.pdf", true),
    column("Content Type", "MIME type", "`application/pdf`, `image/png` or `text/plain`", "application/pdf", true),
    column("Size", "File size in bytes", "integer", "1187", true),
    column("Uploaded", "Upload time", DATETIME, "04/03/2026 15:31", true),
  ],
};

export const PB_TASKS: FileLayout = {
  entity: "Task",
  file: "tasks.csv",
  key: ["Task ID"],
  description: "Calls, meetings, emails and to-dos on contacts, companies and deals.",
  columns: [
    column("Task ID", "Task id", ID, "1019", true),
    column("Type", "Kind of task", "`Call`, `Meeting`, `Email` or `To-do`", "Call", true),
    column("Subject", "Short description", "text", "Call client re: completion", true),
    column("Due Date", "When the task is due", DATE, "10/04/2026", true),
    column("Owner Email", "Assigned user's email", "lower-case email", "olivia.hughes@harringtoncole.co.uk", true),
    column("Parent Type", "Kind of record the task is on", "`Contact`, `Company` or `Deal`", "Contact", true),
    column("Parent ID", "Id of that record", "the id by Parent Type", "1007", true),
    column("Status", "Task state", "`Open` or `Done`", "Done", true),
    column("Completed At", "When it was done", `${DATETIME}; blank unless Status is Done`, "09/04/2026 12:10"),
    column("Created", "Creation time", DATETIME, "01/04/2026 09:00", true),
  ],
};

export const PB_WORKFLOWS: FileLayout = {
  entity: "Workflow",
  file: "workflows.csv",
  key: ["Workflow Name"],
  description: "Automation definitions (fixed content, 6 rows); not migrated, exported as a rebuild reference.",
  columns: [
    column("Workflow Name", "Name", "text", "Chase unsigned engagement letters", true),
    column("Object", "Object it runs on", "`company`, `contact`, `deal` or `task`", "deal", true),
    column("Trigger", "What starts it", "text", "Stage changed", true),
    column("Conditions", "Conditions, in Perfect Books' own syntax", "text with double quotes and commas (quoted field)", 'Stage = "Proposal Sent" AND Amount > £10,000.00', true),
    column("Actions", "Actions, separated by ` | `", "text", "Create task: Call client | Notify owner", true),
    column("Active", "Whether the workflow is switched on", YESNO, "yes", true),
  ],
};

export const PB_LAYOUTS: readonly FileLayout[] = [
  PB_COMPANIES,
  PB_CONTACTS,
  PB_CONTACT_COMPANIES,
  PB_DEALS,
  PB_PIPELINES,
  PB_PROPERTIES,
  PB_NOTES,
  PB_ATTACHMENTS,
  PB_TASKS,
  PB_WORKFLOWS,
];
