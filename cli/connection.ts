/** Connecting to the Odoo a command names (`--url`, `--db`, `--protocol`, else the environment). */
import { connectionOptionsFromEnvironment, connectOdoo, isOdooError, type OdooClient } from "../runtime/odoo/index.js";
import type { CommandContext } from "./context.js";
import { UsageError } from "./errors.js";

export interface ConnectionCommandOptions {
  readonly url?: string;
  readonly db?: string;
  readonly protocol?: string;
}

/**
 * Credentials come only from ODOO_USER with ODOO_API_KEY or ODOO_PASSWORD, and are never printed.
 * A server that cannot be reached, refuses the login or lacks the database stops the command
 * before it does anything: exit code 2, with the server's answer.
 */
export async function connectFromCommandLine(options: ConnectionCommandOptions, context: CommandContext): Promise<OdooClient> {
  const overrides: Record<string, string> = {};
  if (options.url !== undefined) overrides["url"] = options.url;
  if (options.db !== undefined) overrides["database"] = options.db;
  if (options.protocol !== undefined) overrides["protocol"] = options.protocol;
  let client: OdooClient;
  try {
    const connection = connectionOptionsFromEnvironment(context.env, overrides);
    client = await connectOdoo({
      ...connection,
      onEvent: (event) => {
        if (event.type === "connected") context.stderr(`odoo: ${event.reason}\n`);
        if (event.type === "warning") context.stderr(`odoo: ${event.message}\n`);
        if (event.type === "retry")
          context.stderr(
            `odoo: retrying ${[event.model, event.method].filter((part) => part !== undefined).join(" ")} in ${Math.round(event.delayMs / 100) / 10} s (${event.reason})\n`,
          );
      },
    });
  } catch (error) {
    if (isOdooError(error)) throw new UsageError(`cannot connect to Odoo: ${error.message}`);
    throw error;
  }
  context.stdout(`connected: ${client.describe()}\n`);
  return client;
}
