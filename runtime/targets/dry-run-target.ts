/**
 * A dry run: every row is read, transformed and checked against the plan's field rules, nothing is
 * written. With a live server the lookups are resolved against it; without one, against the
 * target's reference data in the plan.
 */
import { FILE_WRITE_ROWS } from "./files-target.js";
import type { CustomFieldPlan, LookupPlan, RecordPlan } from "../../compiler/plan/schema.js";
import type { RecordRef } from "../transform/values.js";
import {
  knownTargetRecords,
  type ExistingRecord,
  type LoadTarget,
  type SetupOutcome,
  type TargetCapabilities,
  type TargetRecord,
  type WriteBatch,
  type WriteResult,
} from "./target.js";

export class DryRunTarget implements LoadTarget {
  readonly mode = "dry-run" as const;
  /** Nothing is kept, and a dry run against a server names nothing, so a lookup may match any record. */
  // Rows wait for their batch no longer than for import files (files-target.ts says why).
  readonly capabilities: TargetCapabilities = { keepsRecords: false, earlierRecords: "none", lookupMatches: "id", output: "nothing", writeRows: FILE_WRITE_ROWS };
  readonly referenceStyle = "xmlid" as const;

  constructor(private readonly reader?: LoadTarget) {}

  describe(): string {
    return this.reader === undefined ? "a dry run (nothing written)" : `a dry run against ${this.reader.describe()} (nothing written)`;
  }

  async lookupRecords(lookup: LookupPlan): Promise<readonly TargetRecord[]> {
    if (this.reader !== undefined) return this.reader.lookupRecords(lookup);
    return knownTargetRecords(lookup);
  }

  async ensureCustomFields(fields: readonly CustomFieldPlan[]): Promise<readonly SetupOutcome[]> {
    return fields.map((field) => ({ kind: "custom-field", model: field.model, name: field.name, id: 0, action: "created" }));
  }

  async ensureRecords(records: readonly RecordPlan[]): Promise<{ outcomes: readonly SetupOutcome[]; refs: ReadonlyMap<string, RecordRef> }> {
    const refs = new Map<string, RecordRef>(
      records.map((record) => [record.xmlid, { kind: "record", model: record.model, xmlid: record.xmlid, label: record.name }]),
    );
    return {
      outcomes: records.map((record) => ({
        kind: "record",
        model: record.model,
        name: record.name,
        xmlid: record.xmlid,
        id: 0,
        action: record.existing ? "existing" : "created",
      })),
      refs,
    };
  }

  async existing(): Promise<ReadonlyMap<string, ExistingRecord>> {
    return new Map();
  }

  async write(batch: WriteBatch): Promise<WriteResult> {
    return { loaded: batch.rows.map((row) => ({ key: row.key, id: 0 })), rejected: [] };
  }

  async close(): Promise<void> {
    await this.reader?.close();
  }
}
