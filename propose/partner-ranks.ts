/**
 * A pick-list saying whether a partner is a customer, a supplier or both (`Customer`, `Supplier`,
 * `Customer/Supplier`; `Odbiorca`, `Dostawca`; `Alıcı`, `Satıcı`, `Alıcı + Satıcı`): Odoo ranks a
 * partner as each (`customer_rank`, `supplier_rank`), which its sales and purchase apps order
 * partners by. The values are read by their words, in the lexicon's languages. Pure.
 */
import { assign, type BuildState, type TargetContext } from "./build-state.js";
import { quote } from "./literals.js";
import { conceptWords } from "./words.js";

/** A pick-list is a few values. */
const MAX_VALUES = 6;

export function partnerRanks(state: BuildState, context: TargetContext): void {
  const fields = context.model.fields;
  if (fields["customer_rank"] === undefined || fields["supplier_rank"] === undefined || context.taken.has("customer_rank")) return;
  if (rankFlags(state, context)) return;
  for (const column of context.columns) {
    const guess = column.profile.guess;
    if (context.used.has(column.path) || guess.type !== "text" || column.reference !== undefined) continue;
    const values = [...new Set(column.profile.values.map((value) => value.trim()).filter((value) => value !== ""))];
    if (values.length < 2 || values.length > MAX_VALUES) continue;
    const sides = values.map((value) => new Set(conceptWords(value)));
    // Every value a customer, a supplier or both, and nothing else; both sides present.
    if (!sides.every((words) => [...words].every((word) => word === "customer" || word === "supplier") && words.size > 0)) continue;
    const customers = values.filter((_, index) => sides[index]?.has("customer") === true);
    const suppliers = values.filter((_, index) => sides[index]?.has("supplier") === true);
    if (customers.length === 0 || suppliers.length === 0) continue;
    const condition = (side: readonly string[]): string =>
      side.length === 1 ? `${column.path} = ${quote(side[0] ?? "")}` : `${column.path} in [${side.map(quote).join(", ")}]`;
    const why = "whether the partner is a customer, a supplier or both: Odoo ranks it as each";
    assign(state, context, "customer_rank", `if ${condition(customers)} then 1 else 0`, [column], 0.8, why);
    assign(state, context, "supplier_rank", `if ${condition(suppliers)} then 1 else 0`, [column], 0.8, why);
    return;
  }
}

/**
 * Two yes/no flags headed customer and supplier (`Vevő`, `Szállító` I/N; `Kunde`, `Lieferant`
 * ja/nein): each its rank, as an invoicing program's partner card ticks them.
 */
function rankFlags(state: BuildState, context: TargetContext): boolean {
  const flag = (word: string): TargetContext["columns"][number] | undefined =>
    context.columns.find(
      (column) =>
        !context.used.has(column.path) &&
        column.reference === undefined &&
        column.profile.guess.type === "boolean" &&
        column.profile.words.length === 1 &&
        column.profile.words[0] === word,
    );
  const customer = flag("customer");
  const supplier = flag("supplier");
  if (customer === undefined || supplier === undefined) return false;
  const why = "a flag saying whether the partner is a customer, another whether a supplier: Odoo ranks it as each";
  assign(state, context, "customer_rank", `if ${customer.path} then 1 else 0`, [customer], 0.8, why);
  assign(state, context, "supplier_rank", `if ${supplier.path} then 1 else 0`, [supplier], 0.8, why);
  return true;
}
