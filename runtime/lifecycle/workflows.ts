/**
 * The workflow rebuild reference (`flitmap workflows`): the automation definitions a CRM export
 * holds are not data and are not migrated; a person rebuilds them in Odoo. This module reads them
 * (Perfect Books' `workflows.csv`, PerfectView's `workflows_NNN.csv`, recognised by their header
 * row, so a package needs to declare nothing) and says, for each, which Odoo feature rebuilds it
 * (an automation rule with its trigger, a scheduled action), on which model (from the package's
 * plan: the entity the workflow's object is exported as, and the steps that load it), the
 * conditions as an Odoo domain where they translate, and each action as an Odoo action type.
 */
import { open } from "node:fs/promises";
import { join } from "node:path";
import picomatch from "picomatch";
import type { EntityPlan, Plan, PlanExpression, StepPlan } from "../../compiler/plan/schema.js";
import { subexpressions } from "../execute/plan-walk.js";
import { describeExpression } from "./expressions.js";
import { listMatchingFiles, readEntity, type ColumnSpec, type ValueFormat } from "../source/index.js";

/** How one source system exports its workflows. */
export interface WorkflowLayout {
  readonly system: string;
  readonly headers: {
    readonly name: string;
    readonly object: string;
    readonly trigger: string;
    readonly conditions: string;
    readonly actions: string;
    readonly active: string;
  };
  /** Between two conditions (` AND `, `; `). */
  readonly conditionSeparator: RegExp;
  readonly activeWords: readonly string[];
  /** Each object a workflow runs on, and the export file its records come in (documented in mappings/generators/EXPORTS.md). */
  readonly objects: Readonly<Record<string, string>>;
  readonly decimal: "." | ",";
}

export const WORKFLOW_LAYOUTS: readonly WorkflowLayout[] = [
  {
    system: "Perfect Books",
    headers: { name: "Workflow Name", object: "Object", trigger: "Trigger", conditions: "Conditions", actions: "Actions", active: "Active" },
    conditionSeparator: /\s+AND\s+/i,
    activeWords: ["yes", "true", "1"],
    objects: { company: "companies.csv", contact: "contacts.csv", deal: "deals.csv", task: "tasks.csv" },
    decimal: ".",
  },
  {
    system: "PerfectView",
    headers: { name: "Naam", object: "Object", trigger: "Trigger", conditions: "Voorwaarden", actions: "Acties", active: "Actief" },
    conditionSeparator: /\s*;\s*/,
    activeWords: ["ja", "yes", "1"],
    objects: { relatie: "relaties_001.csv", lead: "leads_001.csv", zaak: "zaken_001.csv", offerte: "offertes_001.csv", factuur: "facturen_001.csv" },
    decimal: ",",
  },
];

export interface Workflow {
  readonly name: string;
  readonly object: string;
  readonly trigger: string;
  readonly conditions: readonly string[];
  readonly actions: readonly string[];
  readonly active: boolean;
  readonly file: string;
  readonly line: number;
}

export interface WorkflowExport {
  readonly file: string;
  readonly layout: WorkflowLayout;
}

/** The first line of a file, decoded leniently: enough to recognise a layout's header. */
async function headerLine(path: string): Promise<string> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer
      .subarray(0, bytesRead)
      .toString("latin1")
      .replace(/^\u00ef\u00bb\u00bf/, "");
    return text.split(/\r?\n/)[0] ?? "";
  } finally {
    await handle.close();
  }
}

function headerCells(line: string): string[] {
  const delimiter = [";", "\t", ","].find((candidate) => line.includes(candidate)) ?? ",";
  return line.split(delimiter).map((cell) =>
    cell
      .trim()
      .replace(/^"(.*)"$/, "$1")
      .trim(),
  );
}

/** The workflow exports in a folder: CSV files whose header is a known layout's (`pattern` narrows the files looked at). */
export async function findWorkflowExports(sourceDirectory: string, pattern = "*.{csv,CSV}"): Promise<WorkflowExport[]> {
  const found: WorkflowExport[] = [];
  for (const file of await listMatchingFiles(sourceDirectory, pattern)) {
    const cells = headerCells(await headerLine(join(sourceDirectory, file)));
    const layout = WORKFLOW_LAYOUTS.find((candidate) => Object.values(candidate.headers).every((header) => cells.includes(header)));
    if (layout !== undefined) found.push({ file, layout });
  }
  return found;
}

const TEXT_FORMAT: ValueFormat = { date: "dd/MM/yyyy", datetime: "dd/MM/yyyy HH:mm", timezone: "UTC", decimal: ".", trueWords: [], falseWords: [] };

/** The workflows of one export file, read by the export reader (encoding and delimiter detected). */
export async function readWorkflows(sourceDirectory: string, exported: WorkflowExport): Promise<Workflow[]> {
  const { headers } = exported.layout;
  const columns: ColumnSpec[] = Object.entries(headers).map(([name, header]) => ({ name, header, type: "text", format: TEXT_FORMAT, required: false }));
  const reading = readEntity({
    entity: "Workflow",
    directory: sourceDirectory,
    pattern: exported.file.replace(/[*?[\]{}()!]/g, "\\$&"),
    delimiter: "auto",
    encoding: "auto",
    columns,
    key: ["name"],
    duplicates: { rule: "first" },
  });
  const workflows: Workflow[] = [];
  for await (const item of reading.rows) {
    if (item.kind !== "row") continue;
    const cell = (name: string): string => (item.raw[name] ?? "").trim();
    const split = (text: string, separator: RegExp): string[] =>
      text
        .split(separator)
        .map((part) => part.trim())
        .filter((part) => part !== "");
    workflows.push({
      name: cell("name"),
      object: cell("object"),
      trigger: cell("trigger"),
      conditions: split(cell("conditions"), exported.layout.conditionSeparator),
      actions: split(cell("actions"), /\s*\|\s*/),
      active: exported.layout.activeWords.includes(cell("active").toLowerCase()),
      file: item.file,
      line: item.line,
    });
  }
  return workflows;
}

// ---------------------------------------------------------------------------------------------
// what each workflow becomes in Odoo

export interface ConditionGuide {
  readonly text: string;
  /** Odoo fields the condition's source field lands in (`crm.lead.stage_id`). */
  readonly fields: readonly string[];
  /** The condition as a domain term, when it translates. */
  readonly term?: string;
  /** Why it does not translate. */
  readonly byHand?: string;
  /** For a translated condition: the Odoo field, operator and values. */
  readonly field?: string;
  readonly operator?: string;
  readonly values?: readonly (string | number | boolean)[];
  /** The trigger itself says it (Stage is set to "Won"): not repeated in the domain. */
  readonly inTrigger?: boolean;
}

export interface ActionGuide {
  readonly text: string;
  /** The Odoo action type (Create Activity, Send Email, Update Record, ...) or the feature that replaces it. */
  readonly odoo: string;
  readonly how: string;
}

export interface WorkflowGuide {
  readonly workflow: Workflow;
  readonly system: string;
  /** The package's entity the object's records come in, and the models its steps load them into. */
  readonly entity?: string;
  readonly models: readonly string[];
  /** automation: an automation rule; scheduled: a scheduled action (ir.cron). */
  readonly feature: "automation" | "scheduled";
  /** The trigger as Odoo names it (Stage is set to, After creation, Based on date field, ...). */
  readonly trigger: string;
  readonly triggerDetail: string;
  readonly conditions: readonly ConditionGuide[];
  /** The conditions that translate, as one domain for Apply on / Extra Conditions. */
  readonly domain?: string;
  readonly actions: readonly ActionGuide[];
  readonly notes: readonly string[];
}

interface FieldUse {
  readonly step: StepPlan;
  readonly field: string;
  readonly fieldType: string;
  readonly value: PlanExpression;
  /** The column's value flows into the field (not only a decision about it). */
  readonly direct: boolean;
}

function entityForObject(plan: Plan, layout: WorkflowLayout, object: string): EntityPlan | undefined {
  const lower = object.trim().toLowerCase();
  const byName = plan.entities.find((entity) => entity.name.toLowerCase() === lower);
  if (byName !== undefined) return byName;
  const file = layout.objects[lower];
  if (file === undefined) return undefined;
  return plan.entities.find((entity) => picomatch(entity.pattern, { nocase: true })(file));
}

/**
 * Whether the column's value itself flows into the field (`stage | ref stage`), rather than only
 * deciding something about it (`if stage | get(Pipeline.won) then ...`, `status != "Done"`).
 */
function feedsValue(expression: PlanExpression, column: string): boolean {
  switch (expression.op) {
    case "column":
      return expression.column === column;
    case "call":
    case "table":
    case "lookup":
    case "ref":
      return feedsValue(expression.input, column);
    case "coalesce":
      return expression.operands.some((operand) => feedsValue(operand, column));
    case "if":
      return feedsValue(expression.then, column) || feedsValue(expression.else, column);
    case "template":
      return expression.parts.some((part) => typeof part !== "string" && feedsValue(part, column));
    case "list":
      return expression.items.some((item) => feedsValue(item, column));
    case "arithmetic":
      return feedsValue(expression.left, column) || feedsValue(expression.right, column);
    default:
      return false;
  }
}

/** Fields the entity's steps compute from the column with this header, those its value flows into first. */
function fieldsFromHeader(plan: Plan, entity: EntityPlan | undefined, header: string): FieldUse[] {
  if (entity === undefined) return [];
  const wanted = header.trim().toLowerCase();
  const column = entity.columns.find((candidate) => candidate.header.toLowerCase() === wanted || candidate.name.toLowerCase() === wanted.replace(/\s+/g, "_"));
  if (column === undefined) return [];
  const uses: FieldUse[] = [];
  for (const step of plan.steps.filter((candidate) => candidate.entity === entity.name)) {
    for (const operation of [...step.operations, ...step.deferred]) {
      if ([...subexpressions(operation.value)].some((part) => part.op === "column" && part.column === column.name))
        uses.push({ step, field: operation.field, fieldType: operation.fieldType, value: operation.value, direct: feedsValue(operation.value, column.name) });
    }
  }
  return [...uses.filter((use) => use.direct), ...uses.filter((use) => !use.direct)];
}

function pythonLiteral(value: string | number | boolean): string {
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return String(value);
  return JSON.stringify(value);
}

/** A literal of a condition: "text", a number in the source's format (with currency), yes/no, or a list. */
function parseLiteral(text: string, decimal: "." | ","): { kind: "text" | "number"; values: string[]; numbers: number[] } | undefined {
  const trimmed = text.trim();
  const list = /^\((.*)\)$/.exec(trimmed);
  const items = list === null ? [trimmed] : (list[1] ?? "").split(/\s*,\s*(?=")/);
  const strings: string[] = [];
  for (const item of items) {
    const quoted = /^"(.*)"$/.exec(item.trim());
    if (quoted === null) break;
    strings.push(quoted[1] ?? "");
  }
  if (strings.length === items.length) return { kind: "text", values: strings, numbers: [] };
  if (list !== null) return undefined;
  const bare = trimmed.replace(/^[£€$]\s*/, "").replace(/\s*(EUR|GBP)$/i, "");
  const normal = decimal === "," ? bare.replace(/\./g, "").replace(",", ".") : bare.replace(/,/g, "");
  if (/^-?\d+(\.\d+)?$/.test(normal)) return { kind: "number", values: [trimmed], numbers: [Number(normal)] };
  return undefined;
}

const OPERATORS: Readonly<Record<string, string>> = {
  "=": "=",
  "!=": "!=",
  "<>": "!=",
  "<": "<",
  ">": ">",
  "<=": "<=",
  ">=": ">=",
  in: "in",
  "not in": "not in",
};

/** A table in the field's expression turns the source's words into Odoo's (Qualified → opportunity). */
function throughTables(plan: Plan, use: FieldUse, value: string): string | boolean | undefined {
  const tables = [...subexpressions(use.value)].filter((part): part is Extract<PlanExpression, { op: "table" }> => part.op === "table");
  if (tables.length === 0) return value;
  if (tables.length > 1) return undefined;
  const table = plan.tables.find((candidate) => candidate.name === tables[0]?.table);
  const entry = table?.entries.find((candidate) => candidate.keys.some((key) => String(key).toLowerCase() === value.toLowerCase()));
  const mapped = entry?.value;
  if (typeof mapped === "string" || typeof mapped === "boolean") return mapped;
  return undefined;
}

function conditionGuide(plan: Plan, layout: WorkflowLayout, entity: EntityPlan | undefined, model: string | undefined, text: string): ConditionGuide {
  const match = /^(.+?)\s+(not in|in|!=|<>|<=|>=|=|<|>)\s+(.+)$/i.exec(text) ?? /^(.+?)\s*(!=|<>|<=|>=|=|<|>)\s*(.+)$/.exec(text);
  if (match === null) return { text, fields: [], byHand: "not a comparison Flitmap can read" };
  const [, left = "", operatorText = "", right = ""] = match;
  const uses = fieldsFromHeader(plan, entity, left).filter((use) => model === undefined || use.step.model === model);
  const shown = uses.some((use) => use.direct) ? uses.filter((use) => use.direct) : uses;
  const fields = [...new Set(shown.map((use) => `${use.step.model}.${use.field}`))];
  const use = uses.find((candidate) => candidate.direct);
  if (use === undefined)
    return {
      text,
      fields,
      byHand:
        uses.length === 0
          ? `${left.trim()} is not a column the package loads into Odoo`
          : `${left.trim()} reaches Odoo only through a computation (${uses[0]?.field ?? "?"} <- ${describeExpression(uses[0]?.value ?? { op: "const", type: "text", value: null })}): write the condition on that field`,
    };
  const operator = OPERATORS[operatorText.toLowerCase()];
  const literal = parseLiteral(right, layout.decimal);
  if (operator === undefined || literal === undefined)
    return { text, fields, byHand: `${right.trim()} is not a fixed value (a relative date or an expression): set it by hand` };
  const booleanField = use.fieldType === "boolean";
  const values: (string | number | boolean)[] = [];
  if (literal.kind === "number") values.push(...literal.numbers);
  else {
    for (const value of literal.values) {
      const words = booleanField ? value.toLowerCase() : "";
      if (booleanField && ["yes", "ja", "true", "no", "nee", "false"].includes(words)) {
        values.push(["yes", "ja", "true"].includes(words));
        continue;
      }
      const mapped = throughTables(plan, use, value);
      if (mapped === undefined)
        return { text, fields, byHand: `the mapping translates ${JSON.stringify(value)} through a table into a record: pick it in the domain editor` };
      values.push(mapped);
    }
  }
  const path = use.fieldType === "many2one" || use.fieldType === "many2many" ? `${use.field}.name` : use.field;
  const listed = operator === "in" || operator === "not in";
  const rendered = listed ? `[${values.map(pythonLiteral).join(", ")}]` : pythonLiteral(values[0] ?? "");
  return { text, fields, term: `(${JSON.stringify(path)}, ${JSON.stringify(operator)}, ${rendered})`, field: use.field, operator, values };
}

function daysIn(text: string): number | undefined {
  const found = /(?:after|within|in|na|binnen)\s+(\d+)\s+(?:days?|dagen|dag)/i.exec(text);
  return found === null ? undefined : Number(found[1]);
}

function actionGuide(text: string, automation: string): ActionGuide {
  const lower = text.toLowerCase();
  const days = daysIn(text);
  const later = days === undefined ? "" : ` ${days} days later: a second ${automation} "Based on date field" with a delay of ${days} days runs it`;
  const titled = /:\s*(.+)$/.exec(text)?.[1]?.trim();
  if (/round robin/.test(lower))
    return {
      text,
      odoo: "Lead assignment (CRM)",
      how: "CRM's own assignment spreads leads over a sales team's members: CRM › Configuration › Settings › Rule-Based Assignment, with the team's members and their capacity",
    };
  if (/^create task|taak|plannen|^plan |telefoongesprek|^call /.test(lower)) {
    const type = /call|bel|telefoon/.test(lower) ? "Call" : /meeting|afspraak|onboarding/.test(lower) ? "Meeting" : "To-Do";
    return {
      text,
      odoo: "Create Activity",
      how: `activity type ${type}, title ${JSON.stringify(titled ?? text)}${days === undefined ? "" : `, due in ${days} days`}, user: Dynamic User (based on record), the salesperson`,
    };
  }
  if (/sms/.test(lower)) return { text, odoo: "Send SMS", how: `an SMS template (Settings › Technical › SMS Templates) for the text to send${later}` };
  if (/template/.test(lower))
    return {
      text,
      odoo: "Send Email",
      how: `with an e-mail template ${JSON.stringify(titled ?? text)} to create first (Settings › Technical › Email Templates); send as Email${later}`,
    };
  if (/notify|melding/.test(lower)) {
    const manager = /manager/.test(lower) ? "; Odoo knows no manager of a user (only of an employee): address a fixed user, or use Execute Code" : "";
    return {
      text,
      odoo: "Send Email",
      how: `as a Note mentioning the record's salesperson, or a Create Activity for them (which notifies them)${later}${manager}`,
    };
  }
  if (/e-?mail|brief|letter|mail /.test(lower))
    return {
      text,
      odoo: "Send Email",
      how: `with an e-mail template to write for it (Settings › Technical › Email Templates), to the record's customer${later}`,
    };
  if (/add to list|lijst|mailing/.test(lower))
    return {
      text,
      odoo: "Create Record",
      how: `a mailing list contact (mailing.contact) in the Email Marketing app (mass_mailing)${titled === undefined ? "" : ` on the list ${JSON.stringify(titled)}`}; without that app, Update Record adding a tag`,
    };
  if (/toekennen|assign .*number|nummer/.test(lower))
    return {
      text,
      odoo: "Execute Code",
      how: "a sequence (Settings › Technical › Sequences) assigned with Execute Code: record.ref = env['ir.sequence'].next_by_code(...)",
    };
  if (/^set |=|wijzig|zet /.test(lower)) return { text, odoo: "Update Record", how: `set the field ${JSON.stringify(text)} describes${later}` };
  return { text, odoo: "Execute Code", how: "no Odoo action does this as such: write it as Python code, or leave it out" };
}

interface TriggerChoice {
  readonly feature: "automation" | "scheduled";
  readonly trigger: string;
  readonly detail: string;
}

function triggerGuide(plan: Plan, entity: EntityPlan | undefined, model: string | undefined, workflow: Workflow, modern: boolean): TriggerChoice {
  const lower = workflow.trigger.toLowerCase();
  const writes = (field: string): boolean => plan.steps.some((step) => step.model === model && step.operations.some((operation) => operation.field === field));
  const schedule = /(daily|dagelijks|weekly|wekelijks|monthly|maandelijks|scheduled|gepland)/.exec(lower);
  if (schedule !== null) {
    const every = /daily|dagelijks/.test(lower)
      ? "1 day"
      : /weekly|wekelijks/.test(lower)
        ? "1 week"
        : /monthly|maandelijks/.test(lower)
          ? "1 month"
          : "the interval it ran at";
    const at = /(\d{1,2}:\d{2})/.exec(lower)?.[1];
    return {
      feature: "scheduled",
      trigger: `every ${every}${at === undefined ? "" : ` at ${at}`}`,
      detail: `a scheduled action (Settings › Technical › Automation › Scheduled Actions) on ${model ?? "the model"}, every ${every}${at === undefined ? "" : `, next run at ${at} (server time is UTC: convert)`}, running Execute Code over the records the conditions select`,
    };
  }
  if (/created|aangemaakt|new record|nieuw/.test(lower))
    return modern
      ? {
          feature: "automation",
          trigger: "After creation",
          detail:
            "Timing Conditions › After creation, delay 0 (the scheduler checks every few hours); for at once, On save with Before Update Domain: a condition no new record meets",
        }
      : { feature: "automation", trigger: "On Creation", detail: "trigger On Creation" };
  if (/(stage|fase).*(changed|gewijzigd)/.test(lower) && writes("stage_id"))
    return { feature: "automation", trigger: "Stage is set to", detail: "Values Updated › Stage is set to, with the stage the conditions name" };
  if (/(status).*(changed|gewijzigd)/.test(lower)) {
    // Odoo's own state has its trigger; a status kept in another field (a custom one) is watched on save.
    const landed = fieldsFromHeader(plan, entity, "Status").filter((use) => use.direct && (model === undefined || use.step.model === model));
    if (landed.some((use) => use.field === "state") || (landed.length === 0 && (model === "sale.order" || model === "account.move")))
      return { feature: "automation", trigger: "State is set to", detail: "Values Updated › State is set to, with the state the conditions name" };
    return {
      feature: "automation",
      trigger: "On save",
      detail: `Custom › On save, When updating: ${landed.length === 0 ? "the field the status lands in" : [...new Set(landed.map((use) => use.field))].join(", ")}`,
    };
  }
  if (/(due|deadline|verval).*(passed|verstreken|voorbij)|overdue/.test(lower))
    return {
      feature: "automation",
      trigger: "Based on date field",
      detail: "Timing Conditions › Based on date field: the due date (date_deadline), delay 0 days after it",
    };
  const changed = /^(.+?)\s+(changed|gewijzigd)$/.exec(workflow.trigger.trim());
  if (changed !== null) {
    const fields = fieldsFromHeader(plan, entity, changed[1] ?? "").filter((use) => model === undefined || use.step.model === model);
    return {
      feature: "automation",
      trigger: "On save",
      detail: `Custom › On save, When updating: ${fields.length === 0 ? `the field ${changed[1] ?? ""} lands in (the package does not load it)` : [...new Set(fields.map((use) => use.field))].join(", ")}`,
    };
  }
  return {
    feature: "automation",
    trigger: "On save",
    detail: `Custom › On save: "${workflow.trigger}" has no Odoo trigger of its own; choose When updating by hand`,
  };
}

export function rebuildGuide(plan: Plan, layout: WorkflowLayout, workflow: Workflow): WorkflowGuide {
  const entity = entityForObject(plan, layout, workflow.object);
  const models = [...new Set(plan.steps.filter((step) => step.entity === entity?.name).map((step) => step.model))];
  const model = models[0];
  const modern = Number.parseFloat(plan.target.series.replace(/^saas~/, "")) >= 17;
  const automation = modern ? "automation rule" : "automated action";
  const trigger = triggerGuide(plan, entity, model, workflow, modern);
  let conditions = workflow.conditions.map((condition) => conditionGuide(plan, layout, entity, model, condition));
  let triggerDetail = trigger.detail;
  // "Stage is set to" names the stage itself: the condition on the stage moves into the trigger.
  const stage =
    trigger.trigger === "Stage is set to"
      ? conditions.find((condition) => condition.field === "stage_id" && (condition.operator === "=" || condition.operator === "in"))
      : undefined;
  if (stage !== undefined) {
    const names = (stage.values ?? []).map((value) => JSON.stringify(value));
    triggerDetail =
      names.length === 1
        ? `Values Updated › Stage is set to ${names[0] ?? ""}`
        : `Values Updated › Stage is set to: one rule per stage, ${names.join(" and ")}`;
    conditions = conditions.map((condition) => (condition === stage ? { ...condition, inTrigger: true } : condition));
  }
  const terms = conditions.flatMap((condition) => (condition.term === undefined || condition.inTrigger === true ? [] : [condition.term]));
  const notes: string[] = [];
  if (!workflow.active) notes.push(`switched off in ${layout.system}: rebuild it only if it is still wanted, and leave it archived until then`);
  if (entity === undefined) notes.push(`the package loads no ${workflow.object} records: decide the model by hand`);
  if (models.length > 1)
    notes.push(`the package loads ${workflow.object} into ${models.join(" and ")}: the rule goes on ${model ?? "?"}, repeat it for the others if they need it`);
  const byHand = conditions.filter((condition) => condition.byHand !== undefined);
  if (byHand.length > 0) notes.push(`${byHand.length} condition${byHand.length === 1 ? "" : "s"} to add by hand in the domain editor`);
  return {
    workflow,
    system: layout.system,
    ...(entity === undefined ? {} : { entity: entity.name }),
    models,
    feature: trigger.feature,
    trigger: trigger.trigger,
    triggerDetail,
    conditions,
    ...(terms.length === 0 ? {} : { domain: `[${terms.join(", ")}]` }),
    actions: workflow.actions.map((action) => actionGuide(action, automation)),
    notes,
  };
}
