/**
 * Shared set-up for the client tests: a double of a given version, a connected client, the
 * events it emitted, and a retry clock that records backoff delays instead of sleeping.
 */

import { connectOdoo, Secret, type ConnectOptions, type OdooClient, type OdooClientEvent, type OdooProtocol } from "../../runtime/odoo/client.js";
import type { RetryRuntime } from "../../runtime/odoo/retry.js";
import { startOdooDouble, type DoubleOptions, type OdooDouble, type OdooVersion } from "../odoo-double/server.js";

export interface ProtocolCase {
  readonly label: string;
  readonly version: OdooVersion;
  readonly protocol: OdooProtocol;
}

/** The same client suite runs over each of these. */
export const PROTOCOL_CASES: readonly ProtocolCase[] = [
  { label: "XML-RPC on Odoo 17.0", version: "17.0", protocol: "xmlrpc" },
  { label: "XML-RPC on Odoo 18.0", version: "18.0", protocol: "xmlrpc" },
  { label: "XML-RPC on Odoo 19.0", version: "19.0", protocol: "xmlrpc" },
  { label: "JSON-2 on Odoo 19.0", version: "19.0", protocol: "json2" },
];

export const ADMIN_API_KEY = "flitmap-test-admin-key-0123456789";

export interface RecordingClock extends RetryRuntime {
  readonly sleeps: number[];
}

export function recordingClock(): RecordingClock {
  const sleeps: number[] = [];
  return { sleeps, random: () => 0.5, sleep: async (ms) => void sleeps.push(ms) };
}

export interface Session {
  readonly double: OdooDouble;
  readonly client: OdooClient;
  readonly events: OdooClientEvent[];
  readonly clock: RecordingClock;
}

export function optionsFor(double: OdooDouble, protocol: OdooProtocol, extra: Partial<ConnectOptions> = {}): ConnectOptions {
  return {
    url: double.url,
    database: double.database,
    login: "admin",
    credential: protocol === "json2" ? { kind: "api-key", secret: new Secret(ADMIN_API_KEY) } : { kind: "password", secret: new Secret("admin") },
    protocol,
    ...extra,
  };
}

export async function openSession(testCase: ProtocolCase, doubleOptions: Partial<DoubleOptions> = {}, connect: Partial<ConnectOptions> = {}): Promise<Session> {
  const double = await startOdooDouble({ version: testCase.version, apiKeys: [{ login: "admin", key: ADMIN_API_KEY }], ...doubleOptions });
  const events: OdooClientEvent[] = [];
  const clock = recordingClock();
  try {
    const client = await connectOdoo(optionsFor(double, testCase.protocol, { onEvent: (event) => events.push(event), retryRuntime: clock, ...connect }));
    return { double, client, events, clock };
  } catch (error) {
    await double.stop();
    throw error;
  }
}

export async function closeSession(session: Session | undefined): Promise<void> {
  if (!session) return;
  await session.client.close();
  await session.double.stop();
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
