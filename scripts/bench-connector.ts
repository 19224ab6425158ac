/**
 * Connector benchmark against the Odoo double: rows per second for loading partners with load()
 * in batches of 100, 500 and 1,000 against one create per row (the baseline measured in the same
 * run), over XML-RPC and JSON-2, and where the time of a call goes (client vs server).
 *
 *   npx tsx scripts/bench-connector.ts [--rows 10000] [--protocol xmlrpc|json2|both]
 *
 * The double answers in well under a millisecond where a real Odoo takes ~50 ms per call, so
 * absolute figures say how much the client and the transport cost, not what a migration will
 * reach; the ratios show how batching amortises per-call costs. Real servers measured (2 cores):
 * one create per row 16 rows/s, load() of 1,000 rows 519 (17.0) to 809 (19.0) rows/s.
 */

import { performance } from "node:perf_hooks";
import { loadInBatches, QUIET_IMPORT_CONTEXT, type LoadRow } from "../runtime/odoo/batch-loader.js";
import { connectOdoo, Secret, type OdooClient, type OdooProtocol } from "../runtime/odoo/client.js";
import { encodeMethodCall, decodeMethodResponse } from "../runtime/odoo/xmlrpc-codec.js";
import { startOdooDouble, type OdooDouble } from "../test/odoo-double/server.js";

interface Arguments {
  readonly rows: number;
  readonly protocols: readonly OdooProtocol[];
}

function parseArguments(argv: readonly string[]): Arguments {
  let rows = 10_000;
  let protocols: OdooProtocol[] = ["xmlrpc", "json2"];
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    const value = argv[index + 1];
    if (flag === "--rows" && value !== undefined) {
      rows = Number.parseInt(value, 10);
      index += 1;
    } else if (flag === "--protocol" && value !== undefined) {
      protocols = value === "both" ? ["xmlrpc", "json2"] : [value as OdooProtocol];
      index += 1;
    }
  }
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`--rows must be a positive integer, not ${String(rows)}`);
  return { rows, protocols };
}

const API_KEY = "bench-api-key-0123456789";

async function withDouble<T>(protocol: OdooProtocol, work: (double: OdooDouble, client: OdooClient) => Promise<T>): Promise<T> {
  // JSON-2 exists from 19.0; XML-RPC is measured on 17.0, the oldest recorded version.
  const double = await startOdooDouble({ version: protocol === "json2" ? "19.0" : "17.0", apiKeys: [{ login: "admin", key: API_KEY }] });
  const client = await connectOdoo({
    url: double.url,
    database: double.database,
    login: "admin",
    credential: protocol === "json2" ? { kind: "api-key", secret: new Secret(API_KEY) } : { kind: "password", secret: new Secret("admin") },
    protocol,
  });
  try {
    return await work(double, client);
  } finally {
    await client.close();
    await double.stop();
  }
}

function partnerRows(count: number, tag: string): LoadRow[] {
  return Array.from({ length: count }, (_unused, index) => ({
    key: String(index),
    cells: [`bench_${tag}.p${index}`, `Bench partner ${index}`, `p${index}@bench.example`, index % 10 === 0 ? "1" : "0", "Belgium"],
  }));
}

interface Measurement {
  readonly label: string;
  readonly rows: number;
  readonly seconds: number;
  readonly calls: number;
  readonly serverMs: number;
}

async function measureCreatePerRow(protocol: OdooProtocol, rows: number): Promise<Measurement> {
  return withDouble(protocol, async (double, client) => {
    double.clearCallLog();
    const started = performance.now();
    for (let index = 0; index < rows; index += 1) {
      await client.create(
        "res.partner",
        [{ name: `Bench partner ${index}`, email: `p${index}@bench.example`, is_company: index % 10 === 0, country_id: 20 }],
        QUIET_IMPORT_CONTEXT,
      );
    }
    const seconds = (performance.now() - started) / 1000;
    const calls = double.callLog.filter((entry) => entry.method === "create");
    return { label: "create, one row per call", rows, seconds, calls: calls.length, serverMs: calls.reduce((sum, entry) => sum + (entry.serverMs ?? 0), 0) };
  });
}

async function measureLoad(protocol: OdooProtocol, rows: number, batchSize: number, concurrency: number): Promise<Measurement> {
  return withDouble(protocol, async (double, client) => {
    double.clearCallLog();
    const started = performance.now();
    const result = await loadInBatches(
      client,
      "res.partner",
      ["id", "name", "email", "is_company", "country_id"],
      partnerRows(rows, `${batchSize}_${concurrency}`),
      { batchSize, concurrency },
    );
    const seconds = (performance.now() - started) / 1000;
    if (result.loaded.length !== rows) throw new Error(`load lost rows: ${result.loaded.length} of ${rows} (${JSON.stringify(result.rejected.slice(0, 3))})`);
    const calls = double.callLog.filter((entry) => entry.method === "load");
    return {
      label: `load(), batches of ${batchSize}${concurrency > 1 ? `, ${concurrency} in parallel` : ""}`,
      rows,
      seconds,
      calls: calls.length,
      serverMs: calls.reduce((sum, entry) => sum + (entry.serverMs ?? 0), 0),
    };
  });
}

/** The client's own encode/decode cost for one load() call of 1,000 rows (XML-RPC). */
async function codecCost(): Promise<{ encodeMs: number; decodeMs: number; bytes: number }> {
  const rows = partnerRows(1000, "codec").map((row) => row.cells);
  const repeats = 20;
  let body = "";
  const encodeStarted = performance.now();
  for (let index = 0; index < repeats; index += 1)
    body = encodeMethodCall("execute_kw", ["db", 2, "secret", "res.partner", "load", [["id", "name", "email", "is_company", "country_id"], rows], {}]);
  const encodeMs = (performance.now() - encodeStarted) / repeats;
  const ids = Array.from({ length: 1000 }, (_unused, index) => `<value><int>${index + 1}</int></value>\n`).join("");
  const response = `<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value><struct>\n<member>\n<name>ids</name>\n<value><array><data>\n${ids}</data></array></value>\n</member>\n<member>\n<name>messages</name>\n<value><array><data>\n</data></array></value>\n</member>\n</struct></value>\n</param>\n</params>\n</methodResponse>\n`;
  const decodeStarted = performance.now();
  for (let index = 0; index < repeats; index += 1) await decodeMethodResponse(response);
  const decodeMs = (performance.now() - decodeStarted) / repeats;
  return { encodeMs, decodeMs, bytes: Buffer.byteLength(body) };
}

function formatRow(measurement: Measurement, baselineRate: number): string {
  const rate = measurement.rows / measurement.seconds;
  const perCallMs = (measurement.seconds * 1000) / measurement.calls;
  const serverPerCallMs = measurement.serverMs / measurement.calls;
  const clientPerCallMs = perCallMs - serverPerCallMs;
  return [
    measurement.label.padEnd(36),
    rate.toFixed(0).padStart(9),
    `${(rate / baselineRate).toFixed(1)}x`.padStart(8),
    String(measurement.calls).padStart(7),
    perCallMs.toFixed(2).padStart(10),
    serverPerCallMs.toFixed(2).padStart(10),
    clientPerCallMs.toFixed(2).padStart(10),
    `${((100 * clientPerCallMs) / perCallMs).toFixed(0)}%`.padStart(8),
  ].join(" ");
}

async function main(): Promise<void> {
  const { rows, protocols } = parseArguments(process.argv.slice(2));
  console.log(`Loading ${rows} res.partner rows into the Odoo double (client and double in one Node process on ${process.arch}, Node ${process.version}).`);
  for (const protocol of protocols) {
    console.log(`\n${protocol === "json2" ? "JSON-2 (double of 19.0)" : "XML-RPC (double of 17.0)"}`);
    console.log(
      [
        "scenario".padEnd(36),
        "rows/s".padStart(9),
        "vs create".padStart(8),
        "calls".padStart(7),
        "ms/call".padStart(10),
        "server ms".padStart(10),
        "client ms".padStart(10),
        "client %".padStart(8),
      ].join(" "),
    );
    const baseline = await measureCreatePerRow(protocol, rows);
    const baselineRate = baseline.rows / baseline.seconds;
    console.log(formatRow(baseline, baselineRate));
    for (const batchSize of [100, 500, 1000]) console.log(formatRow(await measureLoad(protocol, rows, batchSize, 1), baselineRate));
    console.log(formatRow(await measureLoad(protocol, rows, 500, 2), baselineRate));
  }
  const codec = await codecCost();
  console.log(
    `\nClient codec for one load() of 1,000 rows over XML-RPC: encode ${codec.encodeMs.toFixed(1)} ms (${(codec.bytes / 1024).toFixed(0)} KiB), decode of the answer ${codec.decodeMs.toFixed(1)} ms.`,
  );
  console.log("client ms = wall time per call minus the double's processing time (encoding, HTTP on 127.0.0.1, decoding, retries bookkeeping).");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
