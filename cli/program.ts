/** What each command module gets to register itself on the `flitmap` program. */
import type { Command } from "commander";
import type { CommandContext } from "./context.js";
import type { ExitCode } from "./exit-codes.js";

export interface CommandRegistration {
  readonly program: Command;
  readonly context: CommandContext;
  /** Records the exit code of the command that ran. */
  readonly exit: (code: ExitCode) => void;
}

export type RegisterCommand = (registration: CommandRegistration) => void;
