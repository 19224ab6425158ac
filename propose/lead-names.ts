/**
 * A lead named by the firm it is about: a prospect list holds a firm's name on every row and no
 * title of its own (a `Titel` filled now and then is the contact's job), so the firm's name is
 * the lead's name as well as its company name, as specialists write prospects, and the title the
 * contact's job. Pure.
 */
import { assign, type BuildState, type TargetContext } from "./build-state.js";
import { salutationShaped, type ColumnRef } from "./fields.js";

/** Words of a header that may name a lead itself. */
const TITLE_WORDS: ReadonlySet<string> = new Set(["name", "subject", "title", "description"]);

/** Whether a column is filled on most rows, as a record's name is. */
function mostlyFilled(column: ColumnRef): boolean {
  const guess = column.profile.guess;
  return guess.blank * 3 < guess.total;
}

export function leadName(state: BuildState, context: TargetContext): void {
  const fields = context.model.fields;
  if (context.model.name !== "crm.lead" || context.taken.has("name") || context.taken.has("partner_name") || fields["partner_name"] === undefined) return;
  const free = context.columns.filter((column) => !context.used.has(column.path) && column.profile.guess.type === "text" && !column.profile.guess.multiline);
  const firm = free.find((column) => column.profile.words.includes("company") && column.profile.words.includes("name") && column.profile.guess.blank === 0);
  if (firm === undefined) return;
  const titled = free.some(
    (column) =>
      column !== firm && column.profile.words.some((word) => TITLE_WORDS.has(word)) && !column.profile.words.includes("person") && mostlyFilled(column),
  );
  if (titled) return;
  assign(state, context, "name", `${firm.path} | trim`, [firm], 0.8, `${firm.profile.header}: no column titles the lead, the firm it is about names it`);
  assign(state, context, "partner_name", `${firm.path} | trim`, [firm], 0.9, firm.profile.header);
  // A title filled now and then beside a firm's name is its contact's: their job, unless it is a salutation.
  const job = free.find((column) => column.profile.words.length === 1 && column.profile.words[0] === "title" && !salutationShaped(column.profile.values));
  if (job !== undefined && fields["function"] !== undefined && !context.taken.has("function"))
    assign(state, context, "function", `${job.path} | trim`, [job], 0.8, `${job.profile.header}: the contact's job, since the firm names the lead`);
}
