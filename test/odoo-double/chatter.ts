/**
 * What a migration must not leave behind, modelled so that tests can prove it absent: the
 * "created" log message and the author's subscription on creating a mail.thread record, tracking
 * messages (with their mail.tracking.value rows) when tracked fields change, and e-mail
 * notifications (mail.mail rows, never sent) to users a record or an activity is assigned to.
 * Each is switched off by the context keys Odoo reads: tracking_disable, mail_create_nolog,
 * mail_create_nosubscribe, mail_notrack, mail_auto_subscribe_no_notify, mail_activity_quick_update.
 */

import type { ModelSpec } from "./catalog.js";
import type { Env, Orm } from "./orm.js";
import type { Row } from "./store.js";
import { escapeHtml, num } from "./values.js";

/** Fields whose change writes a tracking message in chatter (tracking=True in Odoo). */
const TRACKED: Readonly<Record<string, readonly string[]>> = {
  "crm.lead": ["stage_id", "user_id", "team_id", "partner_id", "expected_revenue", "active", "lost_reason_id"],
  "sale.order": ["state", "partner_id", "user_id", "amount_untaxed", "amount_total"],
  "account.move": ["state", "partner_id"],
  "res.partner": ["user_id"],
};

/** Models whose salesperson is subscribed and notified on assignment. */
const ASSIGNMENT_NOTIFIED: ReadonlySet<string> = new Set(["crm.lead", "sale.order", "account.move"]);

export interface TrackedChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

export class Chatter {
  readonly #orm: Orm;
  /** Records created in the current call with tracking off: mail.thread.create discards their tracking for the transaction. */
  readonly #discarded = new Set<string>();
  /** Followers inserted by the batch being created (`batch`), and how many it inserted twice. */
  #batch: { readonly added: Set<string>; duplicates: number } | undefined;

  constructor(orm: Orm) {
    this.#orm = orm;
  }

  isTracked(model: string, field: string): boolean {
    return TRACKED[model]?.includes(field) ?? false;
  }

  /**
   * Runs `work`, the creation of a batch of records in one create() (or one load()), and says how
   * many followers it inserted twice. Odoo 17 and 18 subscribe an activity's user to its document
   * once per activity of the batch, without removing repeats, so two activities of one document and
   * user in one batch insert the same follower twice and the batch fails (19.0 subscribes a set).
   * Batches nest: only the outermost one counts.
   */
  batch<T>(work: () => T): { readonly result: T; readonly duplicateFollowers: number } {
    if (this.#batch !== undefined) return { result: work(), duplicateFollowers: 0 };
    const batch = { added: new Set<string>(), duplicates: 0 };
    this.#batch = batch;
    try {
      return { result: work(), duplicateFollowers: batch.duplicates };
    } finally {
      this.#batch = undefined;
    }
  }

  /** mail.thread.create and mail.activity.create. */
  created(env: Env, spec: ModelSpec, row: Row): void {
    const orm = this.#orm;
    if (spec.name === "mail.activity") {
      const assignee = row["user_id"];
      if (typeof assignee === "number" && assignee !== env.uid && !env.context["mail_activity_quick_update"]) {
        this.notify(assignee, `${this.userName(env.uid)} assigned you an activity`, String(row["res_model"] ?? ""), num(row["res_id"]), "activity");
      }
      // mail.activity.create subscribes the assigned user to the document, whatever the context.
      const partner = typeof assignee === "number" ? orm.userPartnerId(assignee) : undefined;
      if (partner !== undefined && typeof row["res_model"] === "string" && typeof row["res_id"] === "number")
        this.follow(row["res_model"], row["res_id"], partner);
    }
    if (!spec.isMailThread) return;
    if (env.context["tracking_disable"]) {
      this.#discarded.add(`${spec.name},${row.id}`);
      return;
    }
    const authorPartner = orm.userPartnerId(env.uid);
    if (!env.context["mail_create_nosubscribe"] && authorPartner !== undefined) this.follow(spec.name, row.id, authorPartner);
    if (!env.context["mail_create_nolog"]) this.post(spec.name, row.id, `<p>${escapeHtml(spec.description)} created</p>`, authorPartner, []);
    const assignee = row["user_id"];
    if (ASSIGNMENT_NOTIFIED.has(spec.name) && typeof assignee === "number" && assignee !== env.uid && !env.context["mail_auto_subscribe_no_notify"]) {
      this.assign(spec, row, assignee);
    }
  }

  /** The tracked fields' values before a write. */
  trackedValues(spec: ModelSpec, row: Row): Record<string, unknown> {
    const before: Record<string, unknown> = {};
    for (const name of TRACKED[spec.name] ?? []) before[name] = this.#orm.value(spec.name, row, name);
    return before;
  }

  /** mail.thread.write: tracking of the written tracked fields, and the notification of a new salesperson. */
  written(env: Env, spec: ModelSpec, row: Row, written: ReadonlySet<string>, before: Record<string, unknown>): void {
    if (!spec.isMailThread || env.context["tracking_disable"] || this.#discarded.has(`${spec.name},${row.id}`)) return;
    const orm = this.#orm;
    const changes = (TRACKED[spec.name] ?? [])
      .filter((name) => written.has(name) && JSON.stringify(before[name]) !== JSON.stringify(orm.value(spec.name, row, name)))
      .map((name) => ({ field: name, before: before[name], after: orm.value(spec.name, row, name) }));
    if (changes.length > 0 && !env.context["mail_notrack"]) this.post(spec.name, row.id, "", orm.userPartnerId(env.uid), changes);
    const assignee = row["user_id"];
    const reassigned = changes.some((change) => change.field === "user_id");
    if (
      reassigned &&
      ASSIGNMENT_NOTIFIED.has(spec.name) &&
      typeof assignee === "number" &&
      assignee !== env.uid &&
      !env.context["mail_auto_subscribe_no_notify"]
    ) {
      this.assign(spec, row, assignee);
    }
  }

  /**
   * Stored computed fields recomputed when the call's changes are flushed. Odoo flushes in the
   * transaction's first environment, the server's own (XML-RPC's execute_kw, JSON-2's request),
   * which never carries the call's context: a tracked one (an order's totals after its lines were
   * loaded) is tracked whatever context the call had, unless the record was created in this same
   * call with tracking_disable (mail.thread.create discarded its tracking).
   */
  recomputed(uid: number, model: string, id: number, changes: readonly TrackedChange[]): void {
    const tracked = changes.filter((change) => this.isTracked(model, change.field));
    if (tracked.length === 0 || this.#discarded.has(`${model},${id}`)) return;
    if (!this.#orm.catalog.models.get(model)?.isMailThread) return;
    this.post(model, id, "", this.#orm.userPartnerId(uid), tracked);
  }

  /** The call is over: what it discarded is forgotten with its transaction. */
  endCall(): void {
    this.#discarded.clear();
  }

  private assign(spec: ModelSpec, row: Row, assignee: number): void {
    const partner = this.#orm.userPartnerId(assignee);
    if (partner !== undefined) this.follow(spec.name, row.id, partner);
    this.notify(assignee, `You have been assigned to ${this.#orm.displayName(spec.name, row)}`, spec.name, row.id, "assignment");
  }

  private follow(model: string, resId: number, partnerId: number): void {
    const { catalog, store } = this.#orm;
    if (!catalog.models.has("mail.followers")) return;
    const key = `${model},${resId},${partnerId}`;
    if (store.lookup("mail.followers", "document", `${model},${resId}`).some((existing) => existing["partner_id"] === partnerId)) {
      if (this.#batch?.added.has(key) === true) this.#batch.duplicates += 1;
      return;
    }
    store.insert("mail.followers", { id: store.nextId("mail.followers"), res_model: model, res_id: resId, partner_id: partnerId });
    this.#batch?.added.add(key);
  }

  /** A log message (subtype Note) on a record, with a mail.tracking.value row per change. */
  private post(model: string, resId: number, body: string, authorPartner: number | undefined, changes: readonly TrackedChange[]): void {
    const orm = this.#orm;
    const { store } = orm;
    const subtype = [...orm.rows("mail.message.subtype")].find((candidate) => candidate["name"] === "Note");
    const now = orm.now();
    const messageId = store.nextId("mail.message");
    store.insert("mail.message", {
      id: messageId,
      model,
      res_id: resId,
      message_type: "notification",
      body,
      subtype_id: subtype?.id ?? false,
      author_id: authorPartner ?? false,
      date: now,
      create_date: now,
      write_date: now,
    });
    for (const change of changes) {
      const field = [...orm.rows("ir.model.fields")].find((candidate) => candidate["model"] === model && candidate["name"] === change.field);
      store.insert("mail.tracking.value", {
        id: store.nextId("mail.tracking.value"),
        mail_message_id: messageId,
        field_id: field?.id ?? false,
        old_value: change.before,
        new_value: change.after,
        create_date: now,
        write_date: now,
      });
    }
  }

  /** An e-mail Odoo would send (kept in `mail.mail`, never sent). */
  private notify(uid: number, subject: string, model: string, resId: number, reason: string): void {
    const orm = this.#orm;
    const partnerId = orm.userPartnerId(uid);
    const partner = partnerId === undefined ? undefined : orm.store.get("res.partner", partnerId);
    orm.store.insert("mail.mail", {
      id: orm.store.nextId("mail.mail"),
      subject,
      email_to: partner?.["email"] ?? false,
      recipient_partner_id: partnerId ?? false,
      model,
      res_id: resId,
      reason,
      state: "outgoing",
    });
  }

  private userName(uid: number): string {
    return String(this.#orm.store.get("res.users", uid)?.["name"] ?? `user ${uid}`);
  }
}
