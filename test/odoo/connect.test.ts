/**
 * Connecting: settings from the environment only, the protocol chosen from the server's version
 * (or forced) and said out loud, and credentials that never show up in events, errors or logs.
 */

import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionOptionsFromEnvironment, connectOdoo, OdooError, Secret, type OdooClientEvent } from "../../runtime/odoo/client.js";
import { startOdooDouble, type OdooDouble } from "../odoo-double/server.js";
import { rejection } from "./support.js";

describe("connectionOptionsFromEnvironment", () => {
  it("reads ODOO_URL, ODOO_DB, ODOO_USER and the password", () => {
    const options = connectionOptionsFromEnvironment({ ODOO_URL: "https://crm.example.com", ODOO_DB: "prod", ODOO_USER: "migrator", ODOO_PASSWORD: "s3cret" });
    expect(options).toMatchObject({ url: "https://crm.example.com", database: "prod", login: "migrator", protocol: "auto" });
    expect(options.credential.kind).toBe("password");
    expect(options.credential.secret.reveal()).toBe("s3cret");
  });

  it("prefers an API key, which both protocols accept, and needs no login for JSON-2", () => {
    const options = connectionOptionsFromEnvironment({
      ODOO_URL: "https://crm.example.com",
      ODOO_DB: "prod",
      ODOO_API_KEY: "key",
      ODOO_PASSWORD: "pw",
      ODOO_PROTOCOL: "json2",
    });
    expect([options.credential.kind, options.protocol, options.login]).toEqual(["api-key", "json2", undefined]);
  });

  it("lets flags override the non-secret settings", () => {
    const options = connectionOptionsFromEnvironment(
      { ODOO_URL: "https://a.example.com", ODOO_DB: "a", ODOO_USER: "u", ODOO_PASSWORD: "pw" },
      { url: "https://b.example.com", protocol: "xmlrpc" },
    );
    expect([options.url, options.database, options.protocol]).toEqual(["https://b.example.com", "a", "xmlrpc"]);
  });

  it("names every missing variable", () => {
    const error = (() => {
      try {
        connectionOptionsFromEnvironment({ ODOO_USER: "u" });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(OdooError);
    expect((error as OdooError).kind).toBe("configuration");
    expect((error as OdooError).odooMessage).toBe("missing environment variables: ODOO_URL, ODOO_DB, ODOO_API_KEY or ODOO_PASSWORD");
  });

  it("names the login with the others when it is missing too, not in a second round once they are set", () => {
    const messageOf = (env: Record<string, string>): string => {
      try {
        connectionOptionsFromEnvironment(env);
      } catch (caught) {
        return caught instanceof OdooError ? caught.odooMessage : String(caught);
      }
      return "";
    };
    expect(messageOf({})).toBe("missing environment variables: ODOO_URL, ODOO_DB, ODOO_USER, ODOO_API_KEY or ODOO_PASSWORD");
    expect(messageOf({ ODOO_URL: "https://crm.example.com", ODOO_PASSWORD: "pw" })).toBe("missing environment variables: ODOO_DB, ODOO_USER");
    // JSON-2 with an API key needs no login.
    expect(messageOf({ ODOO_URL: "https://crm.example.com", ODOO_API_KEY: "k", ODOO_PROTOCOL: "json2" })).toBe("missing environment variable: ODOO_DB");
  });

  it("refuses JSON-2 with a password, an unknown protocol, and a password without a login", () => {
    const base = { ODOO_URL: "https://crm.example.com", ODOO_DB: "prod" };
    expect(() => connectionOptionsFromEnvironment({ ...base, ODOO_USER: "u", ODOO_PASSWORD: "pw", ODOO_PROTOCOL: "json2" })).toThrow(/needs ODOO_API_KEY/);
    expect(() => connectionOptionsFromEnvironment({ ...base, ODOO_USER: "u", ODOO_PASSWORD: "pw", ODOO_PROTOCOL: "soap" })).toThrow(/auto, xmlrpc or json2/);
    expect(() => connectionOptionsFromEnvironment({ ...base, ODOO_PASSWORD: "pw" })).toThrow(/ODOO_USER/);
  });
});

describe("choosing the protocol", () => {
  let double17: OdooDouble;
  let double19: OdooDouble;
  beforeAll(async () => {
    double17 = await startOdooDouble({ version: "17.0", apiKeys: [{ login: "admin", key: "api-key-17-0123456789" }] });
    double19 = await startOdooDouble({ version: "19.0", apiKeys: [{ login: "admin", key: "api-key-19-0123456789" }] });
  });
  afterAll(async () => {
    await double17.stop();
    await double19.stop();
  });

  const connectWith = async (
    double: OdooDouble,
    kind: "password" | "api-key",
    protocol: "auto" | "xmlrpc" | "json2" = "auto",
  ): Promise<{ protocol: string; events: OdooClientEvent[] }> => {
    const events: OdooClientEvent[] = [];
    const secret = kind === "password" ? "admin" : double === double17 ? "api-key-17-0123456789" : "api-key-19-0123456789";
    const client = await connectOdoo({
      url: double.url,
      database: double.database,
      login: "admin",
      credential: { kind, secret: new Secret(secret) },
      protocol,
      onEvent: (event) => events.push(event),
    });
    await client.close();
    return { protocol: client.protocol, events };
  };

  it("uses XML-RPC before Odoo 19, even with an API key", async () => {
    const { protocol, events } = await connectWith(double17, "api-key");
    expect(protocol).toBe("xmlrpc");
    expect(events).toEqual([expect.objectContaining({ type: "connected", protocol: "xmlrpc", serverVersion: "17.0-20240709", reason: "Odoo 17.0: XML-RPC" })]);
  });

  it("uses JSON-2 on Odoo 19 with an API key", async () => {
    const { protocol, events } = await connectWith(double19, "api-key");
    expect(protocol).toBe("json2");
    expect(events).toEqual([expect.objectContaining({ type: "connected", protocol: "json2", reason: "Odoo 19.0 with an API key: JSON-2" })]);
  });

  it("falls back to XML-RPC on Odoo 19 with a password, and warns that it is deprecated", async () => {
    const { protocol, events } = await connectWith(double19, "password");
    expect(protocol).toBe("xmlrpc");
    expect(events.map((event) => event.type)).toEqual(["warning", "connected"]);
    expect(events[0]).toEqual({ type: "warning", message: "XML-RPC is deprecated in Odoo 19.0 and removed in Odoo 20; set ODOO_API_KEY to use JSON-2" });
  });

  it("can be forced, but not to JSON-2 on a server that has none", async () => {
    expect((await connectWith(double19, "api-key", "xmlrpc")).protocol).toBe("xmlrpc");
    const error = await rejection(connectWith(double17, "api-key", "json2"));
    expect((error as OdooError).kind).toBe("configuration");
    expect((error as OdooError).odooMessage).toBe("JSON-2 exists from Odoo 19 on; this server runs 17.0-20240709: use XML-RPC (ODOO_PROTOCOL=xmlrpc or auto)");
  });

  it("refuses URLs that carry credentials, and anything that is not http(s)", async () => {
    const credential = { kind: "password" as const, secret: new Secret("admin") };
    const withUser = await rejection(connectOdoo({ url: "https://admin:admin@crm.example.com", database: "db", login: "admin", credential }));
    expect((withUser as OdooError).kind).toBe("configuration");
    const ftp = await rejection(connectOdoo({ url: "ftp://crm.example.com", database: "db", login: "admin", credential }));
    expect((ftp as OdooError).odooMessage).toBe("ODOO_URL must start with https:// or http://, not ftp:");
  });
});

describe("credentials never leak", () => {
  const password = "correct-horse-battery-staple";
  let double: OdooDouble;
  beforeAll(async () => {
    double = await startOdooDouble({ version: "18.0", adminPassword: password });
  });
  afterAll(async () => {
    await double.stop();
  });

  it("keeps secrets out of printed options, events, errors and the client", async () => {
    const options = connectionOptionsFromEnvironment({ ODOO_URL: double.url, ODOO_DB: double.database, ODOO_USER: "admin", ODOO_PASSWORD: password });
    expect(JSON.stringify(options)).not.toContain(password);
    expect(inspect(options, { depth: 10 })).not.toContain(password);
    expect(String(options.credential.secret)).toBe("[redacted]");
    const events: OdooClientEvent[] = [];
    const client = await connectOdoo({ ...options, onEvent: (event) => events.push(event), retryRuntime: { random: () => 0, sleep: async () => undefined } });
    double.setFaults({ throttle: { every: 2, retryAfterSeconds: 1 } });
    await client.searchCount("res.partner", []);
    await client.searchCount("res.partner", []);
    const failure = await rejection(client.write("res.partner", [999999], { name: "x" }));
    double.setFaults({});
    await client.close();
    const wrong = await rejection(connectOdoo({ ...options, credential: { kind: "password", secret: new Secret(`${password}-wrong`) } }));
    const printed = [
      JSON.stringify(events),
      inspect(client, { depth: 10 }),
      String(failure),
      inspect(failure, { depth: 10 }),
      String(wrong),
      inspect(wrong, { depth: 10 }),
      JSON.stringify(double.callLog),
    ];
    for (const text of printed) expect(text).not.toContain(password);
    expect(events.some((event) => event.type === "retry")).toBe(true);
  });
});

describe("TLS", () => {
  const certificate = readFileSync(new URL("tls/test-server.cert.pem", import.meta.url), "utf8");
  const key = readFileSync(new URL("tls/test-server.key.pem", import.meta.url), "utf8");
  let double: OdooDouble;
  let proxy: HttpsServer;
  let httpsUrl: string;
  beforeAll(async () => {
    double = await startOdooDouble({ version: "17.0" });
    // An HTTPS front with a self-signed certificate, forwarding to the double.
    proxy = createHttpsServer({ key, cert: certificate }, (incoming, outgoing) => {
      const forwarded = httpRequest(`${double.url}${incoming.url ?? "/"}`, { method: incoming.method, headers: incoming.headers }, (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      });
      incoming.pipe(forwarded);
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", () => resolve()));
    httpsUrl = `https://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    proxy.closeAllConnections();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
    await double.stop();
  });

  const options = { database: "lab17", login: "admin", credential: { kind: "password" as const, secret: new Secret("admin") }, retry: { maxAttempts: 1 } };

  it("refuses a certificate it cannot verify", async () => {
    const error = await rejection(connectOdoo({ ...options, url: httpsUrl }));
    expect(error).toBeInstanceOf(OdooError);
    expect((error as OdooError).kind).toBe("transport");
    expect((error as OdooError).odooMessage).toMatch(/self[- ]signed certificate/);
  });

  it("connects when the certificate's CA is trusted", async () => {
    const client = await connectOdoo({ ...options, url: httpsUrl, tls: { ca: certificate } });
    expect(client.url).toBe(httpsUrl);
    expect(await client.searchCount("crm.stage", [])).toBe(4);
    await client.close();
  });
});
