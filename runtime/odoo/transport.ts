/**
 * One HTTP exchange with Odoo, and the one fact retries depend on: whether a failed request may
 * have reached the server. A connection that was never established cannot have changed any data;
 * a reset or a timeout after the request went out can have.
 */

import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type ClientRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { Socket } from "node:net";

export interface HttpExchange {
  readonly method: "GET" | "POST";
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export class TransportError extends Error {
  /** Node's error code (ECONNREFUSED, ECONNRESET, ...) or TIMEOUT. */
  readonly code: string;
  /** False only when no connection was ever made, so the server cannot have seen the request. */
  readonly mayHaveReachedServer: boolean;
  readonly timedOut: boolean;

  constructor(message: string, code: string, mayHaveReachedServer: boolean, timedOut: boolean, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "TransportError";
    this.code = code;
    this.mayHaveReachedServer = mayHaveReachedServer;
    this.timedOut = timedOut;
  }
}

export interface TlsSettings {
  /** Verify the server certificate (default true). Only switch off for a lab server you own. */
  readonly rejectUnauthorized?: boolean;
  /** Extra trusted CA certificates (PEM), for servers signed by a private CA. */
  readonly ca?: string | Buffer;
}

export interface TransportSettings {
  readonly tls?: TlsSettings;
  /** Upper bound of simultaneous connections (the batch loader's concurrency). */
  readonly maxSockets?: number;
  readonly userAgent?: string;
}

const CONNECT_ERROR_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"]);

export class HttpTransport {
  readonly #httpAgent: HttpAgent;
  readonly #httpsAgent: HttpsAgent;
  readonly #userAgent: string;

  constructor(settings: TransportSettings = {}) {
    const maxSockets = settings.maxSockets ?? 4;
    // Idle sockets are closed well before a typical server keep-alive timeout, so a reused
    // socket is rarely one the server has already dropped.
    this.#httpAgent = new HttpAgent({ keepAlive: true, maxSockets, timeout: 4_000 });
    this.#httpsAgent = new HttpsAgent({
      keepAlive: true,
      maxSockets,
      timeout: 4_000,
      rejectUnauthorized: settings.tls?.rejectUnauthorized ?? true,
      ...(settings.tls?.ca === undefined ? {} : { ca: settings.tls.ca }),
    });
    this.#userAgent = settings.userAgent ?? "flitmap";
  }

  send(exchange: HttpExchange): Promise<HttpAnswer> {
    return new Promise<HttpAnswer>((resolve, reject) => {
      const secure = exchange.url.protocol === "https:";
      const body = exchange.body === undefined ? undefined : Buffer.from(exchange.body, "utf8");
      const headers: Record<string, string> = { "User-Agent": this.#userAgent, ...exchange.headers };
      if (body !== undefined) headers["Content-Length"] = String(body.length);
      let connected = false;
      let settled = false;
      const options = {
        method: exchange.method,
        headers,
        agent: secure ? this.#httpsAgent : this.#httpAgent,
      };
      const request: ClientRequest = secure ? httpsRequest(exchange.url, options) : httpRequest(exchange.url, options);

      const fail = (error: TransportError): void => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        request.destroy();
        reject(error);
      };

      const deadline = setTimeout(() => {
        fail(new TransportError(`no answer from ${displayUrl(exchange.url)} within ${exchange.timeoutMs} ms`, "TIMEOUT", connected, true));
      }, exchange.timeoutMs);

      request.on("socket", (socket: Socket) => {
        if (request.reusedSocket || !socket.connecting) {
          connected = true;
        } else {
          socket.once(secure ? "secureConnect" : "connect", () => {
            connected = true;
          });
        }
      });

      request.on("response", (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", (error: NodeJS.ErrnoException) => {
          fail(new TransportError(`the answer from ${displayUrl(exchange.url)} was cut off: ${error.message}`, error.code ?? "ECONNRESET", true, false, error));
        });
        response.on("aborted", () => {
          fail(new TransportError(`the answer from ${displayUrl(exchange.url)} was cut off`, "ECONNRESET", true, false));
        });
        response.on("end", () => {
          if (settled) return;
          settled = true;
          clearTimeout(deadline);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") });
        });
      });

      request.on("error", (error: NodeJS.ErrnoException) => {
        const code = error.code ?? "EUNKNOWN";
        const reached = connected && !CONNECT_ERROR_CODES.has(code);
        fail(new TransportError(`${exchange.method} ${displayUrl(exchange.url)} failed: ${error.message}`, code, reached, false, error));
      });

      request.end(body);
    });
  }

  close(): void {
    this.#httpAgent.destroy();
    this.#httpsAgent.destroy();
  }
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), or undefined. */
export function retryAfterSeconds(headers: IncomingHttpHeaders, now: number = Date.now()): number | undefined {
  const raw = headers["retry-after"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value.trim() === "") return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** A URL safe to print: no user info, no query. */
export function displayUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname === "/" ? "" : url.pathname}`;
}
