/**
 * XML-RPC bodies, through the `xmlrpc` package's serializer and deserializer. Values are checked
 * before they are sent: Odoo's server cannot unmarshal an empty `<value/>` the way JavaScript
 * means `undefined`, nor NaN or Infinity.
 */

import { PassThrough } from "node:stream";
import serializer from "xmlrpc/lib/serializer.js";
import Deserializer from "xmlrpc/lib/deserializer.js";
import { OdooError } from "./errors.js";

export type XmlRpcOutcome =
  { readonly kind: "result"; readonly value: unknown } | { readonly kind: "fault"; readonly faultCode: unknown; readonly faultString: unknown };

export function encodeMethodCall(method: string, params: readonly unknown[]): string {
  return serializer.serializeMethodCall(
    method,
    params.map((param) => toWireValue(param, "param")),
  );
}

/** Drops undefined object members, refuses values XML-RPC cannot carry. */
export function toWireValue(value: unknown, path: string): unknown {
  if (value === undefined) return false;
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw new OdooError({ kind: "bad-value", odooMessage: `${path} is ${String(value)}, which cannot be sent to Odoo` });
    }
    return value;
  }
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value;
  if (Buffer.isBuffer(value)) return value;
  if (Array.isArray(value)) return value.map((item, index) => toWireValue(item, `${path}[${index}]`));
  if (typeof value === "object") {
    const result: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      if (member !== undefined) result[key] = toWireValue(member, `${path}.${key}`);
    }
    return result;
  }
  throw new OdooError({ kind: "bad-value", odooMessage: `${path} is a ${typeof value}, which cannot be sent to Odoo` });
}

export function decodeMethodResponse(body: string): Promise<XmlRpcOutcome> {
  return new Promise((resolve, reject) => {
    const stream = new PassThrough();
    new Deserializer("utf8").deserializeMethodResponse(stream, (error, result) => {
      if (error === null || error === undefined) {
        resolve({ kind: "result", value: result });
        return;
      }
      if (typeof error === "object" && "faultCode" in error) {
        const fault = error as { faultCode: unknown; faultString?: unknown };
        resolve({ kind: "fault", faultCode: fault.faultCode, faultString: fault.faultString ?? "" });
        return;
      }
      reject(error instanceof Error ? error : new Error(String(error)));
    });
    stream.end(body, "utf8");
  });
}
