/** Connecting to the Odoo a command names (`--url`, `--db`, `--protocol`, else the environment). */
import { connectionOptionsFromEnvironment, connectOdoo, type OdooClient } from "../runtime/odoo/index.js";
import type { CommandContext } from "./context.js";

export interface ConnectionCommandOptions {
  readonly url?: string;
  readonly db?: string;
  readonly protocol?: string;
}

/** Credentials come only from ODOO_USER with ODOO_API_KEY or ODOO_PASSWORD, and are never printed. */
export async function connectFromCommandLine(options: ConnectionCommandOptions, context: CommandContext): Promise<OdooClient> {
  const overrides: Record<string, string> = {};
  if (options.url !== undefined) overrides["url"] = options.url;
  if (options.db !== undefined) overrides["database"] = options.db;
  if (options.protocol !== undefined) overrides["protocol"] = options.protocol;
  const connection = connectionOptionsFromEnvironment(context.env as NodeJS.ProcessEnv, overrides);
  const client = await connectOdoo({
    ...connection,
    onEvent: (event) => {
      if (event.type === "connected") context.stderr(`odoo: ${event.reason}\n`);
      if (event.type === "warning") context.stderr(`odoo: ${event.message}\n`);
      if (event.type === "retry")
        context.stderr(`odoo: retrying ${event.model ?? ""} ${event.method ?? ""} in ${Math.round(event.delayMs / 100) / 10} s (${event.reason})\n`);
    },
  });
  context.stdout(`connected: ${client.describe()}\n`);
  return client;
}
