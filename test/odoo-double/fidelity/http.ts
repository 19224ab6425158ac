/** Sending recorded requests to the double as raw HTTP, and reading recorded XML-RPC calls. */

import { request as httpRequest } from "node:http";
import { PassThrough } from "node:stream";
import Deserializer from "xmlrpc/lib/deserializer.js";

export interface RawAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

export function send(url: string, method: "GET" | "POST", headers: Record<string, string>, body: string | undefined): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { method, headers: { ...headers, ...(body === undefined ? {} : { "Content-Length": String(Buffer.byteLength(body)) }) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers["content-type"] ?? ""),
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** A recorded XML-RPC `methodCall` body: the method and its parameters. */
export function parseCall(body: string): Promise<{ method: string; params: unknown[] }> {
  return new Promise((resolve, reject) => {
    const stream = new PassThrough();
    new Deserializer("utf8").deserializeMethodCall(stream, (error, method, params) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve({ method, params }),
    );
    stream.end(body, "utf8");
  });
}

export function lastTracebackLine(text: string): string {
  const lines = text.trimEnd().split("\n");
  return lines[lines.length - 1] ?? "";
}
