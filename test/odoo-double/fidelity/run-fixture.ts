/**
 * The whole-run recordings of real Odoo servers (../shared/odoo/RUNS.md), kept in the repository
 * as one gzip per run folder (test/fixtures/odoo/<version>/runs/<package>.json.gz, rebuilt by
 * scripts/build-run-fixtures.ts): every HTTP exchange of a shipped package's lifecycle (run,
 * re-run, diff, rollback of the latest run, rollback of the first) in order, with what the CLI
 * printed in each phase.
 */

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import type { OdooVersion } from "../catalog.js";

export const RUN_PACKAGES = ["perfectbooks", "perfectview"] as const;
export type RunPackage = (typeof RUN_PACKAGES)[number];

export const RUN_PHASES = ["run", "rerun", "diff", "rollback-latest", "rollback-first"] as const;

export interface RecordedExchange {
  readonly seq: number;
  readonly phase: string;
  /** `/xmlrpc/2/common`, `/xmlrpc/2/object` or `/json/2/<model>/<method>`. */
  readonly path: string;
  readonly status: number;
  /** The server time the recording proxy saw, in ms (a busy machine: relative costs, see RUNS.md). */
  readonly ms?: number;
  /** `bearer REDACTED_LAB_API_KEY` on JSON-2 calls, null on XML-RPC. */
  readonly authorization: string | null;
  /** The `X-Odoo-Database` header of JSON-2 calls. */
  readonly database: string | null;
  readonly request?: string;
  readonly response?: string;
}

export interface RecordedRun {
  readonly version: string;
  readonly package: string;
  readonly exchanges: readonly RecordedExchange[];
  /** What the CLI printed, per phase. */
  readonly logs: Readonly<Record<string, string>>;
}

const FIXTURES = new URL("../../fixtures/odoo/", import.meta.url);

export function readRecordedRun(version: OdooVersion, runPackage: RunPackage): RecordedRun {
  const path = fileURLToPath(new URL(`${version}/runs/${runPackage}.json.gz`, FIXTURES));
  return JSON.parse(gunzipSync(readFileSync(path)).toString("utf8")) as RecordedRun;
}
