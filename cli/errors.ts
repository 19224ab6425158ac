/**
 * The CLI's errors as typed values: each knows its exit code, and errors from the layers below
 * (Odoo, the file system, a run's records) are told apart by their type and fields, never by the
 * words of their message.
 */
import { relative } from "node:path";
import { JournalError } from "../runtime/journal/journal-error.js";
import { isOdooError, type OdooErrorKind } from "../runtime/odoo/errors.js";
import { ExitCode } from "./exit-codes.js";

/** An error that ends a command with its own exit code and message. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = "CommandError";
  }
}

/** Wrong usage, or something the command needs that is not there: exit code 2. */
export class UsageError extends CommandError {
  constructor(message: string) {
    super(message, ExitCode.cannotRun);
    this.name = "UsageError";
  }
}

/** The command found that the result is not what the package promises (its errors, a run's problems): exit code 1. */
export class ProblemsFound extends CommandError {
  constructor(message: string) {
    super(message, ExitCode.problems);
    this.name = "ProblemsFound";
  }
}

/** Odoo's answers that mean the command could not start (settings, credentials, database), rather than a problem met on the way. */
const SETTINGS_KINDS: ReadonlySet<OdooErrorKind> = new Set(["configuration", "access-denied", "unknown-database"]);

/** An error of the operating system (a file not there, in the way, not allowed), as Node gives it. */
interface SystemError extends Error {
  readonly code: string;
  readonly path?: string;
  readonly dest?: string;
}

function isSystemError(error: unknown): error is SystemError {
  return error instanceof Error && "code" in error && typeof error.code === "string" && "syscall" in error && typeof error.syscall === "string";
}

function systemErrorMessage(error: SystemError, cwd: string): string {
  const path = error.path === undefined ? "" : relative(cwd, error.path) || error.path;
  switch (error.code) {
    case "ENOENT":
      return `${path}: no such file or folder`;
    case "EEXIST":
      return `${path} is already there (a file where a folder was expected, or the other way round)`;
    case "ENOTDIR":
      return `${path}: part of this path is a file, not a folder`;
    case "EISDIR":
      return `${path} is a folder, not a file`;
    case "EACCES":
    case "EPERM":
      return `${path}: permission denied`;
    case "ENOSPC":
      return `the disk is full (writing ${path})`;
    default:
      return `${path === "" ? "" : `${path}: `}${error.message}`;
  }
}

/** The command error an error from below amounts to; undefined for one no layer expects (a bug: an internal error). */
export function commandErrorOf(error: unknown, cwd: string): CommandError | undefined {
  if (error instanceof CommandError) return error;
  // A journal that went under a command (deleted, replaced, a full disk) stopped it before it wrote what it could not journal.
  if (error instanceof JournalError) return new CommandError(error.message, ExitCode.problems);
  // A server that cannot be reached or refuses the credentials is the user's to fix, not a crash.
  if (isOdooError(error)) return new CommandError(error.message, SETTINGS_KINDS.has(error.kind) ? ExitCode.cannotRun : ExitCode.problems);
  if (isSystemError(error)) return new CommandError(systemErrorMessage(error, cwd), ExitCode.cannotRun);
  return undefined;
}
