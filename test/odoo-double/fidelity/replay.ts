/**
 * Replays the recorded requests of a real Odoo (test/fixtures/odoo/<version>/wire) against the
 * double, in the recorded order, and compares each answer with the recorded one. Record ids may
 * differ between the real database and the double, so ids are translated: every id the recorded
 * answers reveal is matched with the id the double answered at the same place (per model), and
 * later requests are rewritten with the double's ids. Timestamps only need to be timestamps.
 */

import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import serializer from "xmlrpc/lib/serializer.js";
import { decodeMethodResponse } from "../../../runtime/odoo/xmlrpc-codec.js";
import type { Catalog, OdooVersion } from "../catalog.js";
import { startOdooDouble, type OdooDouble } from "../server.js";
import { compareOutcome, Comparison, IdMap, isRecord, type Mismatch } from "./compare.js";
import { parseCall, send } from "./http.js";
import { Rewriter } from "./rewrite.js";

const FIXTURES = new URL("../../fixtures/odoo/", import.meta.url);

export interface ReplayOutcome {
  /** `<version>/<name>` for XML-RPC, `<version>/json2/<name>` for JSON-2. */
  readonly key: string;
  readonly name: string;
  readonly protocol: "xmlrpc" | "json2";
  readonly mismatches: readonly Mismatch[];
}

interface XmlRpcIndexEntry {
  readonly name: string;
  readonly endpoint: string;
  readonly method: string;
}

interface Json2IndexEntry {
  readonly name: string;
  readonly http_method: "GET" | "POST";
  readonly path: string;
  readonly request_headers: Record<string, string>;
  readonly status: number;
  readonly response_content_type: string;
}

/** Facts about the recording databases that no recorded call shows being set up. */
interface LabSetup {
  /** The internal user without Sales rights that the access-error recordings log in as. */
  readonly limitedUid: number;
  readonly limitedPartnerId: number;
  /** ir.model id of crm.lead in the recording database (it appears in requests). */
  readonly crmLeadModelId: number;
}

const LAB: Readonly<Record<OdooVersion, LabSetup>> = {
  "17.0": { limitedUid: 6, limitedPartnerId: 7, crmLeadModelId: 487 },
  "18.0": { limitedUid: 6, limitedPartnerId: 7, crmLeadModelId: 511 },
  "19.0": { limitedUid: 5, limitedPartnerId: 6, crmLeadModelId: 528 },
};

function fixture(version: OdooVersion, path: string): string {
  return readFileSync(fileURLToPath(new URL(`${version}/wire/${path}`, FIXTURES)), "utf8");
}

/** Starts a double for `version`, sets up what the lab database had, and replays everything. */
export async function replayVersion(version: OdooVersion): Promise<ReplayOutcome[]> {
  const lab = LAB[version];
  const double = await startOdooDouble({ version, apiKeys: [{ login: "admin", key: "REDACTED_LAB_API_KEY" }] });
  try {
    const ids = new IdMap();
    const limited = double.addUser({
      login: "wire_user",
      name: "Wire Limited User",
      password: "wire_pw",
      apiKey: "REDACTED_LAB_API_KEY_WIRE_USER",
      level: "limited",
    });
    ids.set("res.users", lab.limitedUid, limited.uid);
    ids.set("res.partner", lab.limitedPartnerId, limited.partnerId);
    const crmLead = [...double.orm.rows("ir.model")].find((row) => row["model"] === "crm.lead");
    if (crmLead) ids.set("ir.model", lab.crmLeadModelId, crmLead.id);
    const outcomes: ReplayOutcome[] = [];
    const catalog = double.orm.catalog;
    const rewriter = new Rewriter(catalog, ids);

    const index = JSON.parse(fixture(version, "_index.json")) as XmlRpcIndexEntry[];
    for (const entry of index) {
      const request = await parseCall(fixture(version, `${entry.name}.request.xml`));
      const recorded = await decodeMethodResponse(fixture(version, `${entry.name}.response.xml`));
      const params = [...request.params];
      let model: string | undefined;
      let method = request.method;
      if (request.method === "execute_kw") {
        model = String(params[3]);
        method = String(params[4]);
        params[1] = ids.forward("res.users", Number(params[1]));
        const rewritten = rewriter.call(model, method, Array.isArray(params[5]) ? (params[5] as unknown[]) : [], isRecord(params[6]) ? params[6] : {});
        params[5] = rewritten.args;
        if (params.length > 6) params[6] = rewritten.kwargs;
      }
      const answer = await send(
        `${double.url}${entry.endpoint}`,
        "POST",
        { "Content-Type": "text/xml" },
        serializer.serializeMethodCall(request.method, params),
      );
      const comparison = new Comparison(catalog, ids);
      if (answer.status !== 200) comparison.fail("status", 200, answer.status, answer.body.slice(0, 300));
      else compareOutcome(comparison, model, method, recorded, await decodeMethodResponse(answer.body));
      outcomes.push({ key: `${version}/${entry.name}`, name: entry.name, protocol: "xmlrpc", mismatches: comparison.mismatches });
      // The lab created a second tag between these two recorded calls (Carol is tagged with it).
      if (entry.name === "create_partner_category") {
        const tagB = double.addRecord("res.partner.category", { name: "Wire Tag B" });
        ids.set("res.partner.category", 2, tagB);
      }
    }
    if (version === "19.0") outcomes.push(...(await replayJson2(double, catalog, ids, rewriter)));
    return outcomes;
  } finally {
    await double.stop();
  }
}

async function replayJson2(double: OdooDouble, catalog: Catalog, ids: IdMap, rewriter: Rewriter): Promise<ReplayOutcome[]> {
  const version = "19.0";
  const index = JSON.parse(fixture(version, "json2/_index.json")) as Json2IndexEntry[];
  const outcomes: ReplayOutcome[] = [];
  for (const entry of index) {
    const requestPath = `json2/${entry.name}.request.json`;
    const hasBody = existsSync(fileURLToPath(new URL(`${version}/wire/${requestPath}`, FIXTURES)));
    const rawBody = hasBody ? fixture(version, requestPath) : undefined;
    const match = /^\/json\/2\/([^/]+)\/([^/]+)$/.exec(entry.path);
    const model = match?.[1];
    const method = match?.[2] ?? entry.path;
    let body = rawBody;
    if (rawBody !== undefined && model !== undefined) {
      try {
        const parsed = JSON.parse(rawBody) as Record<string, unknown>;
        body = JSON.stringify(rewriter.call(model, method, [], parsed).kwargs);
      } catch {
        body = rawBody; // the invalid-JSON recording is replayed byte for byte
      }
    }
    const answer = await send(`${double.url}${entry.path}`, entry.http_method, entry.request_headers, body);
    const recordedText = fixture(version, `json2/${entry.name}.response.json`);
    const comparison = new Comparison(catalog, ids);
    comparison.exact("status", entry.status, answer.status);
    comparison.exact("content type", entry.response_content_type, answer.contentType);
    if (entry.response_content_type.includes("json") && answer.contentType.includes("json")) {
      const recorded = JSON.parse(recordedText) as unknown;
      const actual = JSON.parse(answer.body) as unknown;
      if (entry.status === 200) comparison.result(model, method, recorded, actual);
      else if (isRecord(recorded) && isRecord(actual)) {
        for (const key of ["name", "message", "arguments", "context"]) comparison.exact(key, recorded[key], actual[key]);
        if (typeof actual["debug"] !== "string") comparison.fail("debug", "a traceback", actual["debug"], "expected a string");
      } else comparison.exact("body", recorded, actual);
    } else if (entry.status === 404 && !entry.response_content_type.includes("json")) {
      comparison.exact("body", recordedText, answer.body);
    }
    outcomes.push({ key: `${version}/json2/${entry.name}`, name: entry.name, protocol: "json2", mismatches: comparison.mismatches });
  }
  return outcomes;
}
