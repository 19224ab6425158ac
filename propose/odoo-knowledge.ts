/**
 * What `flitmap init` knows about Odoo beyond the schema: which model each kind of CRM object
 * lands in, the words exports use for common Odoo fields (an owner is Odoo's `user_id`,
 * "Salesperson"), which reference models a migration may add records to, and which fields are
 * Odoo's own bookkeeping. The schema (labels, help, types) does the rest. Pure data.
 */
import type { ValueRole } from "./value-roles.js";
import type { EntityKind } from "./entities.js";

export interface KindTarget {
  readonly model: string;
  /** Constant assignments every record of the kind gets. */
  readonly constants: readonly { readonly field: string; readonly value: string }[];
  /** A model to load into instead when the target Odoo lacks `model` (an app not installed). */
  readonly fallback?: string;
  /** Loaded as children of another entity's records (quote lines, invoice lines). */
  readonly childOf?: { readonly kind: EntityKind; readonly field: string };
  /** Why the model was chosen, for the map's comment. */
  readonly note: string;
}

export const KIND_TARGETS: Readonly<Partial<Record<EntityKind, KindTarget>>> = {
  company: { model: "res.partner", constants: [{ field: "is_company", value: "true" }], note: "companies are res.partner records with is_company set" },
  person: { model: "res.partner", constants: [], note: "people are res.partner records (is_company false)" },
  relation: { model: "res.partner", constants: [], note: "a relation holds an organisation and its people: split into res.partner records" },
  deal: { model: "crm.lead", constants: [{ field: "type", value: '"opportunity"' }], note: "deals are opportunities in crm.lead" },
  lead: { model: "crm.lead", constants: [{ field: "type", value: '"lead"' }], note: "leads are crm.lead records of type lead" },
  note: { model: "mail.message", constants: [{ field: "message_type", value: '"comment"' }], note: "notes are internal notes in the chatter (mail.message)" },
  message: { model: "mail.message", constants: [{ field: "message_type", value: '"email"' }], note: "e-mails are chatter messages (mail.message)" },
  activity: { model: "mail.activity", constants: [], note: "tasks and appointments are scheduled activities (mail.activity)" },
  document: { model: "ir.attachment", constants: [], note: "files are attachments (ir.attachment) on their record" },
  quote: { model: "sale.order", constants: [], note: "quotes are sale orders, in draft (Odoo's default state)" },
  quote_line: {
    model: "sale.order.line",
    constants: [],
    childOf: { kind: "quote", field: "order_line" },
    note: "quote lines are the order lines of their quote",
  },
  invoice: {
    model: "account.move",
    constants: [{ field: "move_type", value: '"out_invoice"' }],
    note: "invoices are account.move records of type out_invoice",
  },
  invoice_line: {
    model: "account.move.line",
    constants: [],
    childOf: { kind: "invoice", field: "invoice_line_ids" },
    note: "invoice lines are the lines of their invoice",
  },
  tag: {
    model: "res.partner.category",
    constants: [],
    note: "tags are records of their own, which the rows listing them point to (crm.tag when only deals and leads list them)",
  },
  bank_account: { model: "res.partner.bank", constants: [], note: "bank accounts are res.partner.bank records of their holder" },
  stage: { model: "crm.stage", constants: [], note: "stage definitions are crm.stage records, which deals point to by name" },
  case: {
    model: "helpdesk.ticket",
    constants: [],
    fallback: "crm.lead",
    note: "support cases are helpdesk tickets where the Helpdesk app is installed, else leads",
  },
};

/** Kinds that are not loaded record by record, and why. */
export const UNMAPPED_KINDS: Readonly<Partial<Record<EntityKind, string>>> = {
  user: "users are matched, not created: owner columns find existing Odoo users by e-mail (lookup user); map this entity to res.users only to create the missing ones",
  stage:
    "stage definitions whose names repeat (one row per pipeline and stage) are not loaded as rows: the stages deals name become crm.stage records (setup.flitmap), with their order, won and folded flags from here",
  definition: "definitions (custom fields, workflows) are rebuilt in Odoo by hand, not loaded as rows",
  link: "a link between records: read it from the map of the records it links (a `with` block)",
  unknown: "neither its file name nor its columns say what it holds: map it by hand",
};

/**
 * Words exports use for Odoo fields, beyond the field's own name and label. Each entry is a
 * phrase in the concept words of words.ts.
 */
export const FIELD_HINTS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  "res.partner": {
    name: ["name", "company name", "full name", "contact person", "contact", "organisation name"],
    street: ["street", "address", "address line 1", "address 1", "visit address", "street address"],
    street2: ["address line 2", "address 2", "building", "suite"],
    zip: ["zip"],
    city: ["city", "town", "place"],
    state_id: ["state"],
    country_id: ["country"],
    phone: ["phone", "switchboard", "landline", "direct phone"],
    mobile: ["mobile"],
    email: ["email"],
    website: ["website"],
    vat: ["vat", "vat number", "tax number"],
    company_registry: ["registry", "registry number", "company registration", "registration number", "chamber commerce"],
    industry_id: ["industry"],
    // `Title` is a job title (`Head of Data`) as often as a salutation: the values decide (fields.ts).
    function: ["job", "title"],
    title: ["salutation"],
    user_id: ["owner", "salesperson", "responsible"],
    // A person's customer, client or account in a contacts file is the organisation they work at.
    parent_id: ["parent company", "parent", "company", "employer", "group", "group parent", "customer", "client", "account"],
    comment: ["note", "comment", "description"],
    ref: ["reference", "customer number", "account number", "client number"],
    category_id: ["tag"],
    active: ["active"],
    // Company-dependent, yet commercial terms a sales export carries and names plainly.
    credit_limit: ["credit limit", "credit"],
    property_payment_term_id: ["payment term", "payment condition"],
  },
  "res.partner.bank": {
    acc_number: ["iban", "account number", "bank account", "account"],
    currency_id: ["currency"],
    partner_id: ["partner", "holder", "account holder", "customer", "company"],
  },
  "crm.lead": {
    name: ["name", "title", "subject", "description", "deal name", "opportunity name", "lead name"],
    expected_revenue: ["amount", "value", "expected revenue", "revenue", "expected amount"],
    probability: ["probability", "probability percent", "win probability"],
    date_deadline: ["close date", "expected close date", "close", "expected close", "expected", "expected date"],
    stage_id: ["stage", "status", "phase"],
    user_id: ["owner", "salesperson", "handler"],
    partner_id: ["contact", "company", "customer", "relation", "client", "account"],
    source_id: ["source", "lead source", "origin", "channel"],
    type: ["type", "qualification"],
    description: ["note", "comment", "description", "body"],
    tag_ids: ["tag"],
    team_id: ["team", "sales team", "pipeline"],
    lost_reason_id: ["lost reason"],
    priority: ["priority", "rating"],
    date_closed: ["closed", "closed date", "won date", "solved"],
    email_from: ["email"],
    phone: ["phone"],
    // A lead's or a deal's person, by name, where no contact record is linked.
    contact_name: ["contact person", "contact name"],
    function: ["job", "job title"],
  },
  "mail.message": {
    body: ["body", "content", "text", "message", "note", "description", "comment"],
    subject: ["subject"],
    date: ["date", "created", "sent"],
    author_id: ["author", "sender", "author email", "owner", "user"],
    email_from: ["sender", "sender email"],
    parent_id: ["thread", "parent message", "reply"],
  },
  "mail.activity": {
    summary: ["subject", "summary", "title"],
    note: ["description", "note", "comment", "body"],
    // An activity has one day in Odoo, its deadline: a plain "Date" of an agenda entry is that day.
    date_deadline: ["deadline", "due", "date"],
    activity_type_id: ["type", "activity type", "kind"],
    user_id: ["owner", "assigned", "employee", "responsible"],
    date_done: ["done", "done date"],
  },
  "calendar.event": {
    name: ["subject", "summary", "title"],
    description: ["description", "note", "comment", "body"],
    user_id: ["owner", "assigned", "employee", "responsible", "organizer"],
    location: ["location", "place", "where"],
  },
  "crm.stage": {
    name: ["stage name", "name", "stage"],
    sequence: ["sequence", "order", "position"],
    is_won: ["won", "is won"],
    fold: ["folded", "fold", "collapsed"],
    team_id: ["pipeline", "team", "sales team"],
  },
  "ir.attachment": {
    name: ["filename", "name", "title"],
    datas: ["path", "file", "location"],
    mimetype: ["mime"],
    description: ["description", "note", "comment"],
  },
  "sale.order": {
    date_order: ["quote date", "order date", "date"],
    validity_date: ["valid until", "expiry", "expiration", "valid"],
    partner_id: ["customer", "relation", "contact", "company", "client"],
    user_id: ["owner", "salesperson"],
    opportunity_id: ["lead", "opportunity", "deal"],
    client_order_ref: ["customer reference", "reference"],
    note: ["note", "terms", "comment"],
    origin: ["origin", "source document"],
  },
  "sale.order.line": {
    product_id: ["product", "product code", "sku", "article", "item code"],
    name: ["description", "name", "product name"],
    product_uom_qty: ["quantity"],
    price_unit: ["price", "unit price"],
    discount: ["discount", "discount percent"],
    sequence: ["line", "line number", "position"],
  },
  "account.move": {
    partner_id: ["customer", "relation", "contact", "company", "client"],
    invoice_date: ["invoice date", "date"],
    invoice_date_due: ["deadline", "due"],
    invoice_user_id: ["owner", "salesperson"],
    invoice_origin: ["origin", "quote", "quote number", "order"],
    ref: ["reference"],
    narration: ["note", "terms", "comment"],
  },
  "account.move.line": {
    product_id: ["product", "product code", "sku", "article", "item code"],
    name: ["description", "name", "label"],
    quantity: ["quantity"],
    price_unit: ["price", "unit price"],
    discount: ["discount", "discount percent"],
    sequence: ["line", "line number", "position"],
  },
  "helpdesk.ticket": {
    name: ["subject", "title", "name"],
    description: ["description", "body", "note"],
    partner_id: ["customer", "relation", "contact", "company"],
    user_id: ["owner", "assigned", "handler"],
    priority: ["priority"],
  },
  "res.users": {
    name: ["name"],
    login: ["login"],
    email: ["email"],
    active: ["active"],
  },
};

/**
 * The field a value of a kind most likely feeds on a model when its header says nothing the
 * lexicon knows (a column of phone numbers, amounts on an opportunity): by the type of the values;
 * for lists of labels, the model's tags; for the names of a few people each on many rows, the
 * record's owner; for names ending in companies' legal forms, the organisation's name.
 */
export const PRIMARY_FIELDS: Readonly<
  Record<string, Readonly<Partial<Record<"email" | "phone" | "url" | "money" | "list" | "staff" | "organisation" | "iban", string>>>>
> = {
  "res.partner": { email: "email", phone: "phone", url: "website", list: "category_id", staff: "user_id", organisation: "name" },
  "crm.lead": {
    email: "email_from",
    phone: "phone",
    url: "website",
    money: "expected_revenue",
    list: "tag_ids",
    staff: "user_id",
    organisation: "partner_name",
  },
  "mail.activity": { staff: "user_id" },
  "calendar.event": { staff: "user_id" },
  "mail.message": { email: "email_from" },
  "helpdesk.ticket": { email: "partner_email", list: "tag_ids", staff: "user_id" },
  "sale.order": { staff: "user_id" },
  "account.move": { staff: "invoice_user_id" },
  "res.partner.bank": { iban: "acc_number" },
};

/**
 * The field a column of a role the values tell (value-roles.ts) most likely feeds on a model when
 * its header says nothing the lexicon knows: a salutation the partner's title, a percentage a
 * deal's probability, a closed set of a few values its stage (an activity's type, a person's job
 * position), the most varied one-line text its name (an activity's summary), a long text its
 * notes, the most filled date its deadline (a date filled where a yes/no says done, the date
 * done), an activity's yes/no its done flag (`active <- not done`).
 */
export const ROLE_FIELDS: Readonly<Record<string, Readonly<Partial<Record<ValueRole, string>>>>> = {
  "res.partner": {
    position: "function",
    mobile: "mobile",
    salutation: "title",
    street: "street",
    zip: "zip",
    city: "city",
    vat: "vat",
    registry: "company_registry",
    label: "name",
    longtext: "comment",
    country: "country_id",
    industry: "industry_id",
    active: "active",
    inactive: "active",
    credit: "credit_limit",
    website: "website",
  },
  "crm.lead": {
    percent: "probability",
    status: "stage_id",
    label: "name",
    longtext: "description",
    deadline: "date_deadline",
    street: "street",
    zip: "zip",
    city: "city",
    amount: "expected_revenue",
    lost: "lost_reason_id",
    closed: "date_closed",
    source: "source_id",
    contact: "contact_name",
    country: "country_id",
  },
  "mail.activity": { done: "date_done", status: "activity_type_id", label: "summary", longtext: "note", deadline: "date_deadline", flag: "active" },
  "calendar.event": { label: "name", longtext: "description" },
  "mail.message": { longtext: "body" },
  "sale.order": { ordered: "date_order", deadline: "validity_date", longtext: "note" },
  "account.move": { ordered: "invoice_date", deadline: "invoice_date_due", longtext: "narration" },
  "sale.order.line": { label: "name", quantity: "product_uom_qty", price: "price_unit" },
  "account.move.line": { label: "name", quantity: "quantity", price: "price_unit" },
  "helpdesk.ticket": { label: "name", longtext: "description" },
};

/** Roles whose yes/no says the opposite of the field: a done flag leaves the activity archived. */
export const NEGATED_ROLES: Readonly<Record<string, Readonly<Partial<Record<ValueRole, string>>>>> = {
  "mail.activity": { flag: "active" },
  // A partner's rare yes (`Inaktiv: Ja`) archives it.
  "res.partner": { inactive: "active" },
};

/**
 * Words that say the opposite of a boolean field: a done flag is `active <- not done` (Odoo keeps
 * a done activity archived), an inactive or deleted flag `active <- not inactive`.
 */
export const NEGATED_HINTS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  "mail.activity": { active: ["done", "completed", "closed", "finished"] },
  "res.partner": { active: ["inactive", "archived", "deleted"] },
  "crm.lead": { active: ["archived", "deleted", "inactive"] },
};

/**
 * Fields no export column should be proposed for: Odoo's own bookkeeping, company-dependent
 * accounting settings, images and signup tokens. A specialist can still map them by hand.
 */
export function isBookkeepingField(name: string): boolean {
  return /^(?:id|display_name|create_date|create_uid|write_date|write_uid|__.*|message_.*|activity_.*|website_message_ids|signup_.*|image_.*|avatar_.*|color|partner_gid|property_.*|peppol_.*|ubl_.*|calendar_.*|tz|lang|barcode|additional_info|phone_mobile_search|iap_.*|reveal_id|lead_mining_request_id|company_id|currency_id|access_.*|res_field|res_name|res_model|url|type|store_fname|checksum|public|index_content|original_id|company_type|commercial_.*|email_normalized|phone_sanitized|contact_address.*|channel_ids|meeting_ids|starred_message_ids|employee|trust|debit_limit|credit_limit|use_partner_credit_limit|customer_rank|supplier_rank|invoice_warn.*|sale_warn.*|partner_latitude|partner_longitude|date_localization|is_company|recurring_.*|automated_probability|user_company_ids|duration|auto_post.*|payment_reference|qr_code_method|tax_cash_basis_.*|is_storno|is_move_sent|move_sent_values|secure_sequence_number|inalterable_hash|sequence_.*|made_sequence_hole|posted_before|quick_.*|to_check|checked|fiscal_position_id|invoice_incoterm_id|incoterm_location|invoice_cash_rounding_id|direction_sign|invoice_source_email|invoice_partner_display_name|statement_line_id|payment_id|tax_lock_date_message|journal_id|state|move_type|display_type|tax_totals|require_.*|signed_by|signed_on|signature|reference|is_downpayment|is_expense|analytic_.*|distribution_analytic_account_ids|product_packaging_.*|product_template_attribute_value_ids|product_custom_attribute_value_ids|product_no_variant_attribute_value_ids|route_id|customer_lead|tax_calculation_rounding_method|pricelist_id|payment_term_id|team_id|medium_id|campaign_id|source_id|opportunity_id|tag_ids|partner_invoice_id|partner_shipping_id|origin|client_order_ref|fiscal_position_id|journal_id|transaction_ids|authorized_transaction_ids|order_line|invoice_line_ids|line_ids)$/.test(
    name,
  );
}

/** Fields with hints are proposed even when their name alone would look like bookkeeping. */
export function hintsFor(model: string, field: string): readonly string[] | undefined {
  const byModel = FIELD_HINTS[model];
  return byModel === undefined || !Object.prototype.hasOwnProperty.call(byModel, field) ? undefined : byModel[field];
}

/** Reference models a migration may add records to (a new stage, tag or industry), matched by name. */
export const EXTENSIBLE_MODELS: ReadonlySet<string> = new Set([
  "crm.stage",
  "crm.team",
  "crm.tag",
  "crm.lost.reason",
  "res.partner.category",
  "res.partner.industry",
  "res.partner.title",
  "utm.source",
  "utm.medium",
  "utm.campaign",
]);

/** A lookup of existing Odoo records: which values a column must hold, and how sure the match is. */
export interface LookupSpec {
  readonly name: string;
  readonly model: string;
  readonly by: string;
  /** Column types whose values the lookup matches. */
  readonly types: readonly string[];
  /** How natural the lookup is as a conversion (an owner's e-mail to a user: fully). */
  readonly fit: number;
  /** What a value that matches nothing does: flagged (the field stays empty), or the row rejected. */
  readonly missing: "flag" | "reject";
  readonly match?: { readonly rule: "loose" | "initials" | "surname_initial"; readonly ambiguous: "reject" | "first" };
  readonly comment: string;
}

/** A lookup by name with a matching rule, a name several records fit rejecting the row. */
function lookupByName(name: string, model: string, rule: "initials" | "surname_initial", comment: string): LookupSpec {
  return { name, model, by: "name", types: ["text"], fit: 0.9, missing: "flag", match: { rule, ambiguous: "reject" }, comment };
}

/**
 * Existing records a migration finds rather than creates: by the model a many2one points to, the
 * lookup for its values' type; `res.users#name` finds users by name (owners written as names).
 */
export const LOOKUPS: Readonly<Record<string, LookupSpec>> = {
  "res.users": {
    name: "user",
    model: "res.users",
    by: "email",
    types: ["email"],
    fit: 1,
    missing: "flag",
    comment: "owners are Odoo users with the same e-mail; an owner with none is flagged in the report",
  },
  "res.users#name": lookupByName(
    "user_by_name",
    "res.users",
    "initials",
    'owners written as names are Odoo users with that name, ignoring case and accents, initials standing for given names ("A. Hartley" is Alice Hartley); a name several users fit rejects the row, naming them; an owner with none is flagged in the report (the table before it turns the export\'s other short forms, such as initials alone or "Surname, Given", into the users\' names)',
  ),
  "res.users#surname_initial": lookupByName(
    "user_by_short_name",
    "res.users",
    "surname_initial",
    'owners written as given names and a surname\'s initial ("Ana Paula F." is Ana Paula Ferreira) are Odoo users with such a name, ignoring case and accents; a name several users fit rejects the row, naming them; an owner with none is flagged in the report',
  ),
  "res.partner#name": lookupByName(
    "author_by_name",
    "res.partner",
    "initials",
    "authors written as names are the Odoo contacts of that name (a user's own contact among them), ignoring case and accents; a name several contacts fit rejects the row, naming them; an author with none is flagged",
  ),
  "res.partner#surname_initial": lookupByName(
    "author_by_short_name",
    "res.partner",
    "surname_initial",
    "authors written as given names and a surname's initial (\"Ana Paula F.\") are the Odoo contacts of such a name (a user's own contact among them); a name several contacts fit rejects the row, naming them; an author with none is flagged",
  ),
  "res.partner": {
    name: "partner",
    model: "res.partner",
    by: "email",
    types: ["email"],
    fit: 0.8,
    missing: "flag",
    comment: "authors are Odoo contacts with the same e-mail; an author with none is flagged",
  },
  "ir.model": {
    name: "odoo_model",
    model: "ir.model",
    by: "model",
    types: [],
    fit: 1,
    missing: "reject",
    comment: "the models records belong to (an activity's res_model_id), by their technical name; a model the target lacks rejects the row",
  },
  "res.country.state": {
    name: "state",
    model: "res.country.state",
    by: "name",
    types: [],
    fit: 0.9,
    missing: "flag",
    comment: "states and provinces are Odoo's own, matched by name; one spelt otherwise is flagged (a table before the lookup can give Odoo's spelling)",
  },
  "res.country.state#code": {
    name: "state_code",
    model: "res.country.state",
    by: "code",
    types: [],
    fit: 0.9,
    missing: "flag",
    comment: "states and provinces are Odoo's own, matched by their code; one with none is flagged (codes repeat across countries: check the country)",
  },
  "res.currency": {
    name: "currency",
    model: "res.currency",
    by: "name",
    types: [],
    fit: 0.9,
    missing: "flag",
    comment: "currencies are Odoo's own, named by their ISO code; one the target has not activated is flagged",
  },
  "res.country.state#name_or_code": {
    name: "state_by_name_or_code",
    model: "res.country.state",
    by: "name or code",
    types: [],
    fit: 0.85,
    missing: "flag",
    match: { rule: "loose", ambiguous: "first" },
    comment:
      "states and provinces are Odoo's own, matched by name (ignoring case, accents and punctuation) or by code; one spelt otherwise is flagged (a table before the lookup can give Odoo's spelling; codes repeat across countries: check the country)",
  },
  "product.product": {
    name: "product",
    model: "product.product",
    by: "default_code",
    types: ["text", "integer"],
    fit: 0.9,
    missing: "flag",
    comment: "products are Odoo's own, matched by internal reference; a code with none is flagged",
  },
};

/** Values that name the same thing in pick-lists of both languages (`Taak` and Odoo's `To-Do`). */
export const VALUE_SYNONYMS: readonly (readonly string[])[] = [
  ["task", "todo"],
  ["call", "phone call"],
  ["meeting", "appointment"],
  ["email", "mail"],
  ["proposition", "proposal", "quote", "quote sent", "proposal sent"],
  ["hospitality", "food hospitality"],
  ["health", "health social", "healthcare"],
  ["it", "it communication", "ict", "software"],
  ["public administration", "government"],
  ["finance", "financial services", "finance insurance"],
  ["real estate", "property"],
  ["transportation logistics", "transport logistics", "logistics"],
  ["low", "0"],
  ["normal", "medium"],
  ["urgent", "very high"],
  // Paid in cash is paid at once: Odoo's Immediate Payment.
  ["immediate payment", "immediate", "cash"],
  // Ms is Madam in Odoo, whatever the marital status: Miss is for Miss alone.
  ["madam", "ms", "mrs"],
  ["mister", "mr", "m"],
  ["professor", "prof", "prof dr"],
  // Odoo's words for a qualified lead and a raw one.
  ["opportunity", "qualified"],
  ["lead", "unqualified"],
];
