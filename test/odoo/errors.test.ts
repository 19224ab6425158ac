/**
 * Odoo's failures become typed errors: first read straight from every recorded fault of the real
 * servers, then provoked through the client against the double over both protocols.
 */

import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectOdoo, OdooError, Secret, type OdooErrorKind } from "../../runtime/odoo/client.js";
import { errorFromJson2Response, errorFromXmlRpcFault } from "../../runtime/odoo/errors.js";
import { AttemptFailed, DEFAULT_RETRY_POLICY, withRetries } from "../../runtime/odoo/retry.js";
import { TransportError } from "../../runtime/odoo/transport.js";
import { decodeMethodResponse } from "../../runtime/odoo/xmlrpc-codec.js";
import { closeSession, openSession, optionsFor, PROTOCOL_CASES, recordingClock, rejection, type Session } from "./support.js";

const FIXTURES = new URL("../fixtures/odoo/", import.meta.url);
const fixture = (path: string): string => readFileSync(fileURLToPath(new URL(path, FIXTURES)), "utf8");

const XMLRPC_FAULT_KINDS: Readonly<Record<string, OdooErrorKind>> = {
  common_authenticate_unknown_db: "unknown-database",
  error_access_denied_wrong_password: "access-denied",
  error_access_limited_user_create_user: "access-error",
  error_access_limited_user_read: "access-error",
  error_access_private_method: "access-error",
  error_create_invalid_selection: "bad-value",
  error_create_m2o_nonexistent_id: "constraint",
  error_create_missing_required: "constraint",
  error_missing_write: "missing-record",
  error_nonexistent_field_create: "unknown-field",
  error_nonexistent_field_domain: "unknown-field",
  error_nonexistent_field_read: "unknown-field",
  error_nonexistent_method: "unknown-method",
  error_nonexistent_model: "unknown-model",
  error_server_cannot_marshal_none: "server-error",
  error_server_cannot_marshal_none_bank: "server-error",
  error_server_dict_int_keys: "server-error",
  error_user_error_unlink_user_partner: "validation",
  error_validation_recursive_parent: "validation",
  error_validation_sql_constraint: "constraint",
  error_write_wrong_type: "bad-value",
  ir_model_fields_create_bad_name: "constraint",
  legacy_xmlrpc_object_access_error: "access-error",
  legacy_xmlrpc_object_fault: "unknown-model",
  name_search_partner: "bad-request",
  search_read_with_context: "validation",
};

const JSON2_ERROR_KINDS: Readonly<Record<string, OdooErrorKind>> = {
  error_no_auth: "access-denied",
  error_bad_key: "access-denied",
  error_unknown_db_header: "unknown-database",
  error_nonexistent_model: "unknown-model",
  error_nonexistent_method: "unknown-method",
  error_private_method: "access-error",
  error_ids_on_model_method: "bad-request",
  error_bad_argument_name: "bad-request",
  error_invalid_json: "bad-request",
  error_get_method: "protocol",
  error_access_limited_user: "access-error",
  error_validation_recursive_parent: "validation",
  error_validation_sql_constraint: "constraint",
  error_missing_write: "missing-record",
  error_nonexistent_field_read: "unknown-field",
  error_nonexistent_field_create: "unknown-field",
  error_create_m2o_nonexistent_id: "constraint",
  error_create_invalid_selection: "bad-value",
  error_create_missing_required: "constraint",
};

describe("every recorded fault of the real servers reads as a typed error", () => {
  for (const version of ["17.0", "18.0", "19.0"]) {
    const index = JSON.parse(fixture(`${version}/wire/_index.json`)) as Array<{ name: string; fault_code?: unknown }>;
    for (const entry of index.filter((candidate) => candidate.fault_code !== undefined)) {
      it(`${version} XML-RPC ${entry.name}`, async () => {
        const outcome = await decodeMethodResponse(fixture(`${version}/wire/${entry.name}.response.xml`));
        expect(outcome.kind).toBe("fault");
        if (outcome.kind !== "fault") return;
        const error = errorFromXmlRpcFault(outcome.faultCode, outcome.faultString);
        expect(error.kind).toBe(XMLRPC_FAULT_KINDS[entry.name]);
        expect(error.odooMessage).not.toContain("Traceback");
        expect(error.odooMessage.length).toBeGreaterThan(0);
        if (error.kind === "unknown-field") expect(error.field).toBe("no_such_field");
      });
    }
  }
  const json2Index = JSON.parse(fixture("19.0/wire/json2/_index.json")) as Array<{ name: string; status: number; response_content_type: string }>;
  for (const entry of json2Index.filter((candidate) => candidate.status !== 200)) {
    it(`19.0 JSON-2 ${entry.name} (HTTP ${entry.status})`, () => {
      const error = errorFromJson2Response(entry.status, fixture(`19.0/wire/json2/${entry.name}.response.json`), entry.response_content_type);
      expect(error.kind).toBe(JSON2_ERROR_KINDS[entry.name]);
      expect(error.httpStatus).toBe(entry.status);
    });
  }

  it("keeps the user-facing text of a RedirectWarning and Odoo's own message", async () => {
    const outcome = await decodeMethodResponse(fixture("17.0/wire/error_user_error_unlink_user_partner.response.xml"));
    if (outcome.kind !== "fault") throw new Error("expected a fault");
    const error = errorFromXmlRpcFault(outcome.faultCode, outcome.faultString, { model: "res.partner", method: "unlink" });
    expect(error.exceptionClass).toBe("odoo.exceptions.RedirectWarning");
    expect(error.odooMessage).toBe(
      "You cannot delete contacts linked to an active user.\nYou should rather archive them after archiving their associated user.\n\nLinked active users : Wire Limited User",
    );
    expect(error.message.startsWith("res.partner.unlink: You cannot delete contacts")).toBe(true);
  });

  it("reads the class and message from the last line of a traceback", async () => {
    const outcome = await decodeMethodResponse(fixture("18.0/wire/error_nonexistent_method.response.xml"));
    if (outcome.kind !== "fault") throw new Error("expected a fault");
    const error = errorFromXmlRpcFault(outcome.faultCode, outcome.faultString);
    expect(error.exceptionClass).toBe("AttributeError");
    expect(error.odooMessage).toBe("The method 'res.partner.no_such_method' does not exist");
  });
});

describe.each(PROTOCOL_CASES)("errors provoked through the client over $label", (testCase) => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession(testCase, { users: [{ login: "limited", password: "limited-pw", apiKey: "limited-key-0123456789", level: "limited" }] });
  });
  afterAll(async () => {
    await closeSession(session);
  });

  const kindOf = async (promise: Promise<unknown>): Promise<OdooError> => {
    const error = await rejection(promise);
    expect(error).toBeInstanceOf(OdooError);
    return error as OdooError;
  };

  it("access-error: a user without Sales rights reads leads", async () => {
    const limited = await connectOdoo(
      optionsFor(session.double, testCase.protocol, {
        login: "limited",
        credential:
          testCase.protocol === "json2"
            ? { kind: "api-key", secret: new Secret("limited-key-0123456789") }
            : { kind: "password", secret: new Secret("limited-pw") },
      }),
    );
    try {
      const error = await kindOf(limited.searchRead("crm.lead", [], ["name"]));
      expect(error.kind).toBe("access-error");
      expect(
        error.odooMessage.startsWith(`You are not allowed to access '${testCase.version === "19.0" ? "Lead" : "Lead/Opportunity"}' (crm.lead) records.`),
      ).toBe(true);
      expect(error.model).toBe("crm.lead");
      expect(error.method).toBe("search_read");
    } finally {
      await limited.close();
    }
  });

  it("validation: a partner made its own ancestor", async () => {
    const { client } = session;
    const [parent] = await client.create("res.partner", [{ name: "Cycle parent", is_company: true }]);
    const [child] = await client.create("res.partner", [{ name: "Cycle child", parent_id: parent }]);
    const error = await kindOf(client.write("res.partner", [parent ?? 0], { parent_id: child }));
    expect([error.kind, error.odooMessage]).toEqual(["validation", "You cannot create recursive Partner hierarchies."]);
  });

  it("missing-record: writing a record that does not exist", async () => {
    const error = await kindOf(session.client.write("res.partner", [999999999], { name: "ghost" }));
    expect(error.kind).toBe("missing-record");
    expect(error.odooMessage).toBe(`Record does not exist or has been deleted.\n(Record: res.partner(999999999,), User: ${session.double.adminUid})`);
  });

  it("unknown-model, unknown-field and unknown-method", async () => {
    const { client } = session;
    expect((await kindOf(client.search("x.no.such.model", []))).kind).toBe("unknown-model");
    const readError = await kindOf(client.read("res.partner", [1], ["name", "no_such_field"]));
    expect([readError.kind, readError.field]).toEqual(["unknown-field", "no_such_field"]);
    const createError = await kindOf(client.create("res.partner", [{ name: "x", x_not_created_yet: 1 }]));
    expect([createError.kind, createError.field]).toEqual(["unknown-field", "x_not_created_yet"]);
    expect((await kindOf(client.call("res.partner", "no_such_method", [], {}))).kind).toBe("unknown-method");
  });

  it("constraint: a many2one to nothing, a missing required value, a CHECK constraint", async () => {
    const { client } = session;
    const foreignKey = await kindOf(client.create("res.partner", [{ name: "Bad country", country_id: 999999 }]));
    expect(foreignKey.kind).toBe("constraint");
    expect(foreignKey.odooMessage.startsWith("The operation cannot be completed:")).toBe(true);
    expect((await kindOf(client.create("res.partner.category", [{ color: 3 }]))).kind).toBe("constraint");
    const check = await kindOf(client.create("crm.lead", [{ name: "Bad probability", probability: 150 }]));
    expect([check.kind, check.odooMessage]).toEqual([
      "constraint",
      "The operation cannot be completed: The probability of closing the deal should be between 0% and 100%!",
    ]);
  });

  it("bad-value: a selection key Odoo does not know, text in a number field", async () => {
    const { client } = session;
    const selection = await kindOf(client.create("crm.lead", [{ name: "Bad type", type: "bogus" }]));
    expect([selection.kind, selection.odooMessage]).toEqual(["bad-value", "Wrong value for crm.lead.type: 'bogus'"]);
    const number = await kindOf(client.write("res.partner", [1], { partner_latitude: "not-a-number" }));
    expect([number.kind, number.odooMessage]).toEqual(["bad-value", "could not convert string to float: 'not-a-number'"]);
  });

  it("bad-request: arguments the method does not take", async () => {
    const error = await kindOf(session.client.call("res.partner", "search", [], { domain: [], no_such_argument: 1 }));
    expect(error.kind).toBe("bad-request");
  });

  it("server-error: anything else the server raises", async () => {
    const error = await kindOf(session.client.search("res.partner", [["name", "no-such-operator", "x"]]));
    expect(error.kind).toBe("server-error");
    expect(error.exceptionClass).toMatch(/ValueError$/);
  });

  it("access-denied and unknown-database when connecting", async () => {
    const { double } = session;
    const wrongSecret =
      testCase.protocol === "json2"
        ? { kind: "api-key" as const, secret: new Secret("wrong-key") }
        : { kind: "password" as const, secret: new Secret("wrong-password") };
    const denied = await kindOf(connectOdoo(optionsFor(double, testCase.protocol, { credential: wrongSecret })));
    expect(denied.kind).toBe("access-denied");
    const noDatabase = await kindOf(connectOdoo(optionsFor(double, testCase.protocol, { database: "no_such_db_xyz" })));
    expect(noDatabase.kind).toBe("unknown-database");
  });

  it("throttled and unavailable once the retry bound is reached", async () => {
    const { double } = session;
    const clock = recordingClock();
    const client = await connectOdoo(optionsFor(double, testCase.protocol, { retryRuntime: clock, retry: { maxAttempts: 3 } }));
    try {
      double.setFaults({ throttle: { every: 1, retryAfterSeconds: 2 } });
      double.clearCallLog();
      const throttled = await kindOf(client.searchCount("res.partner", []));
      expect([throttled.kind, throttled.httpStatus, throttled.attempts, throttled.retryAfterSeconds]).toEqual(["throttled", 429, 3, 2]);
      expect(double.callLog.filter((entry) => entry.fault === "throttle")).toHaveLength(3);
      expect(clock.sleeps).toEqual([2000 + 125, 2000 + 125]);
      double.setFaults({ serverError: { every: 1, status: 503 } });
      const unavailable = await kindOf(client.searchCount("res.partner", []));
      expect([unavailable.kind, unavailable.httpStatus, unavailable.attempts]).toEqual(["unavailable", 503, 3]);
      double.setFaults({ throttle: { every: 1, retryAfterSeconds: 3600 } });
      const tooLong = await kindOf(client.searchCount("res.partner", []));
      expect([tooLong.kind, tooLong.attempts]).toEqual(["throttled", 1]);
    } finally {
      double.setFaults({});
      await client.close();
    }
  });

  it("timeout when the server does not answer in time", async () => {
    const { double } = session;
    const client = await connectOdoo(optionsFor(double, testCase.protocol, { retryRuntime: recordingClock(), retry: { maxAttempts: 2 }, timeoutMs: 100 }));
    try {
      double.setFaults({ delayMs: 400 });
      const error = await kindOf(client.searchCount("res.partner", []));
      expect([error.kind, error.attempts]).toEqual(["timeout", 2]);
    } finally {
      double.setFaults({});
      await client.close();
    }
  });

  it("configuration: JSON-2 refuses passwords before any request", async () => {
    const error = await kindOf(connectOdoo(optionsFor(session.double, "json2", { credential: { kind: "password", secret: new Secret("admin") } })));
    expect(error.kind).toBe("configuration");
  });
});

describe("errors that need no Odoo", () => {
  let other: Server;
  let otherUrl: string;
  beforeAll(async () => {
    other = createServer((_request, response) => {
      response.writeHead(200, { "Content-Type": "text/html" });
      response.end("<html><body>Welcome to nginx!</body></html>");
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", () => resolve()));
    otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => other.close(() => resolve()));
  });

  it("protocol: the URL answers, but not as Odoo", async () => {
    const error = await rejection(
      connectOdoo({
        url: otherUrl,
        database: "db",
        login: "admin",
        credential: { kind: "password", secret: new Secret("pw") },
        retryRuntime: recordingClock(),
      }),
    );
    expect(error).toBeInstanceOf(OdooError);
    expect((error as OdooError).kind).toBe("protocol");
    expect((error as OdooError).message).toContain(`is ${otherUrl} an Odoo server?`);
  });

  it("transport: a refused connection is retried once the server has answered (it restarts), not on the first call", async () => {
    const refused = (): Promise<never> =>
      Promise.reject(new AttemptFailed({ kind: "transport", error: new TransportError("connect ECONNREFUSED", "ECONNREFUSED", false, false) }));
    const policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 3 };
    const during = recordingClock();
    const later = await rejection(withRetries({ model: "res.partner", method: "read", safety: "read" }, refused, policy, during));
    expect([(later as OdooError).attempts, during.sleeps.length]).toEqual([3, 2]);
    const first = recordingClock();
    const atOnce = await rejection(withRetries({ method: "version", safety: "read", firstContact: true }, refused, policy, first));
    expect([(atOnce as OdooError).attempts, first.sleeps.length]).toEqual([1, 0]);
  });

  it("transport: nothing listens at the URL (reported at once: retrying a wrong URL or port only hides it)", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", () => resolve()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const clock = recordingClock();
    const error = await rejection(
      connectOdoo({
        url: `http://127.0.0.1:${port}`,
        database: "db",
        login: "admin",
        credential: { kind: "password", secret: new Secret("pw") },
        retryRuntime: clock,
        retry: { maxAttempts: 3 },
      }),
    );
    expect(error).toBeInstanceOf(OdooError);
    expect([(error as OdooError).kind, (error as OdooError).attempts, (error as OdooError).mayHaveReachedServer]).toEqual(["transport", 1, false]);
    expect((error as OdooError).message).toContain(`GET http://127.0.0.1:${port}/web/version failed: connect ECONNREFUSED`);
    expect(clock.sleeps).toEqual([]);
  });
});
