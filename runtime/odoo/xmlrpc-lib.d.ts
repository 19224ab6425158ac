// Types for the two internal modules of the `xmlrpc` package that the connector uses directly
// (its own client cannot report HTTP statuses, Retry-After or whether a request was sent).
declare module "xmlrpc/lib/serializer.js" {
  const serializer: {
    serializeMethodCall(method: string, params: readonly unknown[], encoding?: string): string;
    serializeMethodResponse(result: unknown): string;
    serializeFault(fault: unknown): string;
  };
  export = serializer;
}

declare module "xmlrpc/lib/deserializer.js" {
  import type { Readable } from "node:stream";
  class Deserializer {
    constructor(encoding?: string);
    deserializeMethodResponse(stream: Readable, callback: (error: unknown, result: unknown) => void): void;
    deserializeMethodCall(stream: Readable, callback: (error: unknown, method: string, params: unknown[]) => void): void;
  }
  export = Deserializer;
}
