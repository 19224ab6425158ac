/**
 * Two e-mail addresses in one cell, now and then (`info@x.gr; accounts@x.gr`): the first is the
 * partner's own, the second another mailbox of the firm's (its accounts office), which Odoo keeps
 * as a contact of the partner's, of type invoice when the mailbox's name says accounts or
 * invoices in the lexicon's languages. Found from the values, whatever the header says. Pure.
 */
import { findModel } from "../compiler/catalog/index.js";
import type { BuildState, MappedEntity } from "./build-state.js";
import type { ColumnProfile } from "./entities.js";
import { alias } from "./entity-models.js";
import { quote } from "./literals.js";
import type { BodyLine, TargetProposal } from "./proposal.js";
import { conceptWords } from "./words.js";

const MAILBOX = /^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/;
const SEPARATORS = [";", ","] as const;

/** Words of a mailbox's name (before the `@`) that say invoices go there. */
const INVOICE_WORDS: ReadonlySet<string> = new Set(["invoice", "billing", "accounting", "account", "finance", "bookkeeping"]);

export interface SecondMailbox {
  readonly column: ColumnProfile;
  readonly separator: (typeof SEPARATORS)[number];
  readonly type: "invoice" | "other";
}

/** The partner file's column holding one e-mail address a cell, or two now and then. */
export function secondMailbox(state: BuildState, entity: MappedEntity): SecondMailbox | undefined {
  if (entity.model !== "res.partner" || entity.split !== undefined || entity.contacts !== undefined || entity.usesFallback) return undefined;
  if (findModel(state.schema, "res.partner") === undefined) return undefined;
  for (const column of entity.profile.columns) {
    if (column.guess.type !== "text" || column.guess.multiline) continue;
    const filled = column.values.map((value) => value.trim()).filter((value) => value !== "");
    for (const separator of SEPARATORS) {
      const cells = filled.map((value) => value.split(separator).map((part) => part.trim()));
      const mailboxes = cells.filter((parts) => parts.length <= 2 && parts.every((part) => MAILBOX.test(part)));
      const seconds = mailboxes.flatMap((parts) => (parts.length === 2 ? [parts[1] ?? ""] : []));
      if (filled.length === 0 || mailboxes.length < filled.length * 0.9 || seconds.length < 2) continue;
      const invoices = seconds.filter((address) =>
        conceptWords(address.slice(0, address.indexOf("@")).replace(/[._-]+/g, " ")).some((word) => INVOICE_WORDS.has(word)),
      );
      return { column, separator, type: invoices.length * 2 > seconds.length ? "invoice" : "other" };
    }
  }
  return undefined;
}

/** The partner's own address is the cell's first: `email <- e_mail | split(";") | first | trim`. */
export function firstMailbox(body: BodyLine[], mailbox: SecondMailbox): void {
  const name = mailbox.column.name;
  body.forEach((line, index) => {
    if (line.kind !== "assign" || line.field !== "email" || line.columns.length !== 1 || line.columns[0] !== name) return;
    body[index] = {
      ...line,
      expression: `${name} | split(${quote(mailbox.separator)}) | first | trim`,
      comment: `${line.comment ?? ""}; the first of the cell's addresses`.replace(/^; /, ""),
    };
  });
}

/** `invoice: res.partner when e_mail | contains(";") { type = "invoice"  email <- e_mail | split(";") | last | trim ... }`. */
export function secondMailboxTarget(state: BuildState, entity: MappedEntity, mailbox: SecondMailbox, partnerAlias: string): TargetProposal {
  const { column, separator, type } = mailbox;
  state.log.add(entity.profile.name, column.name, { kind: "field", model: "res.partner", field: "email", confidence: 0.8 });
  const second = `${column.name} | split(${quote(separator)}) | last | trim`;
  const body: BodyLine[] = [
    { kind: "assign", field: "is_company", operator: "=", expression: "false", columns: [] },
    {
      kind: "assign",
      field: "type",
      operator: "=",
      expression: quote(type),
      columns: [],
      comment: `the second address of ${column.header}, another mailbox of the partner's`,
    },
    {
      kind: "assign",
      field: "name",
      operator: "<-",
      expression: second,
      columns: [column.name],
      comment: "`flitmap check` wants every partner named: by its address",
    },
    { kind: "assign", field: "parent_id", operator: "<-", expression: `ref ${partnerAlias}`, columns: [], comment: "the partner of the same row" },
    { kind: "assign", field: "email", operator: "<-", expression: second, columns: [column.name], comment: `80%: ${column.header}, its second address` },
  ];
  return { header: `${alias(state, type === "invoice" ? "invoice" : "mailbox")}: res.partner when ${column.name} | contains(${quote(separator)})`, body };
}
